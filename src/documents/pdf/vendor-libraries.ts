/*
 * Typed entry points to the untyped libraries the PDF engine relies on (fontkit, bidi-js,
 * linebreak). There are no @types packages for them and we must not add dependencies, so the
 * small surface we use is declared here instead of through ambient `declare module` blocks that
 * could clash with declarations elsewhere in the app.
 */

export interface FontkitGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

export interface FontkitGlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

export interface FontkitGlyphRun {
  glyphs: FontkitGlyph[];
  positions: FontkitGlyphPosition[];
  advanceWidth: number;
}

export interface FontkitFont {
  postscriptName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  numGlyphs: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string, features?: string[] | Record<string, boolean>): FontkitGlyphRun;
}

interface FontkitModule {
  create(buffer: Buffer | Uint8Array): FontkitFont;
}

export interface BidiEmbeddingLevels {
  levels: Uint8Array;
  paragraphs: { start: number; end: number; level: number }[];
}

interface BidiModule {
  getEmbeddingLevels(text: string, direction?: 'ltr' | 'rtl' | 'auto'): BidiEmbeddingLevels;
  getReorderSegments(
    text: string,
    levels: BidiEmbeddingLevels,
    start?: number,
    end?: number,
  ): [number, number][];
  getMirroredCharactersMap(
    text: string,
    levels: Uint8Array,
    start?: number,
    end?: number,
  ): Map<number, string>;
  getMirroredCharacter(char: string): string | null;
}

export interface LineBreakOpportunity {
  position: number;
  required: boolean;
}

interface LineBreakerInstance {
  nextBreak(): LineBreakOpportunity | null;
}

type LineBreakerConstructor = new (text: string) => LineBreakerInstance;

/* eslint-disable @typescript-eslint/no-require-imports */
export const fontkit = require('fontkit') as FontkitModule;
const createBidi = require('bidi-js') as () => BidiModule;
export const LineBreaker = require('linebreak') as LineBreakerConstructor;
/* eslint-enable @typescript-eslint/no-require-imports */

// bidi-js builds its lookup tables on first use; one instance per process is enough.
export const bidi: BidiModule = createBidi();
