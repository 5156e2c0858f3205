import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Check digits of Chinese identifiers, as plain functions. GB 11643-1999: the 18-digit resident
 * identity number; GB 32100-2015: the 18-character unified social credit code of an organisation.
 */
const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_ID_CHECK = '10X98765432';

export function residentIdCheckDigit(first17: string): string {
  const sum = [...first17].reduce(
    (acc, digit, i) => acc + Number(digit) * RESIDENT_ID_WEIGHTS[i],
    0,
  );
  return RESIDENT_ID_CHECK[sum % 11];
}

/** Shape, a real birth date, and the check digit. */
export function isResidentId(value: string): boolean {
  if (!/^[1-9]\d{16}[\dX]$/.test(value)) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1900 ||
    birth.getUTCMonth() !== month - 1 ||
    birth.getUTCDate() !== day ||
    birth.getTime() > Date.now()
  )
    return false;
  return residentIdCheckDigit(value.slice(0, 17)) === value[17];
}

/** Year of birth encoded in a resident identity number. */
export function birthYearOfResidentId(value: string): number {
  return Number(value.slice(6, 10));
}

const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckCharacter(first17: string): string {
  const sum = [...first17].reduce(
    (acc, ch, i) => acc + CREDIT_CODE_CHARSET.indexOf(ch) * CREDIT_CODE_WEIGHTS[i],
    0,
  );
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

export function isUnifiedSocialCreditCode(value: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value)) return false;
  return creditCodeCheckCharacter(value.slice(0, 17)) === value[17];
}

/** An E.164 number (+8613812345678) that is a valid number for its country. */
export function isE164Phone(value: string): boolean {
  if (!/^\+[1-9]\d{6,14}$/.test(value)) return false;
  const parsed = parsePhoneNumberFromString(value);
  return !!parsed && parsed.isValid() && parsed.number === value;
}

/** Passport and permanent-residence card numbers: letters and digits, 5 to 20 characters. */
export function isDocumentNumber(value: string): boolean {
  return /^[A-Z0-9]{5,20}$/.test(value);
}
