/*
 * Reporting periods. Committees and bureaus count by the calendar in China, so a period's days
 * run from 00:00 to 24:00 China Standard Time (UTC+8, no daylight saving): "2026-11" is
 * [2026-10-31T16:00Z, 2026-11-30T16:00Z). Instants are compared half-open: start <= at < end.
 */

export const REPORT_TIME_ZONE = 'Asia/Shanghai';
const OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

export interface ReportPeriod {
  /** First and last calendar day, inclusive, YYYY-MM-DD. */
  from: string;
  to: string;
  /** Instants: start inclusive, end exclusive (the midnight after `to`). */
  start: Date;
  end: Date;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight of a China calendar day as an instant; null when the string is no real date. */
export function chinaMidnight(day: string): Date | null {
  const m = DATE.exec(day);
  if (!m) return null;
  const utc = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== +m[1] || check.getUTCMonth() !== +m[2] - 1) return null;
  return new Date(utc - OFFSET_MS);
}

export { chinaDay } from '../common/calendar/china-day';

export function periodOf(from: string, to: string): ReportPeriod | null {
  const start = chinaMidnight(from);
  const last = chinaMidnight(to);
  if (!start || !last || last < start) return null;
  return { from, to, start, end: new Date(last.getTime() + DAY_MS) };
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/** "2026-11", "2026-Q4" or "2026" as a period; null when it is none of these. */
export function namedPeriod(name: string): ReportPeriod | null {
  let m = /^(\d{4})-(\d{2})$/.exec(name);
  if (m) {
    const [year, month] = [+m[1], +m[2]];
    if (month < 1 || month > 12) return null;
    return periodOf(`${m[1]}-${m[2]}-01`, `${m[1]}-${m[2]}-${lastDayOfMonth(year, month)}`);
  }
  m = /^(\d{4})-Q([1-4])$/.exec(name);
  if (m) {
    const first = (+m[2] - 1) * 3 + 1;
    const last = first + 2;
    return periodOf(
      `${m[1]}-${pad(first)}-01`,
      `${m[1]}-${pad(last)}-${lastDayOfMonth(+m[1], last)}`,
    );
  }
  m = /^(\d{4})$/.exec(name);
  if (m) return periodOf(`${m[1]}-01-01`, `${m[1]}-12-31`);
  return null;
}

/** The calendar months a period touches, each clipped to the period. */
export function monthsOf(period: ReportPeriod): { month: string; period: ReportPeriod }[] {
  const out: { month: string; period: ReportPeriod }[] = [];
  let [year, month] = period.from.split('-').map(Number);
  for (;;) {
    const key = `${year}-${pad(month)}`;
    if (key > period.to.slice(0, 7)) break;
    const first = `${key}-01`;
    const last = `${key}-${lastDayOfMonth(year, month)}`;
    out.push({
      month: key,
      period: periodOf(
        first < period.from ? period.from : first,
        last > period.to ? period.to : last,
      )!,
    });
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return out;
}
