import {
  classifyCharacter,
  findUnrenderableCharacters,
  splitIntoFontRuns,
  UnrenderableCharacterError,
  assertRenderable,
} from './script-runs';

const families = (text: string) =>
  splitIntoFontRuns(text).map((r) => [text.slice(r.start, r.end), r.family]);

describe('script runs', () => {
  it('gives each script its font and neutrals the neighbouring font', () => {
    expect(families('甲方 Party A 응답 2026 دفع')).toEqual([
      ['甲方 ', 'han'],
      ['Party A ', 'latin'],
      ['응답 2026 ', 'hangul'],
      ['دفع', 'arabic'],
    ]);
  });

  it('keeps Turkish, Cyrillic and Devanagari in Noto Sans (the Chinese font lacks İ ı Ğ ş)', () => {
    expect(families('İı Ğğ ş Сторона पक्ष')).toEqual([['İı Ğğ ş Сторона पक्ष', 'latin']]);
  });

  it('falls back when the neighbour font lacks a neutral character', () => {
    // The Arabic comma follows a digit run in the Latin font but only Naskh has it.
    expect(families('2026،')).toEqual([
      ['2026', 'latin'],
      ['،', 'arabic'],
    ]);
  });

  it('classifies full-width Chinese punctuation with Han', () => {
    expect(classifyCharacter('，')).toBe('han');
    expect(classifyCharacter('5')).toBe('neutral');
  });

  it('reports emoji and private-use characters with code point and index', () => {
    expect(findUnrenderableCharacters('调解😀 ok \uE000')).toEqual([
      { codePoint: 0x1f600, character: '😀', index: 2 },
      { codePoint: 0xe000, character: '\uE000', index: 8 },
    ]);
    expect(() => assertRenderable('a😀')).toThrow(UnrenderableCharacterError);
    expect(() => assertRenderable('a😀')).toThrow(/U\+1F600/);
  });

  it('accepts every sample language and invisible joiners', () => {
    expect(findUnrenderableCharacters('می‌پذیرند 중국 मार्च ğ Ж 中')).toEqual([]);
  });
});
