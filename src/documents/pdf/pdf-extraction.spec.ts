import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { SAMPLE_CLAUSES } from './mediation-samples.fixture';
import { PageFlow } from './page-flow';
import { createPdfDocument, renderPdfToBuffer } from './pdf-writer';
import { drawParagraph } from './text-block';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfjs = require('pdfjs-dist/legacy/build/pdf.js') as {
  getDocument(options: object): { promise: Promise<PdfJsDocument> };
};

interface PdfJsDocument {
  numPages: number;
  getPage(
    n: number,
  ): Promise<{ getTextContent(): Promise<{ items: { str?: string; hasEOL?: boolean }[] }> }>;
  destroy(): Promise<void>;
}

/** One clause per page, so each page's text is one clause. */
async function renderClausesOnePerPage(pageWidth: number): Promise<Buffer> {
  const doc = createPdfDocument({
    title: 'Extraction check',
    author: 'test',
    lang: 'zh-CN',
    creationDate: new Date('2026-01-15T00:00:00Z'),
    size: [pageWidth, 400],
    margins: { top: 40, bottom: 40, left: 40, right: 40 },
  });
  SAMPLE_CLAUSES.forEach((clause, i) => {
    if (i > 0) doc.addPage();
    const flow = new PageFlow(doc, { top: 40, bottom: 360 });
    drawParagraph(
      doc,
      clause.text,
      { x: 40, width: pageWidth - 80, fontSize: 10, direction: clause.direction },
      flow,
    );
  });
  return renderPdfToBuffer(doc);
}

async function pdfJsPageTexts(pdf: Buffer): Promise<string[]> {
  const document = await pdfjs.getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  const texts: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    texts.push(content.items.map((item) => (item.str ?? '') + (item.hasEOL ? '\n' : '')).join(''));
  }
  await document.destroy();
  return texts;
}

function pdftotextPages(pdf: Buffer, pageCount: number): string[] | null {
  if (spawnSync('pdftotext', ['-v']).error) {
    console.log(
      'pdftotext not installed: skipping poppler extraction checks (apt-get install poppler-utils)',
    );
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'pdf-extraction-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    const pages: string[] = [];
    for (let n = 1; n <= pageCount; n++) {
      pages.push(
        execFileSync('pdftotext', [
          '-f',
          String(n),
          '-l',
          String(n),
          '-enc',
          'UTF-8',
          join(dir, 'doc.pdf'),
          '-',
        ]).toString('utf8'),
      );
    }
    return pages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
// ZWNJ and the embedding marks pdftotext wraps RTL lines in are invisible; ignore them.
const stripSpace = (s: string) => s.replace(/[\s\u200c\u202a-\u202e]+/g, '');
const sortedChars = (s: string) => Array.from(stripSpace(s)).sort().join('');
const LTR_TOKEN = /\(?[0-9A-Za-z][0-9A-Za-z,.-]*[0-9A-Za-z]\)?/g;

const LTR_EXACT = SAMPLE_CLAUSES.map((c, i) => [c.lang, i] as const).filter(
  ([lang]) => !['ar', 'fa', 'ur', 'hi'].includes(lang),
);
const RTL = SAMPLE_CLAUSES.map((c, i) => [c.lang, i] as const).filter(
  ([, i]) => SAMPLE_CLAUSES[i].direction === 'rtl',
);

describe('text extraction', () => {
  let singleLine: Buffer;
  let wrapped: Buffer;
  let singleLineTexts: string[];
  let wrappedTexts: string[];

  beforeAll(async () => {
    singleLine = await renderClausesOnePerPage(1400);
    wrapped = await renderClausesOnePerPage(320);
    singleLineTexts = await pdfJsPageTexts(singleLine);
    wrappedTexts = await pdfJsPageTexts(wrapped);
  });

  it.each(LTR_EXACT)('pdf.js recovers the %s clause exactly', (_lang, i) => {
    expect(collapse(singleLineTexts[i])).toBe(collapse(SAMPLE_CLAUSES[i].text));
    expect(stripSpace(wrappedTexts[i])).toBe(stripSpace(SAMPLE_CLAUSES[i].text));
  });

  /*
   * pdf.js returns each right-to-left stretch in logical order (lam-alef, shadda and ZWNJ words
   * included), but stretches separated by numbers or Latin come out in visual order, e.g.
   * "، ويقرّ الطرفان … طوعاً.2026-03-01 قبل تاريخ (CNY) يوان صيني 50,000.00 يلتزم … مبلغ".
   * The best achievable here: every stretch, number and Latin token recovered intact.
   */
  it.each(RTL)(
    'pdf.js recovers every stretch of the %s clause between numbers and Latin',
    (_lang, i) => {
      const extracted = stripSpace(singleLineTexts[i]);
      const clause = SAMPLE_CLAUSES[i].text;
      for (const stretch of clause.split(LTR_TOKEN))
        expect(extracted).toContain(stripSpace(stretch));
      for (const number of clause.match(LTR_TOKEN) ?? []) expect(extracted).toContain(number);
      expect(sortedChars(wrappedTexts[i])).toBe(sortedChars(clause));
    },
  );

  it('pdf.js returns Devanagari in glyph (visual) order', () => {
    const i = SAMPLE_CLAUSES.findIndex((c) => c.lang === 'hi');
    // pdf.js ignores ActualText and reads the ToUnicode map in glyph order: the reph and the
    // ि sign move (मार्च → माचर्, कि → िक) and the ों ligature maps to ां. Observed exactly:
    expect(stripSpace(singleLineTexts[i])).toBe(
      stripSpace(
        'पक्ष ख, पक्ष क को 1 माचर् 2026 (2026-03-01) से पहले CNY 50,000.00 का भुगतान करेगा। दोनां पक्ष पुिष्ट करते हैं िक यह िलिखत समझौता स्वेच्छा से िकया गया है।',
      ),
    );
    expect(singleLineTexts[i]).toContain('CNY 50,000.00');
  });

  it('pdftotext recovers Chinese, Latin, Cyrillic, Korean and (through ActualText) Hindi exactly', () => {
    const pages = pdftotextPages(wrapped, SAMPLE_CLAUSES.length);
    if (!pages) return;
    for (const [lang, i] of [
      ...LTR_EXACT,
      ['hi', SAMPLE_CLAUSES.findIndex((c) => c.lang === 'hi')] as const,
    ]) {
      expect({ lang, text: stripSpace(pages[i]) }).toEqual({
        lang,
        text: stripSpace(SAMPLE_CLAUSES[i].text),
      });
    }
  });

  it('pdftotext recovers every right-to-left character', () => {
    const pages = pdftotextPages(singleLine, SAMPLE_CLAUSES.length);
    if (!pages) return;
    for (const [, i] of RTL)
      expect(sortedChars(pages[i])).toBe(sortedChars(SAMPLE_CLAUSES[i].text));
  });
});
