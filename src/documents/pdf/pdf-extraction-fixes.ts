/*
 * Makes copied or indexed text match what is printed. A PDF keeps glyphs, not characters: each
 * glyph code maps to text through the font's ToUnicode table, and extractors join those strings
 * in content-stream order (pdf.js, which then runs its own bidi over each run of glyphs it merged:
 * one font, moving right) or in position order (poppler). Where the glyphs alone cannot give the
 * logical text back, we help (background in /work/shared/PDF-NOTES.md):
 * - Pieces of a line go into the content stream in logical order (text-block.ts).
 * - A glyph can be drawn under a second code of the same font whose ToUnicode entry says what it
 *   stands for here (`glyphTexts`, `encodeGlyphs`; the font file holds the outline once per code).
 *   Within a syllable (Devanagari) or a word (right-to-left) whose glyphs do not spell it, the
 *   glyphs at either end that spell their part keep their code, the first of the others carries
 *   the rest of the text and the remaining ones map to U+2060 WORD JOINER, an invisible format
 *   character that pdf.js skips. This covers:
 *   - Devanagari glyphs in visual order (ि before its consonant, reph after it) and glyphs that
 *     do not decompose to what they show (नों is न + ा + a mark that maps to ं);
 *   - brackets on a right-to-left level, drawn as their mirror image (logical "(" shows ")");
 *   - the zero-width glyph fontkit draws for ZWNJ (می‌پذیرند), which is the space glyph;
 *   - right-to-left glyphs are spelled backwards, as extractors reverse such runs.
 * - Devanagari pieces also carry their logical text as ActualText, which poppler honours (pdf.js
 *   does not). The marked content must sit inside BT/ET: pdfkit's markContent() puts it outside
 *   and poppler then scrambles the layout. Never used for RTL pieces: poppler reverses it.
 * - Arabic ligatures (lam-alef) map to [lam, alef]; extractors reverse RTL glyph strings as a
 *   whole, which swaps the pair (الأول → األول), so the entry is stored reversed.
 */
import type { DrawnGlyph, ShapedRun } from './text-shaping';
import { shapeString } from './text-shaping';
import type { FontFace } from './font-registry';
import { bidi } from './vendor-libraries';

const DEVANAGARI = /\p{Script=Devanagari}/u;
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;
/** Invisible, and skipped by pdf.js; stands for a glyph whose text another glyph carries. */
const CARRIED = '\u2060';

export function needsActualText(logicalText: string, rightToLeft: boolean): boolean {
  return !rightToLeft && DEVANAGARI.test(logicalText);
}

function pdfTextStringHex(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++)
    hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

type ContentWriter = (data: string) => PDFKit.PDFDocument;

/** Runs `draw` (one pdfkit text() call) with its BT…ET wrapped in an ActualText span. */
export function withActualText(
  doc: PDFKit.PDFDocument,
  actualText: string,
  draw: () => void,
): void {
  const target = doc as unknown as { addContent: ContentWriter };
  const original = target.addContent;
  target.addContent = (data: string) => {
    if (data === 'ET') original.call(doc, 'EMC');
    original.call(doc, data);
    if (data === 'BT')
      original.call(doc, `/Span <</ActualText ${pdfTextStringHex(actualText)}>> BDC`);
    return doc;
  };
  try {
    draw();
  } finally {
    delete (target as Partial<typeof target>).addContent;
    if (target.addContent !== original) target.addContent = original;
  }
}

/** The parts of pdfkit's EmbeddedFont (one per font and document) that encoding touches. */
interface EmbeddedFontInternals {
  subset: { glyphs: number[]; includeGlyph(glyphId: number): number };
  unicode: number[][];
  widths: number[];
  toUnicodeCmap: () => unknown;
}

/** Codes added for glyphs drawn with their own text, per embedded font: "glyph id, text" → code. */
const textCodes = new WeakMap<object, Map<string, number>>();

function currentEmbeddedFont(doc: PDFKit.PDFDocument): EmbeddedFontInternals | null {
  const font = (doc as unknown as { _font?: Partial<EmbeddedFontInternals> })._font;
  return font && font.subset && Array.isArray(font.unicode)
    ? (font as EmbeddedFontInternals)
    : null;
}

function codeFor(font: EmbeddedFontInternals, drawn: DrawnGlyph, text: string | null): number {
  if (text === null) {
    // What pdfkit's own encode() does.
    const code = font.subset.includeGlyph(drawn.glyph.id);
    if (font.widths[code] == null) font.widths[code] = drawn.advanceWidth;
    if (font.unicode[code] == null) font.unicode[code] = drawn.glyph.codePoints;
    return code;
  }
  let codes = textCodes.get(font);
  if (!codes) {
    codes = new Map();
    textCodes.set(font, codes);
  }
  const key = `${drawn.glyph.id}\u0000${drawn.xAdvance}\u0000${text}`;
  let code = codes.get(key);
  if (code === undefined) {
    // A second entry for the same outline: the subset copies it, the code gets its own text.
    // Its width is the advance it is drawn with, so no position correction follows it: pdf.js
    // would take a glyph that overshoots and steps back (the zero-width ZWNJ is drawn with the
    // space glyph) for the start of a new run and split the word there.
    font.subset.glyphs.push(drawn.glyph.id);
    code = font.subset.glyphs.length - 1;
    font.widths[code] = drawn.xAdvance;
    font.unicode[code] = Array.from(text, (ch) => ch.codePointAt(0) ?? 0);
    codes.set(key, code);
  }
  return code;
}

export interface EncodedGlyphs {
  codes: string[];
  positions: Omit<DrawnGlyph, 'glyph'>[];
}

/**
 * Glyph codes and positions for pdfkit's text operators, as its EmbeddedFont.encode() returns
 * them, with `texts[i]` (when not null) giving glyph i a code of its own that maps to that text.
 */
export function encodeGlyphs(
  doc: PDFKit.PDFDocument,
  shaped: ShapedRun,
  texts: (string | null)[] | null,
): EncodedGlyphs {
  const font = currentEmbeddedFont(doc);
  if (!font) throw new Error('The current font is not an embedded font');
  const codes = shaped.glyphs.map((drawn, i) =>
    `0000${codeFor(font, drawn, texts?.[i] ?? null).toString(16)}`.slice(-4),
  );
  const positions = texts
    ? shaped.glyphs.map((drawn, i) =>
        texts[i] === null ? drawn : { ...drawn, advanceWidth: drawn.xAdvance },
      )
    : shaped.glyphs;
  return { codes, positions };
}

const glyphText = (drawn: DrawnGlyph): string => String.fromCodePoint(...drawn.glyph.codePoints);

// Devanagari orthographic syllables: consonant clusters joined by virama (reph included), a
// vowel sign, nukta and bindu/visarga; independent vowels with their signs; anything else alone.
const CONSONANT = '[\\u0915-\\u0939\\u0958-\\u095F\\u0978-\\u097F]';
const VOWEL_SIGN = '[\\u093A\\u093B\\u093E-\\u094C\\u094E\\u094F\\u0955-\\u0957\\u0962\\u0963]';
const CLUSTER = new RegExp(
  `(?:${CONSONANT}\\u093C?\\u094D[\\u200C\\u200D]?)*${CONSONANT}\\u093C?${VOWEL_SIGN}*\\u094D?[\\u0900-\\u0903]*` +
    `|[\\u0904-\\u0914\\u0960\\u0961\\u0972-\\u0977]\\u093C?${VOWEL_SIGN}*[\\u0900-\\u0903]*` +
    '|[^]',
  'gu',
);

/**
 * Gives `glyphs` texts that, read in drawing order, spell `text`: glyphs at the start and at the
 * end that already spell their part keep their own code; of the rest, the first carries the
 * remaining text and the others are marked as carried.
 */
function spell(
  glyphs: DrawnGlyph[],
  text: string,
  out: (string | null)[],
  offset: number,
  textOf: (drawn: DrawnGlyph) => string = glyphText,
): void {
  const own = glyphs.map(textOf);
  if (own.join('') === text) return;
  let lo = 0;
  let from = 0;
  while (lo < own.length && own[lo].length > 0 && text.startsWith(own[lo], from)) {
    from += own[lo].length;
    lo++;
  }
  let hi = own.length;
  let to = text.length;
  while (hi > lo && own[hi - 1].length > 0 && to - own[hi - 1].length >= from) {
    if (!text.startsWith(own[hi - 1], to - own[hi - 1].length)) break;
    to -= own[hi - 1].length;
    hi--;
  }
  // pdf.js drops a glyph whose text starts with a space or ends with an invisible format
  // character (ZWNJ, U+2060): a carrier must neither, so it takes in a neighbour if need be.
  while (lo < hi && lo > 0 && /^\s/u.test(text.slice(from, to))) from -= own[--lo].length;
  const dropped = (t: string): boolean => /\p{Cf}$/u.test(t) && !/^\p{Cf}+$/u.test(t);
  while (lo < hi && hi < own.length && dropped(text.slice(from, to))) to += own[hi++].length;
  const middle = text.slice(from, to);
  if (lo === hi) {
    // Every glyph spells its part but characters without a glyph of their own are left over.
    if (middle.length === 0) return;
    const at = lo > 0 ? lo - 1 : lo;
    if (at >= own.length) return;
    out[offset + at] = at < lo ? own[at] + middle : middle + own[at];
    return;
  }
  for (let i = lo; i < hi; i++) out[offset + i] = i === lo && middle.length > 0 ? middle : CARRIED;
}

/** Glyph ids of `text` shaped syllable by syllable, or null when that differs from `glyphs`. */
function syllableRanges(
  face: FontFace,
  text: string,
  glyphs: DrawnGlyph[],
): { text: string; start: number; end: number }[] | null {
  const ranges: { text: string; start: number; end: number }[] = [];
  let at = 0;
  for (const [syllable] of text.matchAll(CLUSTER)) {
    const shaped = shapeString(face, syllable, false).glyphs;
    for (let i = 0; i < shaped.length; i++)
      if (glyphs[at + i]?.glyph.id !== shaped[i].glyph.id) return null;
    ranges.push({ text: syllable, start: at, end: at + shaped.length });
    at += shaped.length;
  }
  return at === glyphs.length ? ranges : null;
}

/** A glyph's text as the embedded font maps it in a right-to-left run (ligatures reversed). */
function rightToLeftGlyphText(drawn: DrawnGlyph): string {
  const codePoints = drawn.glyph.codePoints;
  return String.fromCodePoint(
    ...(isReversedLigature(codePoints) ? [...codePoints].reverse() : codePoints),
  );
}

/**
 * Glyph ranges of a right-to-left piece word by word (the glyphs of the last word come first),
 * each with its text reversed; one range for the whole piece if the glyph counts disagree.
 */
function rightToLeftWordRanges(
  face: FontFace,
  logical: string[],
  glyphs: DrawnGlyph[],
): { text: string; start: number; end: number }[] {
  const whole = [{ text: [...logical].reverse().join(''), start: 0, end: glyphs.length }];
  // Words end after a space or a ZWNJ: neither joins with what follows, so shaping alone
  // gives the same glyphs.
  const words: string[][] = [[]];
  for (const ch of logical) {
    words[words.length - 1].push(ch);
    if (ch === ' ' || ch === '\u200c') words.push([]);
  }
  const ranges: { text: string; start: number; end: number }[] = [];
  let at = 0;
  for (const word of words.filter((w) => w.length > 0).reverse()) {
    // Only the glyph count matters: whatever the boundaries, each range's glyphs spell its
    // text, so the piece reads right. (Punctuation shaped alone may take another glyph form.)
    const count = shapeString(face, word.join(''), true).glyphs.length;
    ranges.push({ text: [...word].reverse().join(''), start: at, end: at + count });
    at += count;
  }
  return at === glyphs.length ? ranges : whole;
}

function isReversedLigature(codePoints: number[]): boolean {
  return (
    codePoints.length > 1 && codePoints.every((cp) => RTL_LETTER.test(String.fromCodePoint(cp)))
  );
}

const TEXTS_CACHE_LIMIT = 20_000;
const textsCache = new Map<string, (string | null)[] | null>();

/**
 * Per-glyph texts (null: the glyph's own) so that extractors read `pdfText` as logical text.
 * `pdfText` is the string handed to pdfkit: logical order for left-to-right pieces, and for
 * right-to-left ones the logical order fontkit reverses, with mirrored brackets substituted.
 */
export function glyphTexts(
  face: FontFace,
  pdfText: string,
  shaped: ShapedRun,
  rightToLeft: boolean,
): (string | null)[] | null {
  const key = `${face.family}-${face.weight}\u0000${rightToLeft ? 1 : 0}\u0000${pdfText}`;
  if (textsCache.has(key)) return textsCache.get(key) ?? null;
  const out: (string | null)[] = new Array(shaped.glyphs.length).fill(null);
  if (rightToLeft) {
    // Glyphs are in visual order and extractors reverse a right-to-left run character by
    // character, so the glyphs must spell the logical text backwards: brackets as written (they
    // were drawn mirrored), ZWNJ instead of the space glyph fontkit draws for it, هٔ as typed.
    const logical = Array.from(pdfText, (ch) => bidi.getMirroredCharacter(ch) ?? ch);
    const ranges = rightToLeftWordRanges(face, logical, shaped.glyphs);
    for (const range of ranges)
      spell(
        shaped.glyphs.slice(range.start, range.end),
        range.text,
        out,
        range.start,
        rightToLeftGlyphText,
      );
  } else {
    for (const [n, segment] of shaped.segments.entries()) {
      const end = shaped.segments[n + 1]?.firstGlyph ?? shaped.glyphs.length;
      const glyphs = shaped.glyphs.slice(segment.firstGlyph, end);
      if (glyphs.map(glyphText).join('') === segment.text) continue;
      const ranges = DEVANAGARI.test(segment.text)
        ? syllableRanges(face, segment.text, glyphs)
        : null;
      for (const range of ranges ?? [{ text: segment.text, start: 0, end: glyphs.length }])
        spell(
          glyphs.slice(range.start, range.end),
          range.text,
          out,
          segment.firstGlyph + range.start,
        );
    }
  }
  const result = out.some((text) => text !== null) ? out : null;
  if (textsCache.size >= TEXTS_CACHE_LIMIT) textsCache.clear();
  textsCache.set(key, result);
  return result;
}

const patchedFonts = new WeakSet<object>();

/** Patches the document's current font object (pdfkit's EmbeddedFont) before it is embedded. */
export function reverseRtlLigatureToUnicode(doc: PDFKit.PDFDocument): void {
  const font = currentEmbeddedFont(doc);
  if (!font || typeof font.toUnicodeCmap !== 'function' || patchedFonts.has(font)) return;
  patchedFonts.add(font);
  const original = font.toUnicodeCmap;
  font.toUnicodeCmap = function (this: EmbeddedFontInternals) {
    // Codes with a text of their own already say exactly what they stand for.
    const own = new Set(textCodes.get(this)?.values() ?? []);
    // Copies, not in-place edits: the arrays are shared with fontkit's process-wide glyph cache.
    this.unicode = this.unicode.map((codePoints, code) =>
      !own.has(code) && codePoints && isReversedLigature(codePoints)
        ? [...codePoints].reverse()
        : codePoints,
    );
    return original.call(this);
  };
}
