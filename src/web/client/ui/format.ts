/**
 * Dates, numbers and money in the interface language with Intl. Case dates are China calendar
 * days (YYYY-MM-DD) and are shown as such; instants are shown in China time, where the stations are.
 * Amounts arrive as exact decimal strings and are never turned into floats for display.
 */
import { language } from './i18n';

const CHINA = 'Asia/Shanghai';

export function formatDay(day: string | null | undefined): string {
  if (!day) return '—';
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '—';
  return new Intl.DateTimeFormat(language(), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: CHINA,
  }).format(new Date(instant));
}

export function formatTime(instant: string): string {
  return new Intl.DateTimeFormat(language(), { timeStyle: 'short', timeZone: CHINA }).format(
    new Date(instant),
  );
}

export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(language(), options).format(value);
}

export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '—';
  return new Intl.NumberFormat(language(), { style: 'percent', maximumFractionDigits: 1 }).format(
    ratio,
  );
}

export function formatMoney(
  money: { amount: string; currency: string } | null | undefined,
): string {
  if (!money) return '—';
  try {
    // Intl accepts the decimal string as is (exact), without a float round trip.
    return new Intl.NumberFormat(language(), {
      style: 'currency',
      currency: money.currency,
    }).format(money.amount as unknown as number);
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}

/** Today's date in China as YYYY-MM-DD. */
export function chinaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CHINA }).format(new Date());
}

/** Month names for charts: 2026-11 → "Nov 2026" in the interface language. */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(language(), {
    year: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}
