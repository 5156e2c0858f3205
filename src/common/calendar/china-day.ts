/**
 * Calendar days as committees count them: in China Standard Time (UTC+8, no daylight saving),
 * whatever the server's own time zone. Between 16:00 and 24:00 UTC it is already the next day in
 * China: "today" taken from UTC would call a case received this morning a future date.
 */
const OFFSET_MS = 8 * 3_600_000;

/** The China calendar day (YYYY-MM-DD) an instant falls on. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Today in China. */
export const chinaToday = (): string => chinaDay(new Date());
