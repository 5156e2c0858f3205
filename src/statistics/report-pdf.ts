/*
 * The printable report of a period for the bureau's monthly meeting: title, period, scope and
 * generation time; the measures of the period; bar charts by dispute type, nationality, home
 * province and mediator kind and a line chart by month (accepted against settled); the
 * definitions. Figures come from the same translated tables as the CSV and XLSX exports.
 * Same input, same bytes: the document's date is the generation time given by the caller.
 */
import { directionOf } from '../i18n/languages';
import { PageFlow } from '../documents/pdf/page-flow';
import {
  createPdfDocument,
  renderPdfToBuffer,
  writePageFooters,
} from '../documents/pdf/pdf-writer';
import { drawParagraph, drawParagraphAt, measureParagraph } from '../documents/pdf/text-block';
import {
  barChart,
  barChartHeight,
  ChartBox,
  ChartSeries,
  lineChart,
  lineChartHeight,
  TEXT_COLOR,
} from './pdf-charts';
import { ExportContext } from './report-exports';
import { ReportTable, reportTables, TableRow } from './report-table';
import { COUNT_MEASURES, CountMeasure } from './statistics-report';

export interface ReportPdfInput extends ExportContext {
  /** The scope in words, already translated (e.g. the station's or the county's name). */
  scope: string;
  generatedAt: Date;
}

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 54, bottom: 64, side: 50 };
const ACCEPTED = '#2f6db5';
const SETTLED = '#e07b24';
/** Rows shown in the open-ended breakdowns (nationality, home province): the largest first. */
export const TOP_ROWS = 12;

export const DEFINITION_KEYS = [
  'period',
  'scope',
  'dates',
  'accepted',
  'successRate',
  'pending',
  'days',
  'money',
  'breakdowns',
] as const;

/** How a figure is printed: counts as integers, the rate in percent, days to 1 decimal. */
export function formatMeasure(measure: CountMeasure, value: number | null): string {
  if (value === null) return '—';
  if (measure === 'successRate') return `${(value * 100).toFixed(2)}%`;
  if (measure === 'medianDaysToOutcome' || measure === 'p90DaysToOutcome') return value.toFixed(1);
  return String(value);
}

/** "2026-11-25 17:30 (UTC+8)": the generation time on the China calendar and clock. */
export function chinaTimestamp(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)} (UTC+8)`;
}

export async function reportPdf(input: ReportPdfInput): Promise<Buffer> {
  const { t, language: l } = input;
  const direction = directionOf(l);
  const tables = reportTables(input.report, l, t, input.stations);
  const table = (b: ReportTable['breakdown']) => tables.find((x) => x.breakdown === b)!;
  const title = t('statistics:title.report', {}, l);
  const period = t(
    'statistics:title.period',
    { from: input.report.period.from, to: input.report.period.to },
    l,
  );
  const doc = createPdfDocument({
    title: `${title} ${input.report.period.from} – ${input.report.period.to}`,
    author: input.scope,
    subject: period,
    lang: l,
    creationDate: input.generatedAt,
    margins: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.side, right: MARGIN.side },
  });
  const x = MARGIN.side;
  const width = PAGE.width - 2 * MARGIN.side;
  const box: ChartBox = { x, width, direction };
  const flow = new PageFlow(doc, { top: MARGIN.top, bottom: PAGE.height - MARGIN.bottom });
  const paragraph = (text: string, fontSize: number, extra: { bold?: boolean; center?: boolean }) =>
    drawParagraph(
      doc.fillColor(TEXT_COLOR),
      text,
      {
        x,
        width,
        fontSize,
        direction,
        bold: extra.bold,
        align: extra.center ? 'center' : 'start',
      },
      flow,
    );
  /** A section heading, kept on one page with the first `keepWith` points of what follows. */
  const heading = (text: string, keepWith: number, gapBefore = 14) => {
    flow.ensureSpace(gapBefore + 30 + Math.min(keepWith, flow.pageHeight - 60));
    flow.advance(gapBefore);
    paragraph(text, 11.5, { bold: true });
    doc
      .moveTo(x, flow.y + 1)
      .lineTo(x + width, flow.y + 1)
      .lineWidth(0.6)
      .strokeColor('#9a9a9a')
      .stroke();
    flow.advance(7);
  };

  paragraph(title, 17, { bold: true, center: true });
  flow.advance(6);
  for (const line of [
    period,
    t('statistics:title.scope', { scope: input.scope }, l),
    t('statistics:title.generated', { at: chinaTimestamp(input.generatedAt) }, l),
  ])
    paragraph(line, 9.5, {});

  heading(t('statistics:pdf.measures', {}, l), 120, 10);
  measuresTable(doc, flow, box, table('total'), t('statistics:pdf.none', {}, l));

  const series: ChartSeries[] = [
    { label: table('total').measureHeaders.accepted, color: ACCEPTED },
    { label: table('total').measureHeaders.settled, color: SETTLED },
  ];
  const bars = (rows: TableRow[]) =>
    rows.map((r) => ({ label: r.label, values: [r.values.accepted ?? 0, r.values.settled ?? 0] }));

  heading(t('statistics:chart.byMonth', {}, l), lineChartHeight());
  lineChart(
    doc,
    flow,
    box,
    series,
    table('month').rows.map((r) => ({
      label: r.key,
      values: [r.values.accepted ?? 0, r.values.settled ?? 0],
    })),
  );

  const byType = bars(table('disputeType').rows);
  heading(t('statistics:chart.byDisputeType', {}, l), barChartHeight(box, series, byType));
  barChart(doc, flow, box, series, byType);

  for (const [breakdown, key] of [
    ['nationality', 'byNationality'],
    ['homeProvince', 'byHomeProvince'],
    ['mediatorKind', 'byMediatorKind'],
  ] as const) {
    const rows = table(breakdown).rows;
    const shown = bars(rows.slice(0, TOP_ROWS));
    heading(t(`statistics:chart.${key}`, {}, l), barChartHeight(box, series, shown) + 16);
    if (rows.length === 0) {
      paragraph(t('statistics:pdf.none', {}, l), 9, {});
      continue;
    }
    if (rows.length > TOP_ROWS) {
      paragraph(t('statistics:chart.topN', { shown: TOP_ROWS, total: rows.length }, l), 8.5, {});
      flow.advance(3);
    }
    barChart(doc, flow, box, series, shown);
  }

  heading(t('statistics:pdf.definitions', {}, l), 60);
  for (const key of DEFINITION_KEYS) {
    paragraph(`• ${t(`statistics:definition.${key}`, {}, l)}`, 8.5, {});
    flow.advance(3);
  }

  writePageFooters(
    doc,
    (page, pages) => [
      {
        text: `${title}  ·  ${period}  ·  ${t('statistics:pdf.page', { page, pages }, l)}`,
        fontSize: 7.5,
        direction,
        align: 'center',
      },
    ],
    { x, y: PAGE.height - MARGIN.bottom + 22, width },
  );
  return renderPdfToBuffer(doc);
}

/**
 * The period's measures, two per row (name, then figure), then the money in dispute and covered
 * by agreements, one currency after another, on full-width rows.
 */
function measuresTable(
  doc: PDFKit.PDFDocument,
  flow: PageFlow,
  box: ChartBox,
  total: ReportTable,
  none: string,
): void {
  const row = total.rows[0];
  const size = 9;
  const pad = 3.5;
  const half = box.width / 2;
  const labelWidth = half * 0.7;
  const valueWidth = half - labelWidth - 8;
  const at = (offset: number, w: number) =>
    box.direction === 'rtl' ? box.x + box.width - offset - w : box.x + offset;
  const style = { fontSize: size, direction: box.direction, lineHeight: 1.3 } as const;
  const cell = (text: string, offset: number, w: number, y: number, align: 'start' | 'end') =>
    drawParagraphAt(doc.fillColor(TEXT_COLOR), text, {
      ...style,
      x: at(offset, w),
      y,
      width: w,
      align,
    }).y;
  const rule = (y: number) =>
    doc
      .moveTo(box.x, y)
      .lineTo(box.x + box.width, y)
      .lineWidth(0.3)
      .strokeColor('#cccccc')
      .stroke();

  const pairs: [string, string][] = COUNT_MEASURES.map((m) => [
    total.measureHeaders[m],
    formatMeasure(m, row.values[m]),
  ]);
  for (let i = 0; i < pairs.length; i += 2) {
    const cells = pairs.slice(i, i + 2);
    const height =
      Math.max(
        ...cells.map(([label]) => measureParagraph(label, { ...style, width: labelWidth }).height),
      ) +
      2 * pad;
    flow.ensureSpace(height);
    const y = flow.y;
    cells.forEach(([label, value], c) => {
      cell(label, c * half, labelWidth, y + pad, 'start');
      cell(value, c * half + labelWidth, valueWidth, y + pad, 'end');
    });
    rule(y + height);
    doc
      .moveTo(box.x + half, y)
      .lineTo(box.x + half, y + height)
      .lineWidth(0.3)
      .strokeColor('#cccccc')
      .stroke();
    flow.advance(height);
  }
  for (const [label, value] of [
    [total.moneyHeaders.inDispute, row.moneyInDispute],
    [total.moneyHeaders.covered, row.moneyCovered],
  ]) {
    const text = value || none;
    const valueBox = box.width - labelWidth - 10;
    const height =
      Math.max(
        measureParagraph(label, { ...style, width: labelWidth }).height,
        measureParagraph(text, { ...style, width: valueBox }).height,
      ) +
      2 * pad;
    flow.ensureSpace(height);
    const y = flow.y;
    cell(label, 0, labelWidth, y + pad, 'start');
    cell(text, labelWidth + 10, valueBox, y + pad, 'end');
    rule(y + height);
    flow.advance(height);
  }
}
