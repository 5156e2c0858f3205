/** RFC 4180 CSV with CRLF line ends; Excel reads UTF-8 only with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';

/** A field that starts like a formula or has to be quoted. */
const ANY_SPECIAL = /^[=+\-@\t\r]|[",\r\n]/;

/**
 * One field. Text that a spreadsheet would run as a formula (= + - @ at the start) is prefixed
 * with an apostrophe: exported names and notes come from outside the committee.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  // Most fields need neither; one test finds those that do (exports write a million of them).
  if (!ANY_SPECIAL.test(value)) return value;
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line; a loop rather than map and join, as an export writes one per case. */
export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  let line = csvField(fields[0]);
  for (let i = 1; i < fields.length; i++) line += `,${csvField(fields[i])}`;
  return `${line}\r\n`;
}
