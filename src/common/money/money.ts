/**
 * Money as exact integer minor units plus an ISO 4217 currency: never floating point. The API
 * speaks decimal strings ("50000.00"); the database stores minor units in a bigint column.
 */
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export function isCurrencyCode(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z]{3}$/.test(value) && CURRENCIES.has(value);
}

// Building a NumberFormat costs about a millisecond; there are a few hundred currencies.
const DIGITS = new Map<string, number>();

/** Minor-unit digits of a currency per ISO 4217 as the runtime's CLDR data has it (CNY 2, JPY 0, KWD 3). */
export function minorDigits(currency: string): number {
  let digits = DIGITS.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    DIGITS.set(currency, digits);
  }
  return digits;
}

export const DECIMAL_AMOUNT = /^(0|[1-9]\d{0,14})(\.\d{1,3})?$/;

/** "50000.5" CNY → 5000050n; throws when the amount has more decimals than the currency allows. */
export function toMinorUnits(amount: string, currency: string): bigint {
  if (!DECIMAL_AMOUNT.test(amount)) throw new RangeError(`not a decimal amount: ${amount}`);
  const digits = minorDigits(currency);
  const [whole, fraction = ''] = amount.split('.');
  if (fraction.length > digits) throw new RangeError(`${currency} has ${digits} decimal digits`);
  return BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
}

/** 5000050n CNY → "50000.50". */
export function fromMinorUnits(minor: bigint | string | number, currency: string): string {
  const value = BigInt(minor);
  const digits = minorDigits(currency);
  if (digits === 0) return value.toString();
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const base = 10n ** BigInt(digits);
  return `${negative ? '-' : ''}${abs / base}.${(abs % base).toString().padStart(digits, '0')}`;
}

export function amountFitsCurrency(amount: string, currency: string): boolean {
  try {
    toMinorUnits(amount, currency);
    return true;
  } catch {
    return false;
  }
}

/** TypeORM transformer: bigint column ↔ bigint (PostgreSQL returns bigint as a string). */
export const bigintTransformer = {
  to: (value: bigint | null | undefined) =>
    value === null || value === undefined ? value : value.toString(),
  from: (value: string | number | null) =>
    value === null || value === undefined ? null : BigInt(value),
};
