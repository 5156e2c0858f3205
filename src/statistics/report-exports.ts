/*
 * The report as files: CSV (one long table), XLSX (a sheet per breakdown) and the monthly
 * people's-mediation report (dispute types × measures). All read the translated tables of
 * report-table.ts, so the figures are those of the JSON report.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJs } from './exceljs-loader';
import { fromMinorUnits, minorDigits } from '../common/money/money';
import { SupportedLanguage } from '../i18n/languages';
import { csvLine, UTF8_BOM } from './csv';
import { ReportTable, StationName, Translate, reportTables } from './report-table';
import { COUNT_MEASURES, CountMeasure, StatisticsReport } from './statistics-report';

export interface ExportContext {
  report: StatisticsReport;
  language: SupportedLanguage;
  t: Translate;
  stations: Map<string, StationName>;
}

const NUMBER_FORMAT: Partial<Record<CountMeasure, string>> = {
  successRate: '0.00%',
  medianDaysToOutcome: '0.0',
  p90DaysToOutcome: '0.0',
};

export function reportCsv(ctx: ExportContext): string {
  const { t, language: l } = ctx;
  const tables = reportTables(ctx.report, l, t, ctx.stations);
  const head = tables[0];
  let out =
    UTF8_BOM +
    csvLine([
      t('statistics:column.breakdown', {}, l),
      t('statistics:column.code', {}, l),
      t('statistics:column.label', {}, l),
      ...COUNT_MEASURES.map((m) => head.measureHeaders[m]),
      head.moneyHeaders.inDispute,
      head.moneyHeaders.covered,
    ]);
  for (const table of tables)
    for (const row of table.rows)
      out += csvLine([
        table.title,
        row.key,
        row.label,
        ...COUNT_MEASURES.map((m) => row.values[m]),
        row.moneyInDispute,
        row.moneyCovered,
      ]);
  return out;
}

/** Excel forbids []:*?/\ in sheet names and more than 31 characters; names must be unique. */
function sheetName(title: string, used: Set<string>): string {
  let name =
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet';
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${name.slice(0, 28)} ${n}`;
  used.add(name.toLowerCase());
  return name;
}

function addTableSheet(workbook: ExcelJS.Workbook, table: ReportTable, used: Set<string>) {
  const sheet = workbook.addWorksheet(sheetName(table.title, used), {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }],
  });
  sheet.columns = [
    { header: table.keyHeader, key: 'key', width: 14 },
    { header: '', key: 'label', width: 28 },
    ...COUNT_MEASURES.map((m) => ({
      header: table.measureHeaders[m],
      key: m,
      width: 14,
      style: { numFmt: NUMBER_FORMAT[m] ?? '0' },
    })),
    { header: table.moneyHeaders.inDispute, key: 'moneyInDispute', width: 30 },
    { header: table.moneyHeaders.covered, key: 'moneyCovered', width: 30 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows)
    sheet.addRow({
      key: row.key,
      label: row.label,
      ...row.values,
      moneyInDispute: row.moneyInDispute,
      moneyCovered: row.moneyCovered,
    });
}

/** Money per currency as numbers with the currency's decimals (a sheet Excel can add up). */
function addMoneySheet(workbook: ExcelJS.Workbook, ctx: ExportContext, used: Set<string>) {
  const { t, language: l, report } = ctx;
  const sheet = workbook.addWorksheet(sheetName(t('statistics:sheet.money', {}, l), used), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = [
    { header: t('statistics:column.currency', {}, l), key: 'currency', width: 12 },
    { header: t('statistics:measure.moneyInDispute', {}, l), key: 'inDispute', width: 22 },
    { header: t('statistics:measure.moneyCovered', {}, l), key: 'covered', width: 22 },
  ];
  sheet.getRow(1).font = { bold: true };
  const currencies = [
    ...new Set(
      [...report.totals.moneyInDispute, ...report.totals.moneyCovered].map((m) => m.currency),
    ),
  ].sort();
  for (const currency of currencies) {
    const of = (list: { currency: string; amountMinor: bigint }[]) =>
      Number(
        fromMinorUnits(list.find((m) => m.currency === currency)?.amountMinor ?? 0n, currency),
      );
    const row = sheet.addRow({
      currency,
      inDispute: of(report.totals.moneyInDispute),
      covered: of(report.totals.moneyCovered),
    });
    const digits = minorDigits(currency);
    const format = digits ? `#,##0.${'0'.repeat(digits)}` : '#,##0';
    row.getCell('inDispute').numFmt = format;
    row.getCell('covered').numFmt = format;
  }
}

function periodLine(ctx: ExportContext): string {
  return ctx.t(
    'statistics:title.period',
    { from: ctx.report.period.from, to: ctx.report.period.to },
    ctx.language,
  );
}

export async function reportXlsx(ctx: ExportContext): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Mediation case system';
  workbook.title = `${ctx.t('statistics:title.report', {}, ctx.language)} ${periodLine(ctx)}`;
  const used = new Set<string>();
  for (const table of reportTables(ctx.report, ctx.language, ctx.t, ctx.stations))
    addTableSheet(workbook, table, used);
  addMoneySheet(workbook, ctx, used);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The monthly people's-mediation report: a title, the period, then one row per dispute type in
 * the official order and a total row; columns are the measures.
 */
export async function monthlyReportXlsx(ctx: ExportContext): Promise<Buffer> {
  const { t, language: l } = ctx;
  const tables = reportTables(ctx.report, l, t, ctx.stations);
  const byType = tables.find((x) => x.breakdown === 'disputeType')!;
  const total = tables[0].rows[0];
  const workbook = new (await loadExcelJs()).Workbook();
  const sheet = workbook.addWorksheet(sheetName(t('statistics:title.monthly', {}, l), new Set()), {
    views: [{ state: 'frozen', ySplit: 3, xSplit: 1 }],
  });
  const width = COUNT_MEASURES.length + 3;
  sheet.addRow([t('statistics:title.monthly', {}, l)]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, width);
  sheet.addRow([periodLine(ctx)]);
  sheet.mergeCells(2, 1, 2, width);
  const header = sheet.addRow([
    t('statistics:breakdown.disputeType', {}, l),
    ...COUNT_MEASURES.map((m) => byType.measureHeaders[m]),
    byType.moneyHeaders.inDispute,
    byType.moneyHeaders.covered,
  ]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  const add = (label: string, row: typeof total) => {
    const added = sheet.addRow([
      label,
      ...COUNT_MEASURES.map((m) => row.values[m]),
      row.moneyInDispute,
      row.moneyCovered,
    ]);
    COUNT_MEASURES.forEach((m, i) => (added.getCell(i + 2).numFmt = NUMBER_FORMAT[m] ?? '0'));
    return added;
  };
  for (const row of byType.rows) add(row.label, row);
  add(t('statistics:breakdown.total', {}, l), total).font = { bold: true };
  sheet.getColumn(1).width = 22;
  for (let c = 2; c <= width; c++) sheet.getColumn(c).width = 13;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
