import { SAMPLE_CLAUSES } from './mediation-samples.fixture';
import { PageFlow } from './page-flow';
import { createPdfDocument, renderPdfToBuffer, writePageFooters } from './pdf-writer';
import { UnrenderableCharacterError } from './script-runs';
import { drawParagraph, drawRow, measureParagraph } from './text-block';

async function renderAgreement(pdfA = false): Promise<Buffer> {
  const doc = createPdfDocument({
    title: '调解协议书',
    author: '人民调解委员会',
    lang: 'zh-CN',
    creationDate: new Date('2026-01-15T08:00:00Z'),
    pdfA,
  });
  const headers: number[] = [];
  const flow = new PageFlow(doc, {
    top: 56,
    bottom: 760,
    onNewPage: (_doc, page) => void headers.push(page),
  });
  for (let round = 0; round < 3; round++) {
    for (const clause of SAMPLE_CLAUSES) {
      drawParagraph(
        doc,
        clause.text,
        { x: 56, width: 483, fontSize: 11, direction: clause.direction },
        flow,
      );
    }
  }
  drawRow(
    doc,
    [
      { text: SAMPLE_CLAUSES[0].text, x: 56, width: 230, fontSize: 10, direction: 'ltr' },
      { text: SAMPLE_CLAUSES[2].text, x: 309, width: 230, fontSize: 10, direction: 'rtl' },
    ],
    flow,
  );
  writePageFooters(
    doc,
    (n, total) => [
      { text: `第 ${n} 页 共 ${total} 页`, fontSize: 9, direction: 'ltr', align: 'center' },
      { text: `صفحة ${n} من ${total}`, fontSize: 9, direction: 'rtl', align: 'center' },
    ],
    { x: 56, y: 780, width: 483 },
  );
  expect(headers.length).toBeGreaterThan(0);
  return renderPdfToBuffer(doc);
}

describe('pdf writer', () => {
  it('produces identical bytes for identical input', async () => {
    const [a, b] = [await renderAgreement(), await renderAgreement()];
    expect(a.equals(b)).toBe(true);
    expect(a.toString('latin1')).not.toContain('/ModDate');
    expect(a.toString('latin1')).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it('writes PDF/A-3b identification and the document language', async () => {
    const pdf = (await renderAgreement(true)).toString('latin1');
    expect(pdf.startsWith('%PDF-1.7')).toBe(true);
    expect(pdf).toContain('/Lang (zh-CN)');
    expect(pdf).toContain('/OutputIntents');
  });

  it('refuses text no font can show instead of drawing an empty box', () => {
    expect(() =>
      measureParagraph('支付 😀', { width: 200, fontSize: 10, direction: 'ltr' }),
    ).toThrow(UnrenderableCharacterError);
  });

  it('measures taller paragraphs for narrower boxes', () => {
    const wide = measureParagraph(SAMPLE_CLAUSES[2].text, {
      width: 480,
      fontSize: 10,
      direction: 'rtl',
    });
    const narrow = measureParagraph(SAMPLE_CLAUSES[2].text, {
      width: 200,
      fontSize: 10,
      direction: 'rtl',
    });
    expect(narrow.lineCount).toBeGreaterThan(wide.lineCount);
    expect(narrow.height).toBeGreaterThan(wide.height);
  });
});
