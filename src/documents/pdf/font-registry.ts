/*
 * Owns the font files shipped in the @embedpdf/fonts-* packages: where they live, parsing each
 * one once per process, and registering them on pdfkit documents. Handing pdfkit the parsed
 * fontkit object instead of a buffer skips a re-parse per document (measured here: 26 ms vs
 * 112 ms for a short warm Chinese document) and keeps peak memory down.
 */
import { readFileSync } from 'fs';
import { dirname, join } from 'path';
import { fontkit, type FontkitFont } from './vendor-libraries';

export type FontFamilyKey = 'latin' | 'han' | 'hangul' | 'arabic';
export type FontWeight = 'regular' | 'bold';

export interface FontFace {
  family: FontFamilyKey;
  weight: FontWeight;
}

interface FontSource {
  packageName: string;
  files: Record<FontWeight, string>;
}

// Noto Sans (latin package) also carries Cyrillic and Devanagari; Noto Naskh covers Arabic,
// Persian and Urdu letters (Nastaliq crashes fontkit on common Urdu words, see PDF-NOTES.md).
const FONT_SOURCES: Record<FontFamilyKey, FontSource> = {
  latin: {
    packageName: '@embedpdf/fonts-latin',
    files: { regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' },
  },
  han: {
    packageName: '@embedpdf/fonts-sc',
    files: { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' },
  },
  hangul: {
    packageName: '@embedpdf/fonts-kr',
    files: { regular: 'NotoSansKR-Regular.otf', bold: 'NotoSansKR-Bold.otf' },
  },
  arabic: {
    packageName: '@embedpdf/fonts-arabic',
    files: { regular: 'NotoNaskhArabic-Regular.ttf', bold: 'NotoNaskhArabic-Bold.ttf' },
  },
};

// Order in which fonts are tried when the script's own font lacks a character.
export const FALLBACK_ORDER: readonly FontFamilyKey[] = ['latin', 'han', 'arabic', 'hangul'];

const parsedFonts = new Map<string, FontkitFont>();

export function faceName(face: FontFace): string {
  return `${face.family}-${face.weight}`;
}

export function fontFilePath(face: FontFace): string {
  const source = FONT_SOURCES[face.family];
  // The packages only export their JS entry (dist/index.cjs); the fonts sit in ../fonts.
  const entry = require.resolve(source.packageName);
  return join(dirname(entry), '..', 'fonts', source.files[face.weight]);
}

export function getFont(face: FontFace): FontkitFont {
  const key = faceName(face);
  let font = parsedFonts.get(key);
  if (!font) {
    font = fontkit.create(readFileSync(fontFilePath(face)));
    fillGlyphCodePoints(font);
    reuseSubsetPrograms(font);
    parsedFonts.set(key, font);
  }
  return font;
}

/**
 * fontkit caches one glyph object per glyph id, with the code points of whoever asked for it
 * first. When shaping creates a glyph by decomposition first (ï → ı + ¨ in ccmp), it has no code
 * points, and every later ı in any document maps to nothing in the ToUnicode table: extraction
 * loses the letter. Later requests that know the code points fill them in.
 */
function fillGlyphCodePoints(font: FontkitFont): void {
  const internals = font as unknown as {
    getGlyph(id: number, codePoints?: number[]): { codePoints: number[] };
  };
  const original = internals.getGlyph.bind(font);
  internals.getGlyph = (id: number, codePoints: number[] = []) => {
    const glyph = original(id, codePoints);
    if (glyph.codePoints.length === 0 && codePoints.length > 0) glyph.codePoints = codePoints;
    return glyph;
  };
}

const SUBSET_PROGRAMS_KEPT = 8;

/**
 * Writing a subset font program is most of a document's cost: the CJK fonts are CFF with up to
 * 22,000 local subroutines per font dict, and fontkit writes every one (an unused one as a
 * one-byte stub) to keep their numbering. The program depends only on the font and the list of
 * glyphs, so the last few are kept: every copy of one agreement shows the same Chinese text,
 * and a copy printed again is the same document.
 */
function reuseSubsetPrograms(font: FontkitFont): void {
  const programs = new Map<string, Uint8Array>();
  const internals = font as unknown as { createSubset(): FontkitSubset };
  const createSubset = internals.createSubset.bind(font);
  internals.createSubset = () => {
    const subset = createSubset();
    if (typeof subset.subsetSubrs === 'function') shareUnusedSubroutineStub(subset);
    const encode = subset.encode.bind(subset);
    subset.encode = () => {
      const key = subset.glyphs.join(',');
      let program = programs.get(key);
      if (program) programs.delete(key);
      else program = encode();
      programs.set(key, program);
      if (programs.size > SUBSET_PROGRAMS_KEPT) programs.delete(programs.keys().next().value!);
      return program;
    };
    return subset;
  };
}

interface FontkitSubset {
  glyphs: number[];
  encode(): Uint8Array;
  /** CFF subsets only. */
  subsetSubrs?(
    subrs: { offset: number; length: number }[],
    used: Record<number, boolean>,
  ): Uint8Array[];
  cff?: { stream: { pos: number; readBuffer(length: number): Uint8Array } };
}

/** The body of an unused subroutine: `return`. */
const RETURN_ONLY = new Uint8Array([11]);

/**
 * fontkit's own subsetSubrs, except that every unused subroutine shares one stub instead of
 * allocating its own: 22,000 small typed arrays per font dict were half the cost of a subset.
 */
function shareUnusedSubroutineStub(subset: FontkitSubset): void {
  subset.subsetSubrs = (subrs, used) => {
    const stream = subset.cff!.stream;
    const result = new Array<Uint8Array>(subrs.length);
    for (let i = 0; i < subrs.length; i++) {
      if (used[i]) {
        stream.pos = subrs[i].offset;
        result[i] = stream.readBuffer(subrs[i].length);
      } else result[i] = RETURN_ONLY;
    }
    return result;
  };
}

// Font choice asks about every character of every paragraph; fontkit's cmap lookup is not free.
const coverage = new Map<string, Map<number, boolean>>();

export function faceHasGlyph(face: FontFace, codePoint: number): boolean {
  const key = faceName(face);
  let known = coverage.get(key);
  if (!known) {
    known = new Map();
    coverage.set(key, known);
  }
  let has = known.get(codePoint);
  if (has === undefined) {
    has = getFont(face).hasGlyphForCodePoint(codePoint);
    known.set(codePoint, has);
  }
  return has;
}

const metrics = new Map<string, { ascent: number; descent: number }>();

/** Vertical metrics in em units, from hhea, used to size line boxes. */
export function faceMetrics(face: FontFace): { ascent: number; descent: number } {
  const key = faceName(face);
  let found = metrics.get(key);
  if (!found) {
    const font = getFont(face);
    found = { ascent: font.ascent / font.unitsPerEm, descent: -font.descent / font.unitsPerEm };
    metrics.set(key, found);
  }
  return found;
}

const registeredByDocument = new WeakMap<PDFKit.PDFDocument, Set<string>>();

/**
 * Registers a face on a document on first use, so a document that never shows Korean never
 * parses or embeds the 4.5 MB Korean font. Returns the name to pass to `doc.font()`.
 */
export function useFace(doc: PDFKit.PDFDocument, face: FontFace): string {
  const name = faceName(face);
  let registered = registeredByDocument.get(doc);
  if (!registered) {
    registered = new Set();
    registeredByDocument.set(doc, registered);
  }
  if (!registered.has(name)) {
    // pdfkit 0.20 accepts any object with a `layout` function as an already parsed font.
    doc.registerFont(name, getFont(face) as unknown as Buffer);
    registered.add(name);
  }
  return name;
}

/**
 * Makes `face` the document's current font. pdfkit finds the default document font (the same
 * parsed Noto Sans) under its PostScript name and reuses it, but then forgets the registered
 * name: every later `font(name)` opened and threw away another embedded font, comparing name
 * tables as JSON each time. The embedded font is remembered under the name instead.
 */
export function selectFace(doc: PDFKit.PDFDocument, face: FontFace): void {
  const name = useFace(doc, face);
  doc.font(name);
  const internals = doc as unknown as { _font: unknown; _fontFamilies?: Record<string, unknown> };
  if (internals._fontFamilies && !internals._fontFamilies[name])
    internals._fontFamilies[name] = internals._font;
}

/** Parsed font to give the pdfkit constructor so it never falls back to Helvetica. */
export function defaultDocumentFont(): Buffer {
  return getFont({ family: 'latin', weight: 'regular' }) as unknown as Buffer;
}

/** Parses every face up front, e.g. at application start, to keep first requests fast. */
export function preloadAllFonts(): void {
  for (const family of Object.keys(FONT_SOURCES) as FontFamilyKey[]) {
    getFont({ family, weight: 'regular' });
    getFont({ family, weight: 'bold' });
  }
}
