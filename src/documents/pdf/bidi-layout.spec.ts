import { resolveBidi, visualPieces } from './bidi-layout';
import { splitIntoFontRuns } from './script-runs';
import { toPdfkitRun } from './text-shaping';

function piecesOf(text: string, direction: 'ltr' | 'rtl') {
  const paragraph = resolveBidi(text, direction);
  const runs = splitIntoFontRuns(text, direction === 'rtl' ? 'arabic' : 'latin');
  return visualPieces(paragraph, runs, 0, text.length).map((p) => ({
    text: p.text,
    rtl: p.level % 2 === 1,
    pdf: toPdfkitRun({ family: p.family, weight: 'regular' }, p.text, p.level % 2 === 1),
  }));
}

describe('bidi layout', () => {
  it('orders a mixed Arabic line right to left with numbers and Latin left to right', () => {
    const pieces = piecesOf('يدفع مبلغ 50,000.00 يوان (CNY) قبل 2026-03-01', 'rtl');
    // Visual, left to right: the date (hyphens come from another font, hence five pieces), the
    // end of the sentence, (CNY) with mirrored brackets, the amount, the start.
    expect(pieces.map((p) => p.text.trim())).toEqual([
      '2026',
      '-',
      '03',
      '-',
      '01',
      'قبل',
      '(',
      'CNY',
      ')',
      'يوان',
      '50,000.00',
      'يدفع مبلغ',
    ]);
    expect(pieces.map((p) => p.rtl)).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      true,
      false,
      true,
      true,
      false,
      true,
    ]);
  });

  it('mirrors brackets on right-to-left levels', () => {
    const pieces = piecesOf('مبلغ (CNY)', 'rtl');
    // Logical "(" sits on the right of CNY in an RTL line; mirroring makes it read "(CNY)".
    const drawn = pieces.map((p) => p.pdf.text).join('');
    expect(drawn.replace(/[^()A-Z]/g, '')).toBe('(CNY)');
  });

  it('hands Arabic to pdfkit in logical order with whole-string shaping, digits as written', () => {
    const [digits, word] = piecesOf('دفع 50', 'rtl');
    expect(digits.pdf).toEqual({ text: '50', features: undefined });
    expect(word.pdf).toEqual({ text: 'دفع ', features: [] });
  });

  it('keeps the Persian ZWNJ inside the shaped piece', () => {
    const pieces = piecesOf('می‌پذیرند', 'rtl');
    expect(pieces).toHaveLength(1);
    expect(pieces[0].pdf.text).toBe('می\u200cپذیرند');
  });

  it('leaves a left-to-right paragraph in logical order', () => {
    expect(piecesOf('Party B pays 50,000.00', 'ltr').map((p) => p.text)).toEqual([
      'Party B pays 50,000.00',
    ]);
  });
});
