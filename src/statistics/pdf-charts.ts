/*
 * Bar and line charts drawn with pdfkit's vector primitives (rectangles, lines, circles); their
 * text goes through the multilingual paragraph engine, so labels in any script render and a
 * right-to-left report mirrors them: labels on the right, bars growing to the left, time running
 * from right to left.
 */
import { PageFlow } from '../documents/pdf/page-flow';
import { drawParagraphAt, measureParagraph } from '../documents/pdf/text-block';

export type Direction = 'ltr' | 'rtl';

export interface ChartSeries {
  label: string;
  color: string;
}

export interface ChartBox {
  /** Left edge and width of the chart, in points. */
  x: number;
  width: number;
  direction: Direction;
}

export const TEXT_COLOR = '#1a1a1a';
const GRID_COLOR = '#d9d9d9';
const AXIS_COLOR = '#7a7a7a';
const LABEL_SIZE = 8;
const TICK_SIZE = 7;

/** The smallest "nice" step (1, 2 or 5 × 10^n) that divides 0..max into at most `ticks` parts. */
export function niceScale(max: number, ticks = 5): { max: number; step: number } {
  if (max <= 0) return { max: 1, step: 1 };
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const stepped = Math.max(1, step);
  return { max: Math.ceil(max / stepped) * stepped, step: stepped };
}

/** x of a span of `width` at `offset` from the start edge, mirrored for right-to-left. */
const place = (box: ChartBox, offset: number, width: number) =>
  box.direction === 'rtl' ? box.x + box.width - offset - width : box.x + offset;

function text(
  doc: PDFKit.PDFDocument,
  value: string,
  x: number,
  y: number,
  width: number,
  options: {
    size?: number;
    align?: 'start' | 'center' | 'end';
    direction: Direction;
    bold?: boolean;
  },
): number {
  doc.fillColor(TEXT_COLOR);
  return drawParagraphAt(doc, value, {
    x,
    y,
    width,
    fontSize: options.size ?? LABEL_SIZE,
    direction: options.direction,
    align: options.align ?? 'start',
    bold: options.bold,
    lineHeight: 1.25,
  }).y;
}

/** A row of coloured squares with the series' names, from the start edge. */
function legend(doc: PDFKit.PDFDocument, box: ChartBox, series: ChartSeries[], y: number): number {
  let offset = 0;
  for (const s of series) {
    const width = measureWidth(s.label, LABEL_SIZE) + 4;
    doc.rect(place(box, offset, 8), y + 2.5, 8, 8).fill(s.color);
    text(doc, s.label, place(box, offset + 11, width), y, width, {
      direction: box.direction,
    });
    offset += 11 + width + 14;
  }
  return y + LEGEND_HEIGHT;
}

/** Width of a one-line label, measured with the fonts it will be drawn in. */
function measureWidth(value: string, size: number): number {
  // A generous box, then the widest line is what the text takes (one line at this width).
  let lo = 4;
  let hi = 600;
  while (hi - lo > 1) {
    const mid = (lo + hi) / 2;
    if (measureParagraph(value, { width: mid, fontSize: size, direction: 'ltr' }).lineCount > 1)
      lo = mid;
    else hi = mid;
  }
  return hi;
}

export interface BarRow {
  label: string;
  values: number[];
}

const LEGEND_HEIGHT = LABEL_SIZE * 1.25 + 6;

function barLayout(box: ChartBox, series: ChartSeries[], rows: BarRow[]) {
  const labelWidth = Math.min(170, box.width * 0.34);
  const gap = 8;
  const valueRoom = 34;
  const plotWidth = box.width - labelWidth - gap - valueRoom;
  const barHeight = 6.5;
  const groupHeight = series.length * barHeight + 6;
  const heights = rows.map((row) =>
    Math.max(
      groupHeight,
      measureParagraph(row.label, {
        width: labelWidth,
        fontSize: LABEL_SIZE,
        direction: box.direction,
        lineHeight: 1.25,
      }).height + 3,
    ),
  );
  const axisHeight = TICK_SIZE * 1.25 + 4;
  const total = LEGEND_HEIGHT + heights.reduce((a, b) => a + b, 0) + axisHeight + 10;
  return { labelWidth, gap, valueRoom, plotWidth, barHeight, heights, axisHeight, total };
}

/** Height a bar chart takes, so a heading can move to the next page with its chart. */
export const barChartHeight = (box: ChartBox, series: ChartSeries[], rows: BarRow[]) =>
  barLayout(box, series, rows).total;

/** Height a line chart takes (see lineChart). */
export const lineChartHeight = (plotHeight = LINE_PLOT_HEIGHT) =>
  LEGEND_HEIGHT + 8 + plotHeight + TICK_SIZE * 1.25 + 6 + 10;

const LINE_PLOT_HEIGHT = 150;

/**
 * Horizontal grouped bars: one group per row, one bar per series, each with its value at the
 * bar's end. Moves to a new page first when the chart would not fit on this one.
 */
export function barChart(
  doc: PDFKit.PDFDocument,
  flow: PageFlow,
  box: ChartBox,
  series: ChartSeries[],
  rows: BarRow[],
): void {
  const { labelWidth, gap, valueRoom, plotWidth, barHeight, heights, axisHeight, total } =
    barLayout(box, series, rows);
  flow.ensureSpace(Math.min(total, flow.pageHeight));

  let y = legend(doc, box, series, flow.y);
  const scale = niceScale(Math.max(0, ...rows.flatMap((r) => r.values)));
  const plotOffset = labelWidth + gap;
  const xOf = (value: number, width = 0) =>
    place(box, plotOffset + (value / scale.max) * plotWidth, width);

  const top = y;
  const bottom = top + heights.reduce((a, b) => a + b, 0);
  // Grid and tick labels first, so bars are drawn over the lines.
  for (let tick = 0; tick <= scale.max + 1e-9; tick += scale.step) {
    const x = xOf(tick);
    doc
      .moveTo(x, top)
      .lineTo(x, bottom)
      .lineWidth(tick === 0 ? 0.8 : 0.4)
      .strokeColor(tick === 0 ? AXIS_COLOR : GRID_COLOR)
      .stroke();
    text(doc, String(tick), x - 20, bottom + 2, 40, {
      size: TICK_SIZE,
      align: 'center',
      direction: 'ltr',
    });
  }
  rows.forEach((row, i) => {
    const height = heights[i];
    text(doc, row.label, place(box, 0, labelWidth), y + 1.5, labelWidth, {
      direction: box.direction,
      align: 'end',
    });
    const barsTop = y + (height - series.length * barHeight) / 2;
    row.values.forEach((value, s) => {
      const length = (value / scale.max) * plotWidth;
      const barY = barsTop + s * barHeight;
      if (length > 0)
        doc
          .rect(xOf(0, 0) - (box.direction === 'rtl' ? length : 0), barY, length, barHeight - 1)
          .fill(series[s].color);
      const valueX = box.direction === 'rtl' ? xOf(value) - 2 - valueRoom : xOf(value) + 2;
      text(doc, String(value), valueX, barY - 2.2, valueRoom, {
        size: TICK_SIZE,
        align: box.direction === 'rtl' ? 'end' : 'start',
        direction: 'ltr',
      });
    });
    y += height;
  });
  flow.advance(bottom + axisHeight - flow.y + 10);
}

export interface LinePoint {
  label: string;
  values: number[];
}

/** A line per series over time (points in time order), each point marked and labelled. */
export function lineChart(
  doc: PDFKit.PDFDocument,
  flow: PageFlow,
  box: ChartBox,
  series: ChartSeries[],
  points: LinePoint[],
  plotHeight = LINE_PLOT_HEIGHT,
): void {
  const axisRoom = 30;
  const labelRoom = TICK_SIZE * 1.25 + 6;
  flow.ensureSpace(lineChartHeight(plotHeight));
  const top = legend(doc, box, series, flow.y) + 8;
  const bottom = top + plotHeight;
  const plotWidth = box.width - axisRoom - 10;
  const scale = niceScale(Math.max(0, ...points.flatMap((p) => p.values)));
  const yOf = (value: number) => bottom - (value / scale.max) * plotHeight;
  const slot = plotWidth / Math.max(1, points.length);
  // Time runs from the start edge: left to right, or right to left in an RTL report.
  const xOf = (index: number) => place(box, axisRoom + slot * (index + 0.5), 0);

  for (let tick = 0; tick <= scale.max + 1e-9; tick += scale.step) {
    const y = yOf(tick);
    doc
      .moveTo(place(box, axisRoom, 0), y)
      .lineTo(place(box, axisRoom + plotWidth, 0), y)
      .lineWidth(tick === 0 ? 0.8 : 0.4)
      .strokeColor(tick === 0 ? AXIS_COLOR : GRID_COLOR)
      .stroke();
    text(doc, String(tick), place(box, 0, axisRoom - 4), y - TICK_SIZE * 0.7, axisRoom - 4, {
      size: TICK_SIZE,
      align: 'end',
      direction: box.direction,
    });
  }
  const every = Math.max(1, Math.ceil(points.length / 12));
  points.forEach((p, i) => {
    if (i % every === 0 || i === points.length - 1)
      text(doc, p.label, xOf(i) - slot / 2 - 10, bottom + 4, slot + 20, {
        size: TICK_SIZE,
        align: 'center',
        direction: 'ltr',
      });
  });
  series.forEach((s, k) => {
    if (points.length > 1) {
      doc.moveTo(xOf(0), yOf(points[0].values[k]));
      points.slice(1).forEach((p, i) => doc.lineTo(xOf(i + 1), yOf(p.values[k])));
      doc.lineWidth(1.4).strokeColor(s.color).stroke();
    }
    points.forEach((p, i) => doc.circle(xOf(i), yOf(p.values[k]), 2.2).fill(s.color));
  });
  // Values beside the points when they fit: the first series above, the others below, or to
  // the side when below would run into the month labels under the axis.
  if (points.length <= 12)
    series.forEach((_, k) =>
      points.forEach((p, i) => {
        const y = yOf(p.values[k]);
        const below = y + 3 + TICK_SIZE * 1.3 <= bottom;
        const side = k > 0 && !below;
        const x = side ? xOf(i) + (box.direction === 'rtl' ? -44 : 4) : xOf(i) - 20;
        text(
          doc,
          String(p.values[k]),
          x,
          k === 0 ? y - TICK_SIZE * 1.6 : side ? y - TICK_SIZE * 0.65 : y + 3,
          40,
          {
            size: TICK_SIZE,
            align: side ? (box.direction === 'rtl' ? 'end' : 'start') : 'center',
            direction: 'ltr',
          },
        );
      }),
    );
  flow.advance(bottom + labelRoom - flow.y + 10);
}
