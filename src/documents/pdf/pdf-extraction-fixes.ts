/*
 * Makes copied or indexed text match what is printed, for the two cases where pdfkit's
 * ToUnicode mapping alone is not enough (details in /work/shared/PDF-NOTES.md):
 * - Devanagari glyphs are stored in visual order (ि before its consonant, reph after), so each
 *   Devanagari piece carries its logical text as ActualText. The marked content must sit inside
 *   BT/ET: pdfkit's markContent() puts it outside and poppler then scrambles the layout.
 *   Never used for RTL pieces, whose ActualText poppler would reverse.
 * - Arabic ligatures (lam-alef) map to [lam, alef]; extractors reverse RTL glyph strings as a
 *   whole, which swaps the pair (الأول → األول), so the entry is stored reversed.
 */

const DEVANAGARI = /\p{Script=Devanagari}/u;
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;

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

interface EmbeddedFontInternals {
  unicode: number[][];
  toUnicodeCmap: () => unknown;
}

const patchedFonts = new WeakSet<object>();

/** Patches the document's current font object (pdfkit's EmbeddedFont) before it is embedded. */
export function reverseRtlLigatureToUnicode(doc: PDFKit.PDFDocument): void {
  const font = (doc as unknown as { _font?: EmbeddedFontInternals })._font;
  if (!font || typeof font.toUnicodeCmap !== 'function' || patchedFonts.has(font)) return;
  patchedFonts.add(font);
  const original = font.toUnicodeCmap;
  font.toUnicodeCmap = function (this: EmbeddedFontInternals) {
    // Copies, not in-place edits: the arrays are shared with fontkit's process-wide glyph cache.
    this.unicode = this.unicode.map((codePoints) =>
      codePoints &&
      codePoints.length > 1 &&
      codePoints.every((cp) => RTL_LETTER.test(String.fromCodePoint(cp)))
        ? [...codePoints].reverse()
        : codePoints,
    );
    return original.call(this);
  };
}
