/*
 * The bridge between our bidi/line layout and pdfkit's shaping. pdfkit hands a string to
 * fontkit, which reverses the glyphs itself when it detects a right-to-left script. So the
 * string we pass must be in logical order exactly when fontkit will reverse it and the piece
 * is meant to read right-to-left; otherwise we reverse it ourselves first.
 */
import { faceName, getFont, type FontFace } from './font-registry';
import { isIgnorableCharacter } from './script-runs';
import type { FontkitGlyph } from './vendor-libraries';

const RTL_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const WEAK_SCRIPT = /[\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;

/** Mirrors fontkit's own choice: the first character with a real script decides. */
export function fontkitWillReverse(text: string): boolean {
  for (const ch of text) {
    if (!WEAK_SCRIPT.test(ch)) return RTL_SCRIPT.test(ch);
  }
  return false;
}

export interface PdfkitTextRun {
  text: string;
  /** `[]` makes pdfkit shape the whole string at once (needed for joining and reversal). */
  features: string[] | undefined;
}

function reverseByCodePoint(text: string): string {
  return Array.from(text).reverse().join('');
}

const RUN_CACHE_LIMIT = 50_000;
const runCache = new Map<string, PdfkitTextRun>();

/**
 * @param logicalText the piece in logical order, brackets already mirrored
 * @param rightToLeft whether the piece's bidi level is odd
 */
export function toPdfkitRun(
  face: FontFace,
  logicalText: string,
  rightToLeft: boolean,
): PdfkitTextRun {
  // Line breaking asks again for every candidate range; the answer depends only on the inputs.
  const key = `${faceName(face)}\u0000${rightToLeft ? 1 : 0}\u0000${logicalText}`;
  let run = runCache.get(key);
  if (!run) {
    run = pdfkitRun(face, logicalText, rightToLeft);
    if (runCache.size >= RUN_CACHE_LIMIT) runCache.clear();
    runCache.set(key, run);
  }
  return run;
}

function pdfkitRun(face: FontFace, logicalText: string, rightToLeft: boolean): PdfkitTextRun {
  const font = getFont(face);
  let text = '';
  for (const ch of logicalText) {
    if (isIgnorableCharacter(ch) && !font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0)) continue;
    text += ch;
  }
  const reversedByFontkit = fontkitWillReverse(text);
  if (reversedByFontkit !== rightToLeft) text = reverseByCodePoint(text);
  // Only pieces fontkit reverses need whole-string shaping; the rest keep pdfkit's per-word
  // layout cache, which is noticeably faster for long Chinese and Latin paragraphs.
  return { text, features: reversedByFontkit ? [] : undefined };
}

const WIDTH_CACHE_LIMIT = 50_000;
const widthCache = new Map<string, number>();

/** Advance width in points; cached per face and string because line breaking re-measures. */
export function measureAdvance(face: FontFace, text: string, fontSize: number): number {
  if (text.length === 0) return 0;
  const key = `${faceName(face)}\u0000${text}`;
  let em = widthCache.get(key);
  if (em === undefined) {
    const font = getFont(face);
    em = font.layout(text).advanceWidth / font.unitsPerEm;
    if (widthCache.size >= WIDTH_CACHE_LIMIT) widthCache.clear();
    widthCache.set(key, em);
  }
  return em * fontSize;
}

/** One glyph as pdfkit's text operators need it, in PDF text-space units (1000 per em). */
export interface DrawnGlyph {
  glyph: FontkitGlyph;
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

export interface ShapedRun {
  glyphs: DrawnGlyph[];
  /** Sum of the x advances, in text-space units (1000 per em). */
  advanceWidth: number;
  /** The strings shaped one at a time (words, or the whole run) and their first glyph. */
  segments: { text: string; firstGlyph: number }[];
}

const SHAPE_CACHE_LIMIT = 20_000;
const shapeCache = new Map<string, ShapedRun>();

/** One string shaped by fontkit as a whole (`wholeString`: with an explicit, empty feature list). */
export function shapeString(face: FontFace, text: string, wholeString: boolean): ShapedRun {
  const key = `${faceName(face)}\u0000${wholeString ? 1 : 0}\u0000${text}`;
  let run = shapeCache.get(key);
  if (!run) {
    const font = getFont(face);
    const scale = 1000 / font.unitsPerEm;
    const layout = wholeString ? font.layout(text, []) : font.layout(text);
    const glyphs = layout.glyphs.map((glyph, i) => {
      const p = layout.positions[i];
      return {
        glyph,
        xAdvance: p.xAdvance * scale,
        yAdvance: p.yAdvance * scale,
        xOffset: p.xOffset * scale,
        yOffset: p.yOffset * scale,
        advanceWidth: glyph.advanceWidth * scale,
      };
    });
    run = {
      glyphs,
      advanceWidth: glyphs.reduce((sum, g) => sum + g.xAdvance, 0),
      segments: [{ text, firstGlyph: 0 }],
    };
    if (shapeCache.size >= SHAPE_CACHE_LIMIT) shapeCache.clear();
    shapeCache.set(key, run);
  }
  return run;
}

/**
 * The glyphs pdfkit itself would draw for `text(run.text, { features: run.features })`, shaped
 * once per process instead of twice per drawn piece in every document (pdfkit measures the
 * string, then lays it out again to encode it). Without features pdfkit shapes word by word,
 * splitting after each space or tab; with features it shapes the whole string. Both are
 * reproduced exactly, so the drawn glyphs and positions are the ones pdfkit would produce.
 */
export function shapeForDrawing(face: FontFace, run: PdfkitTextRun): ShapedRun {
  if (run.features) return shapeString(face, run.text, true);
  const key = `${faceName(face)}\u0000w\u0000${run.text}`;
  let shaped = shapeCache.get(key);
  if (!shaped) {
    const glyphs: DrawnGlyph[] = [];
    const segments: ShapedRun['segments'] = [];
    let advanceWidth = 0;
    let last = 0;
    for (let index = 0; index <= run.text.length; index++) {
      const atEnd = index === run.text.length;
      const ch = run.text.charAt(index);
      if ((atEnd && last < index) || ch === ' ' || ch === '\t') {
        const text = run.text.slice(last, index + 1);
        const word = shapeString(face, text, false);
        segments.push({ text, firstGlyph: glyphs.length });
        glyphs.push(...word.glyphs);
        advanceWidth += word.advanceWidth;
        last = index + 1;
      }
    }
    shaped = { glyphs, advanceWidth, segments };
    if (shapeCache.size >= SHAPE_CACHE_LIMIT) shapeCache.clear();
    shapeCache.set(key, shaped);
  }
  return shaped;
}
