/*
 * Pure layout of one paragraph into positioned lines: font runs, line breaks, bidi reordering
 * and alignment. Nothing here touches a pdfkit document, so the same layout serves measuring
 * (row heights of side-by-side columns, page-break decisions) and drawing.
 */
import {
  isRightToLeftLevel,
  resolveBidi,
  visualPieces,
  type ParagraphDirection,
} from './bidi-layout';
import { faceMetrics, type FontFace, type FontFamilyKey, type FontWeight } from './font-registry';
import { breakLines } from './line-breaker';
import { assertRenderable, splitIntoFontRuns, type FontRun } from './script-runs';
import { measureAdvance, toPdfkitRun } from './text-shaping';

export type TextAlign = 'start' | 'center' | 'end';

export interface ParagraphStyle {
  fontSize: number;
  direction: ParagraphDirection;
  align?: TextAlign;
  bold?: boolean;
  /** Extra space after each line, in points. */
  lineGap?: number;
  /** Minimum line box as a multiple of the font size. */
  lineHeight?: number;
  /** Font for a paragraph made only of digits and punctuation. */
  defaultFamily?: FontFamilyKey;
}

export interface PositionedPiece {
  /** Logical start offset of the piece in the paragraph. */
  start: number;
  face: FontFace;
  /** Offset from the paragraph's left edge. */
  x: number;
  width: number;
  /** The string and features to give pdfkit (see text-shaping.ts). */
  pdfText: string;
  features: string[] | undefined;
  /** Logical text of the piece, for ActualText on scripts whose glyph order is visual. */
  logicalText: string;
  rightToLeft: boolean;
}

export interface LaidOutLine {
  /** Offset of the line box top from the paragraph top. */
  top: number;
  /** Offset of the baseline from the line box top. */
  baseline: number;
  height: number;
  width: number;
  pieces: PositionedPiece[];
}

export interface ParagraphLayout {
  lines: LaidOutLine[];
  /** Sum of line boxes, each followed by `lineGap`. */
  height: number;
  width: number;
  lineGap: number;
}

const DEFAULT_LINE_HEIGHT = 1.4;

function runsMeasurer(text: string, runs: FontRun[], weight: FontWeight, fontSize: number) {
  return (start: number, end: number): number => {
    let width = 0;
    for (const run of runs) {
      if (run.end <= start) continue;
      if (run.start >= end) break;
      const face = { family: run.family, weight };
      const slice = toPdfkitRun(
        face,
        text.slice(Math.max(start, run.start), Math.min(end, run.end)),
        false,
      ).text;
      width += measureAdvance(face, slice, fontSize);
    }
    return width;
  };
}

function alignmentOffset(align: TextAlign, direction: ParagraphDirection, free: number): number {
  if (align === 'center') return free / 2;
  const flushRight = (align === 'start') === (direction === 'rtl');
  return flushRight ? free : 0;
}

export function layoutParagraph(
  text: string,
  width: number,
  style: ParagraphStyle,
): ParagraphLayout {
  assertRenderable(text);
  const weight: FontWeight = style.bold ? 'bold' : 'regular';
  const { fontSize, direction } = style;
  const align = style.align ?? 'start';
  const lineGap = style.lineGap ?? 0;
  const minimumBox = (style.lineHeight ?? DEFAULT_LINE_HEIGHT) * fontSize;
  const defaultFamily = style.defaultFamily ?? (direction === 'rtl' ? 'arabic' : 'latin');

  const runs = splitIntoFontRuns(text, defaultFamily);
  const paragraph = resolveBidi(text, direction);
  const measure = runsMeasurer(text, runs, weight, fontSize);

  const lines: LaidOutLine[] = [];
  let top = 0;
  for (const broken of breakLines(text, width, measure)) {
    const pieces: PositionedPiece[] = [];
    let x = 0;
    let ascent = 0;
    let descent = 0;
    for (const piece of visualPieces(paragraph, runs, broken.start, broken.end)) {
      const face: FontFace = { family: piece.family, weight };
      const rightToLeft = isRightToLeftLevel(piece.level);
      const run = toPdfkitRun(face, piece.text, rightToLeft);
      if (run.text.length === 0) continue;
      const pieceWidth = measureAdvance(face, run.text, fontSize);
      pieces.push({
        start: piece.start,
        face,
        x,
        width: pieceWidth,
        pdfText: run.text,
        features: run.features,
        logicalText: piece.text,
        rightToLeft,
      });
      x += pieceWidth;
      const metrics = faceMetrics(face);
      ascent = Math.max(ascent, metrics.ascent * fontSize);
      descent = Math.max(descent, metrics.descent * fontSize);
    }
    if (pieces.length === 0) {
      const metrics = faceMetrics({ family: defaultFamily, weight });
      ascent = metrics.ascent * fontSize;
      descent = metrics.descent * fontSize;
    }
    const box = Math.max(minimumBox, ascent + descent);
    const offset = alignmentOffset(align, direction, Math.max(0, width - x));
    for (const piece of pieces) piece.x += offset;
    lines.push({
      top,
      baseline: (box - ascent - descent) / 2 + ascent,
      height: box,
      width: x,
      pieces,
    });
    top += box + lineGap;
  }
  return { lines, height: top, width, lineGap };
}
