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

// Beside the sample clauses: Latin and Chinese inside Arabic, Arabic inside English.
const CLAUSES: readonly { lang: string; direction: 'ltr' | 'rtl'; text: string }[] = [
  ...SAMPLE_CLAUSES,
  {
    lang: 'ar with Latin and Chinese',
    direction: 'rtl',
    text: 'الطرف الأول: شركة النور للتجارة (Al-Noor Trading LLC)، والطرف الثاني: 张伟 (Zhang Wei).',
  },
  {
    lang: 'en with Arabic',
    direction: 'ltr',
    text: 'Party A: Al-Noor Trading LLC (شركة النور للتجارة) agrees.',
  },
];
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
  CLAUSES.forEach((clause, i) => {
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

const ALL = CLAUSES.map((c, i) => [c.lang, i] as const);
const RTL = ALL.filter(([, i]) => CLAUSES[i].direction === 'rtl');
// pdf.js keeps spaces only where glyph geometry says so: at the edge of a run it starts anew
// (each bidi or font piece) it drops the space glyph, and after a zero-width Arabic mark or a
// Devanagari glyph whose text is carried by another it may add one. Elsewhere spaces are exact.
const SPACES_EXACT = ALL.filter(([lang]) => !/^(ar|fa|ur|hi)\b/.test(lang));

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

  it.each(ALL)('pdf.js recovers the %s clause exactly, in logical order', (_lang, i) => {
    expect(stripSpace(singleLineTexts[i])).toBe(stripSpace(CLAUSES[i].text));
    expect(stripSpace(wrappedTexts[i])).toBe(stripSpace(CLAUSES[i].text));
  });

  it.each(SPACES_EXACT)('pdf.js keeps the spaces of the %s clause', (_lang, i) => {
    expect(collapse(singleLineTexts[i])).toBe(collapse(CLAUSES[i].text));
  });

  it('pdf.js reads Devanagari syllables, reph and ों as written, not in glyph order', () => {
    const i = CLAUSES.findIndex((c) => c.lang === 'hi');
    // Glyph order would give माचर्, िक, पुिष्ट and दोनां.
    for (const word of ['मार्च', 'कि', 'पुष्टि', 'दोनों', 'लिखित'])
      expect(stripSpace(singleLineTexts[i])).toContain(word);
  });

  it('pdftotext recovers Chinese, Latin, Cyrillic, Korean and (through ActualText) Hindi exactly', () => {
    const pages = pdftotextPages(wrapped, CLAUSES.length);
    if (!pages) return;
    // Not the English clause with Arabic inside: poppler reorders brackets around RTL words.
    const ltrSamples = ALL.filter(
      ([, i]) => i < SAMPLE_CLAUSES.length && CLAUSES[i].direction === 'ltr',
    );
    for (const [lang, i] of ltrSamples) {
      expect({ lang, text: stripSpace(pages[i]) }).toEqual({
        lang,
        text: stripSpace(CLAUSES[i].text),
      });
    }
  });

  it('pdftotext recovers every right-to-left character', () => {
    const pages = pdftotextPages(singleLine, CLAUSES.length);
    if (!pages) return;
    for (const [, i] of RTL) expect(sortedChars(pages[i])).toBe(sortedChars(CLAUSES[i].text));
  });
});
