import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded on the first spreadsheet export instead of at start: it and its zip stack took
 * about a third of a second of every cold start, for a feature a bureau uses a few times a month.
 */
export async function loadExcelJs(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
