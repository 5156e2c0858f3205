/** RFC 4180 CSV with CRLF line ends; Excel reads UTF-8 only with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';

/**
 * One field. Text that a spreadsheet would run as a formula (= + - @ at the start) is prefixed
 * with an apostrophe: exported names and notes come from outside the committee.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (fields: (string | number | null | undefined)[]) =>
  `${fields.map(csvField).join(',')}\r\n`;
