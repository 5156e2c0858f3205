import { breakLines } from './line-breaker';

// Every code unit one point wide keeps these tests independent of fonts.
const unit = (start: number, end: number) => end - start;
const lineTexts = (text: string, width: number) =>
  breakLines(text, width, unit).map((l) => text.slice(l.start, l.end));

describe('line breaker', () => {
  it('breaks Korean only at spaces', () => {
    expect(lineTexts('양 당사자는 본 합의가 자발적으로 이루어졌음을', 8)).toEqual([
      '양 당사자는 본',
      '합의가',
      '자발적으로',
      '이루어졌음을',
    ]);
  });

  it('never starts a line with Chinese closing punctuation', () => {
    const lines = lineTexts('乙方应支付人民币，双方确认。本协议自愿达成（见附件）。', 8);
    for (const line of lines) expect('，。、；：？！）」』').not.toContain(line[0]);
    expect(lines[0]).toBe('乙方应支付人民');
    expect(lines.join('')).toBe('乙方应支付人民币，双方确认。本协议自愿达成（见附件）。');
  });

  it('never ends a line with an opening bracket', () => {
    for (const line of lineTexts('本协议自愿达（见附件）', 6))
      expect(line.endsWith('（')).toBe(false);
  });

  it('cuts a word longer than the line by character as a last resort', () => {
    expect(lineTexts('ab Aktenzeichen12345 cd', 6)).toEqual([
      'ab',
      'Aktenz',
      'eichen',
      '12345',
      'cd',
    ]);
  });

  it('keeps hard line breaks and measures without trailing spaces', () => {
    const lines = breakLines('one two\nthree', 100, unit);
    expect(lines.map((l) => [l.start, l.end, l.width])).toEqual([
      [0, 7, 7],
      [8, 13, 5],
    ]);
  });
});
