/**
 * Human case numbers in a station's configured layout: {year} is the year received and {seq:N}
 * the per-station, per-year sequence padded to N digits, e.g. （{year}）义金外调字第{seq:4}号 →
 * （2026）义金外调字第0001号. The sequence itself is allocated gaplessly in the database.
 */
export function formatCaseNumber(format: string, year: number, sequence: number): string {
  return format
    .replace(/\{year\}/g, String(year))
    .replace(/\{seq(?::(\d))?\}/g, (_, width: string | undefined) =>
      String(sequence).padStart(Number(width ?? 1), '0'),
    );
}
