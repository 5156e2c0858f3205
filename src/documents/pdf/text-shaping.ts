/*
 * The bridge between our bidi/line layout and pdfkit's shaping. pdfkit hands a string to
 * fontkit, which reverses the glyphs itself when it detects a right-to-left script. So the
 * string we pass must be in logical order exactly when fontkit will reverse it and the piece
 * is meant to read right-to-left; otherwise we reverse it ourselves first.
 */
import { faceName, getFont, type FontFace } from './font-registry';
import { isIgnorableCharacter } from './script-runs';

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

/**
 * @param logicalText the piece in logical order, brackets already mirrored
 * @param rightToLeft whether the piece's bidi level is odd
 */
export function toPdfkitRun(
  face: FontFace,
  logicalText: string,
  rightToLeft: boolean,
): PdfkitTextRun {
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
