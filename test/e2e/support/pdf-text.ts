import { execFileSync, spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

// The legacy build is CommonJS and runs on Node without a DOM.
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

/** The text pdf.js extracts, page after page (what a viewer's copy-paste and search see). */
export async function pdfJsText(pdf: Buffer): Promise<string> {
  const document = await pdfjs.getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => (item.str ?? '') + (item.hasEOL ? '\n' : '')).join(''));
  }
  await document.destroy();
  return pages.join('\n');
}

export const hasPoppler = (): boolean => !spawnSync('pdftotext', ['-v']).error;

/** poppler's pdftotext output (what a court clerk's tools and search indexes see). */
export function pdftotext(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'pdftotext-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'doc.pdf'), '-']).toString('utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Fonts pdffonts lists: name, whether embedded and whether subset. */
export function pdffonts(pdf: Buffer): { name: string; embedded: boolean; subset: boolean }[] {
  const dir = mkdtempSync(join(tmpdir(), 'pdffonts-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    const lines = execFileSync('pdffonts', [join(dir, 'doc.pdf')])
      .toString('utf8')
      .split('\n')
      .slice(2)
      .filter(Boolean);
    return lines.map((line) => {
      const columns = line.trim().split(/\s+/);
      const [emb, sub] = columns.slice(-5, -3);
      return { name: columns[0], embedded: emb === 'yes', subset: sub === 'yes' };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Keeps the PDF and its pages as PNG under test-artifacts/ for a person to look at. */
export function keepArtifacts(pdf: Buffer, name: string): string {
  const dir = join(__dirname, '..', '..', '..', 'test-artifacts', 'documents');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  // Pages of an earlier, longer rendering would otherwise stay beside the new ones.
  const ours = (f: string) =>
    f.startsWith(`${name}-`) && /^\d+\.png$/.test(f.slice(name.length + 1));
  for (const old of readdirSync(dir).filter(ours)) rmSync(join(dir, old));
  if (!spawnSync('pdftoppm', ['-v']).error)
    execFileSync('pdftoppm', ['-r', '70', '-png', file, join(dir, name)]);
  return file;
}

/** Whitespace, ZWNJ and the embedding marks pdftotext wraps RTL lines in are invisible: compare without them. */
export const squeeze = (s: string) =>
  s.normalize('NFC').replace(/[\s\u200c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, '');
