/*
 * Greedy line breaking over UAX #14 opportunities (the `linebreak` package pdfkit itself uses),
 * with two house rules pdfkit lacks: Korean breaks only at spaces (keep-all, as Korean legal
 * text is set), and Chinese closing punctuation never starts a line nor opening punctuation
 * ends one. A word wider than the line is cut between grapheme clusters as a last resort.
 */
import { LineBreaker } from './vendor-libraries';

export interface BrokenLine {
  /** UTF-16 offsets, end exclusive and without the trailing whitespace. */
  start: number;
  end: number;
  /** Start of the next line (after trailing whitespace and any hard break). */
  next: number;
  width: number;
}

/** Width in points of text[start, end). */
export type RangeMeasurer = (start: number, end: number) => number;

const NO_LINE_START = new Set(
  Array.from(
    '，。、；：？！）」』】》〉〕〗〙〛”’・…‥％‰℃，．﹐﹑﹒﹔﹕﹖﹗｝］｠〜ー々〻ゝゞヽヾ' +
      ',.;:?!)]}%',
  ),
);
const NO_LINE_END = new Set(Array.from('（「『【《〈〔〖〘〚“‘｛［｟' + '([{'));
const HANGUL = /\p{Script=Hangul}/u;
const TRAILING_SPACE = /[\s\u3000]/u;

function charBefore(text: string, position: number): string {
  const low = text.charCodeAt(position - 1);
  if (position >= 2 && low >= 0xdc00 && low <= 0xdfff) return text.slice(position - 2, position);
  return text.slice(position - 1, position);
}

function charAt(text: string, position: number): string {
  return String.fromCodePoint(text.codePointAt(position) ?? 0);
}

function breakAllowed(text: string, position: number): boolean {
  const before = charBefore(text, position);
  const after = charAt(text, position);
  if (NO_LINE_START.has(after) || NO_LINE_END.has(before)) return false;
  if (!TRAILING_SPACE.test(before) && (HANGUL.test(before) || HANGUL.test(after))) return false;
  return true;
}

interface Opportunity {
  position: number;
  required: boolean;
}

export function breakOpportunities(text: string): Opportunity[] {
  const breaker = new LineBreaker(text);
  const result: Opportunity[] = [];
  for (let found = breaker.nextBreak(); found; found = breaker.nextBreak()) {
    if (found.required || found.position >= text.length || breakAllowed(text, found.position)) {
      result.push({ position: found.position, required: found.required });
    }
  }
  return result;
}

function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && TRAILING_SPACE.test(text[e - 1])) e--;
  return e;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** Cut positions for one over-long word, between grapheme clusters, each slice filling a line. */
function splitLongWord(
  text: string,
  start: number,
  end: number,
  width: number,
  measure: RangeMeasurer,
): number[] {
  const cuts: number[] = [];
  let used = 0;
  for (const { index, segment } of graphemes.segment(text.slice(start, end))) {
    const position = start + index;
    const clusterWidth = measure(position, position + segment.length);
    if (used > 0 && used + clusterWidth > width) {
      cuts.push(position);
      used = 0;
    }
    used += clusterWidth;
  }
  return cuts;
}

/**
 * Segments are measured one at a time and summed (each measurement is cached by string), so a
 * paragraph costs one shaping per distinct word rather than one per candidate line.
 */
export function breakLines(text: string, width: number, measure: RangeMeasurer): BrokenLine[] {
  const lines: BrokenLine[] = [];
  let lineStart = 0;
  let acceptedWidth = 0; // accepted segments including their trailing spaces
  let contentWidth = 0; // the same without the last segment's trailing spaces
  let hasContent = false;
  const emit = (end: number, next: number): void => {
    lines.push({
      start: lineStart,
      end: trimmedEnd(text, lineStart, end),
      next,
      width: contentWidth,
    });
    lineStart = next;
    acceptedWidth = 0;
    contentWidth = 0;
    hasContent = false;
  };

  let segmentStart = 0;
  for (const { position: segmentEnd, required } of breakOpportunities(text)) {
    const contentEnd = trimmedEnd(text, segmentStart, segmentEnd);
    let segmentContent = measure(segmentStart, contentEnd);
    if (hasContent && acceptedWidth + segmentContent > width) emit(segmentStart, segmentStart);
    if (!hasContent && segmentContent > width) {
      for (const cut of splitLongWord(text, segmentStart, contentEnd, width, measure)) {
        contentWidth = measure(lineStart, cut);
        emit(cut, cut);
      }
      segmentContent = measure(lineStart, contentEnd);
    }
    contentWidth = acceptedWidth + segmentContent;
    acceptedWidth = contentWidth + measure(contentEnd, segmentEnd);
    hasContent = true;
    if (required && segmentEnd < text.length) emit(segmentEnd, segmentEnd);
    segmentStart = segmentEnd;
  }
  if (hasContent || lines.length === 0) emit(text.length, text.length);
  return lines;
}
