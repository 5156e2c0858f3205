/**
 * Wall-clock times in a station's IANA time zone and the UTC instants we store. Sessions are
 * booked in local time (Asia/Shanghai unless said otherwise); overlap checks and calendars work on
 * instants, so a session entered from another zone still collides correctly.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const OFFSET_SUFFIX = /(Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || !zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An ISO 8601 date-time with an offset, or a local one (read in `zone`). */
export function isSessionDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const local = value.replace(OFFSET_SUFFIX, '');
  return (
    LOCAL.test(local) && !Number.isNaN(Date.parse(OFFSET_SUFFIX.test(value) ? value : `${value}Z`))
  );
}

function partsIn(instant: number, zone: string) {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const parts = Object.fromEntries(
    format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Offset of `zone` from UTC at an instant, in milliseconds (Shanghai: +8 h). */
export function offsetAt(instant: number, zone: string): number {
  const p = partsIn(instant, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a date-time denotes: its own offset if it has one, else wall time in `zone`. */
export function toInstant(value: string, zone: string): Date {
  if (OFFSET_SUFFIX.test(value)) return new Date(value);
  const m = LOCAL.exec(value);
  if (!m) throw new RangeError(`not a date-time: ${value}`);
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0), +(m[7] ?? 0));
  // Two passes settle the offset across a daylight-saving change.
  let instant = wall - offsetAt(wall, zone);
  instant = wall - offsetAt(instant, zone);
  return new Date(instant);
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(instant: Date, zone: string): string {
  const p = partsIn(instant.getTime(), zone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Wall-clock fields of an instant in a zone, for calendars (YYYYMMDDTHHMMSS). */
export function localStamp(instant: Date, zone: string): string {
  const p = partsIn(instant.getTime(), zone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}${two(p.month)}${two(p.day)}T${two(p.hour)}${two(p.minute)}${two(p.second)}`;
}
