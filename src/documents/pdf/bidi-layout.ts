/*
 * Unicode bidi (UAX #9, via bidi-js) for one paragraph. pdfkit places runs left to right and
 * only reverses glyphs inside a single shaped string, so without this step an Arabic sentence
 * reads backwards word by word, or numbers such as 50,000.00 come out as 00.000,05.
 */
import type { FontFamilyKey } from './font-registry';
import type { FontRun } from './script-runs';
import { bidi, type BidiEmbeddingLevels } from './vendor-libraries';

export type ParagraphDirection = 'ltr' | 'rtl';

export interface BidiParagraph {
  text: string;
  embedding: BidiEmbeddingLevels;
}

/** A maximal stretch of one line with one font and one bidi level, in visual order. */
export interface VisualPiece {
  /** Logical UTF-16 range, end exclusive. */
  start: number;
  end: number;
  family: FontFamilyKey;
  level: number;
  /** Logical-order text of the range with mirrored brackets substituted on odd levels. */
  text: string;
}

// Digits joined by separators: dates (2026-03-01), times (09:30), amounts (50,000.00).
const NUMERIC_TOKEN =
  /[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[-/.:,\u066B\u066C][0-9\u0660-\u0669\u06F0-\u06F9]+)+/g;

/**
 * A higher-level tailoring UAX #9 allows (HL): after Arabic letters, rule W2 turns digits into
 * Arabic numbers, so a hyphen between them is neutral and 2026-03-01 would be shown as
 * 01-03-2026. Agreements must show dates and amounts exactly as written, so every numeric token
 * is kept at its digits' (left-to-right) level as one unit.
 */
function keepNumericTokensTogether(text: string, levels: Uint8Array): void {
  for (const match of text.matchAll(NUMERIC_TOKEN)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const digitLevel = levels[start];
    if (isRightToLeftLevel(digitLevel)) continue;
    for (let i = start; i < end; i++) levels[i] = Math.max(levels[i], digitLevel);
  }
}

export function resolveBidi(text: string, direction: ParagraphDirection): BidiParagraph {
  const embedding = bidi.getEmbeddingLevels(text, direction);
  keepNumericTokensTogether(text, embedding.levels);
  return { text, embedding };
}

export function isRightToLeftLevel(level: number): boolean {
  return (level & 1) === 1;
}

function familyIndex(runs: FontRun[], length: number): FontFamilyKey[] {
  const families: FontFamilyKey[] = new Array(length);
  for (const run of runs) families.fill(run.family, run.start, run.end);
  return families;
}

/** Logical indices of [start, end) in visual (left-to-right) order. */
export function visualOrder(paragraph: BidiParagraph, start: number, end: number): number[] {
  const order: number[] = [];
  for (let i = start; i < end; i++) order.push(i);
  if (end <= start) return order;
  for (const [segStart, segEnd] of bidi.getReorderSegments(
    paragraph.text,
    paragraph.embedding,
    start,
    end - 1,
  )) {
    const from = segStart - start;
    const slice = order.slice(from, segEnd - start + 1).reverse();
    order.splice(from, slice.length, ...slice);
  }
  return order;
}

/**
 * Splits the line [start, end) into pieces that can each be handed to pdfkit as one string,
 * listed left to right. Surrogate pairs stay whole because each piece is a contiguous logical
 * range re-read from the paragraph text.
 */
export function visualPieces(
  paragraph: BidiParagraph,
  runs: FontRun[],
  start: number,
  end: number,
): VisualPiece[] {
  const { text, embedding } = paragraph;
  const levels = embedding.levels;
  const families = familyIndex(runs, text.length);
  const mirrored =
    end > start ? bidi.getMirroredCharactersMap(text, levels, start, end - 1) : new Map();
  const pieces: { lo: number; hi: number; family: FontFamilyKey; level: number; last: number }[] =
    [];

  for (const index of visualOrder(paragraph, start, end)) {
    const level = levels[index];
    const current = pieces[pieces.length - 1];
    const step = isRightToLeftLevel(level) ? -1 : 1;
    if (
      current &&
      current.level === level &&
      current.family === families[index] &&
      index === current.last + step
    ) {
      current.lo = Math.min(current.lo, index);
      current.hi = Math.max(current.hi, index);
      current.last = index;
    } else {
      pieces.push({ lo: index, hi: index, family: families[index], level, last: index });
    }
  }

  return pieces.map((piece) => {
    let pieceText = '';
    for (let i = piece.lo; i <= piece.hi; i++) pieceText += mirrored.get(i) ?? text[i];
    return {
      start: piece.lo,
      end: piece.hi + 1,
      family: piece.family,
      level: piece.level,
      text: pieceText,
    };
  });
}
