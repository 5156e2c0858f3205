/*
 * Creates pdfkit documents set up for our layouts: fonts registered on demand, pages buffered
 * (footers need the final page count), reproducible bytes, optional PDF/A-3b.
 */
import PDFDocument from 'pdfkit';
import { defaultDocumentFont } from './font-registry';
import { layoutParagraph, type ParagraphStyle } from './paragraph-layout';
import { drawLayoutAt } from './text-block';

export interface PdfDocumentOptions {
  title: string;
  author: string;
  subject?: string;
  keywords?: string;
  /** BCP 47 tag of the document's main language, written to the catalog's /Lang. */
  lang: string;
  /** The document's own date (e.g. the agreement date): same input gives the same bytes. */
  creationDate: Date;
  pdfA?: boolean;
  size?: string | [number, number];
  margins?: { top: number; bottom: number; left: number; right: number };
}

export const A4_MARGINS = { top: 56, bottom: 56, left: 56, right: 56 };

export function createPdfDocument(options: PdfDocumentOptions): PDFKit.PDFDocument {
  const info: PDFKit.DocumentInfo = {
    Title: options.title,
    Author: options.author,
    Creator: 'Mediation case system',
    Producer: 'PDFKit',
    // ModDate stays unset: pdfkit would otherwise be free to stamp it, and the file ID is an
    // MD5 of this dictionary, so everything here must come from the caller's data.
    CreationDate: options.creationDate,
  };
  if (options.subject) info.Subject = options.subject;
  if (options.keywords) info.Keywords = options.keywords;

  return new PDFDocument({
    size: (options.size ?? 'A4') as string,
    margins: options.margins ?? A4_MARGINS,
    bufferPages: true,
    lang: options.lang,
    displayTitle: true,
    info,
    // A parsed font object: pdfkit must never load Helvetica, which PDF/A forbids (not embedded).
    font: defaultDocumentFont() as unknown as string,
    ...(options.pdfA
      ? { subset: 'PDF/A-3b' as PDFKit.Mixins.PDFSubsets, pdfVersion: '1.7' as const }
      : {}),
  });
}

/** Ends the document and resolves with its bytes. */
export function renderPdfToBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export interface FooterLine extends ParagraphStyle {
  text: string;
}

export interface FooterOptions {
  /** Top of the first footer line, in points from the page top. */
  y: number;
  x: number;
  width: number;
}

/**
 * Writes footers on every buffered page once the page count is known, e.g.
 * `(n, total) => [{ text: \`第 ${n} 页 共 ${total} 页\`, ... }, { text: \`Page ${n} of ${total}\`, ... }]`.
 * Call just before ending the document.
 */
export function writePageFooters(
  doc: PDFKit.PDFDocument,
  footer: (pageNumber: number, pageCount: number) => FooterLine[],
  options: FooterOptions,
): void {
  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page++) {
    doc.switchToPage(page);
    let y = options.y;
    for (const line of footer(page - range.start + 1, range.count)) {
      y = drawLayoutAt(
        doc,
        layoutParagraph(line.text, options.width, line),
        options.x,
        y,
        line.fontSize,
      );
    }
  }
}
