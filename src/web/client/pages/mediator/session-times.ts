/**
 * Wall times of sessions in their own time zone, weeks of a calendar, and overlaps between
 * sessions: what the calendar and the scheduling form compute in the browser. Pure, no DOM.
 */

export interface TimedSession {
  id: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  status: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local date (YYYY-MM-DD) and time (HH:MM) of an instant in a time zone. */
export function localParts(instant: string | Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}`,
  };
}

/** Minutes a zone is ahead of UTC at an instant. */
function offsetMinutes(instant: Date, timeZone: string): number {
  const { date, time } = localParts(instant, timeZone);
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60000) * 60000) / 60000);
}

/** The instant of a local wall time (YYYY-MM-DDTHH:MM) in a zone, as the server reads it. */
export function instantOf(local: string, timeZone: string): Date {
  const guess = new Date(`${local}:00Z`);
  const first = new Date(guess.getTime() - offsetMinutes(guess, timeZone) * 60000);
  // A second pass settles zones whose offset differs on either side of the guess.
  return new Date(guess.getTime() - offsetMinutes(first, timeZone) * 60000);
}

/** Adds days to a calendar date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The seven dates, Monday first, of the week holding a date. */
export function weekOf(date: string): string[] {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  const monday = addDays(date, -weekday);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** Sessions placed on the days of a week by their local start date, each day in start order. */
export function sessionsByDay<T extends TimedSession>(
  sessions: T[],
  days: string[],
): Map<string, T[]> {
  const byDay = new Map(days.map((d) => [d, [] as T[]]));
  for (const s of [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    byDay.get(localParts(s.startsAt, s.timeZone).date)?.push(s);
  }
  return byDay;
}

/** Rooms compare as the server compares them: without case, spacing or width differences. */
export const roomKey = (room: string) =>
  room.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

export interface BookingProposal {
  startsAt: Date;
  endsAt: Date;
  mediatorIds: string[];
  room: string | null;
  stationId: string;
}

export interface KnownBooking extends TimedSession {
  caseNumber: string;
  stationId: string;
  room: string | null;
  mediatorIds: string[];
}

export interface Overlap<T> {
  session: T;
  mediatorIds: string[];
  room: string | null;
}

/**
 * Sessions already booked that a proposal would collide with: the same mediator or interpreter,
 * or the same room of the same station, at an overlapping time (touching ends do not overlap).
 * The server decides; this lets the form warn before the mediator submits.
 */
export function overlapsWith<T extends KnownBooking>(
  proposal: BookingProposal,
  known: T[],
): Overlap<T>[] {
  const found: Overlap<T>[] = [];
  for (const s of known) {
    if (s.status === 'cancelled') continue;
    const start = Date.parse(s.startsAt);
    const end = Date.parse(s.endsAt);
    if (!(start < proposal.endsAt.getTime() && proposal.startsAt.getTime() < end)) continue;
    const mediatorIds = s.mediatorIds.filter((id) => proposal.mediatorIds.includes(id));
    const sameRoom =
      !!proposal.room &&
      !!s.room &&
      s.stationId === proposal.stationId &&
      roomKey(s.room) === roomKey(proposal.room);
    if (mediatorIds.length || sameRoom)
      found.push({ session: s, mediatorIds, room: sameRoom ? s.room : null });
  }
  return found;
}
