import type { FontFace } from './font-registry';
import { glyphTexts } from './pdf-extraction-fixes';
import { shapeForDrawing, toPdfkitRun } from './text-shaping';

const CARRIED = '\u2060';

/** What an extractor reads: each glyph's own text unless it was given one, in drawing order. */
function readBack(face: FontFace, logical: string, rightToLeft: boolean) {
  const run = toPdfkitRun(face, logical, rightToLeft);
  const shaped = shapeForDrawing(face, run);
  const texts = glyphTexts(face, run.text, shaped, rightToLeft);
  // The embedded font stores an Arabic ligature's entry reversed (see the module comment).
  const own = (codePoints: number[]) =>
    String.fromCodePoint(
      ...(rightToLeft && codePoints.length > 1 && codePoints.every((cp) => cp >= 0x600)
        ? [...codePoints].reverse()
        : codePoints),
    );
  const read = shaped.glyphs
    .map((drawn, i) => texts?.[i] ?? own(drawn.glyph.codePoints))
    .join('')
    .replaceAll(CARRIED, '');
  return { texts, read };
}

const latin: FontFace = { family: 'latin', weight: 'regular' };
const arabic: FontFace = { family: 'arabic', weight: 'regular' };

describe('glyph texts for extraction', () => {
  it.each(['मार्च', 'कि', 'पुष्टि', 'दोनों', 'लिखित'])(
    'spells the Devanagari word %s in logical order although its glyphs are not',
    (word) => {
      const { texts, read } = readBack(latin, word, false);
      expect(texts).not.toBeNull();
      expect(read).toBe(word);
    },
  );

  it('leaves words whose glyphs already spell them alone', () => {
    expect(readBack(latin, 'Party B pays CNY 50,000.00', false).texts).toBeNull();
    expect(readBack(latin, 'पक्ष क को', false).texts).toBeNull();
  });

  it.each(['می‌پذیرند', 'توافق‌نامهٔ', 'طوعاً', 'تمّ', 'الأول'])(
    'spells the right-to-left %s backwards, as extractors reverse it',
    (word) => {
      const { read } = readBack(arabic, word, true);
      expect(Array.from(read).reverse().join('')).toBe(word);
    },
  );

  it('maps a bracket drawn mirrored on a right-to-left level back to the character written', () => {
    // The piece text has the mirror substituted: logical "(" is drawn as ")".
    const { texts } = readBack(latin, ')', true);
    expect(texts).toEqual(['(']);
  });
});
