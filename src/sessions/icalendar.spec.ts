import * as ical from 'node-ical';
import { escapeText, foldLine, renderCalendar } from './icalendar';

describe('iCalendar feed', () => {
  const event = {
    uid: '3f1c-session@mediation',
    startsAt: new Date('2026-11-10T01:30:00Z'),
    endsAt: new Date('2026-11-10T03:00:00Z'),
    timeZone: 'Asia/Shanghai',
    summary: '调解会 第1次 （2026）义金外调字第0001号; أحمد, وشركة',
    location: '金城移民事务服务站 第二调解室',
    status: 'CONFIRMED' as const,
    sequence: 0,
    lastModified: new Date('2026-11-01T00:00:00Z'),
  };
  const text = renderCalendar('Sessions', [event], new Date('2026-11-02T00:00:00Z'));

  it('uses CRLF and folds every line at 75 octets without splitting characters', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n'))
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const long = 'SUMMARY:' + 'واحد '.repeat(40);
    const folded = foldLine(long);
    expect(
      folded
        .split('\r\n')
        .slice(1)
        .every((l) => l.startsWith(' ')),
    ).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
  });

  it('escapes text values', () => {
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
  });

  it('writes Shanghai wall time with its VTIMEZONE, and parses back to the same instants', () => {
    expect(text).toContain('DTSTART;TZID=Asia/Shanghai:20261110T093000');
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai');
    const parsed = ical.sync.parseICS(text);
    const vevent = Object.values(parsed).find((c) => c.type === 'VEVENT') as ical.VEvent;
    expect(vevent.uid).toBe(event.uid);
    expect(new Date(vevent.start).toISOString()).toBe('2026-11-10T01:30:00.000Z');
    expect(new Date(vevent.end).toISOString()).toBe('2026-11-10T03:00:00.000Z');
    expect(vevent.summary).toBe(event.summary);
    expect(vevent.location).toBe(event.location);
  });

  it('writes other zones as UTC instants', () => {
    const other = renderCalendar('x', [{ ...event, timeZone: 'Europe/Istanbul' }], new Date(0));
    expect(other).toContain('DTSTART:20261110T013000Z');
    expect(other).not.toContain('VTIMEZONE');
  });
});
