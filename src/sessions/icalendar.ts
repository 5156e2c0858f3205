import { localStamp } from './session-time';

/**
 * A hand-written iCalendar (RFC 5545) feed of sessions: small, deterministic and free of a
 * dependency. Times in Asia/Shanghai (no daylight saving since 1991) are written with a TZID and
 * its VTIMEZONE, so calendars show the station's wall time; other zones are written as UTC
 * instants, which every calendar converts correctly.
 */
export interface CalendarEvent {
  uid: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  summary: string;
  location?: string | null;
  description?: string | null;
  url?: string | null;
  status: 'CONFIRMED' | 'CANCELLED';
  /** Bumped when the session changes, so calendars replace their copy. */
  sequence: number;
  lastModified: Date;
}

const FIXED_ZONES: Record<string, { offset: string; name: string }> = {
  'Asia/Shanghai': { offset: '+0800', name: 'CST' },
};

/** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // Continuation lines begin with a space, which counts towards their 75 octets.
    if (octets + size > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

const utcStamp = (instant: Date) =>
  instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

function dateTime(name: string, instant: Date, zone: string): string {
  return FIXED_ZONES[zone]
    ? `${name};TZID=${zone}:${localStamp(instant, zone)}`
    : `${name}:${utcStamp(instant)}`;
}

function timezoneBlock(zone: string): string[] {
  const fixed = FIXED_ZONES[zone];
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    `TZOFFSETFROM:${fixed.offset}`,
    `TZOFFSETTO:${fixed.offset}`,
    `TZNAME:${fixed.name}`,
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
}

export function renderCalendar(
  calendarName: string,
  events: CalendarEvent[],
  now: Date = new Date(),
): string {
  const zones = [...new Set(events.map((e) => e.timeZone))].filter((z) => FIXED_ZONES[z]).sort();
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    "PRODID:-//People's Mediation Case System//Sessions//EN",
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendarName)}`,
    ...zones.flatMap(timezoneBlock),
  ];
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${utcStamp(now)}`,
      `LAST-MODIFIED:${utcStamp(event.lastModified)}`,
      `SEQUENCE:${event.sequence}`,
      dateTime('DTSTART', event.startsAt, event.timeZone),
      dateTime('DTEND', event.endsAt, event.timeZone),
      `SUMMARY:${escapeText(event.summary)}`,
      `STATUS:${event.status}`,
    );
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.url) lines.push(`URL:${event.url}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
