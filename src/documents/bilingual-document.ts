/*
 * Page furniture shared by the case documents other than the agreement copy: a running header
 * (committee and case number), blocks in Chinese and the party languages, free-text lines in the
 * language they were written in, signature boxes, and page numbers in every language. Content
 * builders return blocks (pure data, unit-tested); this file draws them.
 */
import { DomainError, ErrorDetail } from '../errors/domain-error';
import { directionOf, matchLanguage, SupportedLanguage } from '../i18n/languages';
import { Block, drawBlocks, Translate } from './agreement-pdf';
import { AgreementTemplate, loadTemplate } from './document-template';
import { PageFlow } from './pdf/page-flow';
import { createPdfDocument, renderPdfToBuffer } from './pdf/pdf-writer';
import { findUnrenderableCharacters } from './pdf/script-runs';
import { drawParagraph, drawParagraphAt, measureParagraph } from './pdf/text-block';

/** A line of free text in the language it is written in (any BCP 47 tag). */
export interface TextLine {
  text: string;
  language: string;
  /** Secondary lines (translations, labels) are set smaller. */
  small?: boolean;
  bold?: boolean;
}

export type DocBlock =
  | Block
  | { kind: 'lines'; lines: TextLine[]; indent?: number }
  | { kind: 'signatures'; boxes: TextLine[][] };

export interface DocumentFrame {
  committee: { nameZh: string; nameEn: string };
  caseNumber: string;
  /** Chinese first, then the party languages. */
  languages: SupportedLanguage[];
  documentDate: Date;
  pdfA?: boolean;
}

export const layoutOf = () => loadTemplate<AgreementTemplate>('agreement');

/** Direction of free text: right-to-left for Arabic-script languages, whatever its tag's region. */
export function directionOfTag(tag: string): 'ltr' | 'rtl' {
  const language = matchLanguage(tag);
  if (language) return directionOf(language);
  return ['ps', 'sd', 'ug', 'ku', 'he', 'yi', 'dv'].includes(tag.split('-')[0]) ? 'rtl' : 'ltr';
}

/** Every text a list of blocks would draw, with its language, for the renderability check. */
export function textsOf(blocks: DocBlock[]): { text: string; language: string }[] {
  return blocks.flatMap((block) =>
    block.kind === 'lines'
      ? block.lines
      : block.kind === 'signatures'
        ? block.boxes.flat()
        : Object.entries(block.texts)
            .filter((e): e is [string, string] => typeof e[1] === 'string')
            .map(([language, text]) => ({ text, language })),
  );
}

/**
 * Refuses a document holding a character no embedded font can show (it would print as an empty
 * box): 422 naming each character, its code point and the language of the text it is in.
 */
export function assertBlocksRenderable(blocks: DocBlock[]): void {
  const details: ErrorDetail[] = [];
  const seen = new Set<number>();
  for (const { text, language } of textsOf(blocks))
    for (const c of findUnrenderableCharacters(text)) {
      if (seen.has(c.codePoint)) continue;
      seen.add(c.codePoint);
      details.push({
        field: 'document',
        key: 'agreements:validation.unrenderableCharacter',
        params: {
          field: 'document',
          language,
          character: c.character,
          codePoint: `U+${c.codePoint.toString(16).toUpperCase().padStart(4, '0')}`,
        },
      });
    }
  if (details.length)
    throw new DomainError(
      'UNRENDERABLE_TEXT',
      'unprocessable',
      'documents:errors.UNRENDERABLE_TEXT',
      { characters: details.map((d) => d.params!.codePoint).join(', ') },
      details,
    );
}

/** The running header: committee in Chinese and English, and the case number. */
export const headerLine = (frame: DocumentFrame): string =>
  `${frame.committee.nameZh}  ${frame.committee.nameEn}  ·  ${frame.caseNumber}`;

/** Blocks plus the page furniture, for the renderability check. */
export const withHeader = (frame: DocumentFrame, blocks: DocBlock[]): DocBlock[] => [
  { kind: 'lines', lines: [{ text: headerLine(frame), language: 'zh-CN' }] },
  ...blocks,
];

export interface OpenDocument {
  doc: PDFKit.PDFDocument;
  flow: PageFlow;
  layout: AgreementTemplate;
  left: number;
  width: number;
}

/** A new A4 document with the running header on every page. */
export function openDocument(frame: DocumentFrame, title: string): OpenDocument {
  const layout = layoutOf();
  const { margins } = layout.page;
  const width = layout.page.width - margins.left - margins.right;
  const doc = createPdfDocument({
    title,
    author: frame.committee.nameZh,
    subject: frame.caseNumber,
    lang: frame.languages[1] ?? 'zh-CN',
    creationDate: frame.documentDate,
    pdfA: frame.pdfA,
    size: layout.page.size,
    margins,
  });
  const header = (): number => {
    const line = headerLine(frame);
    const drawn = drawParagraphAt(doc, line, {
      x: margins.left,
      y: margins.top - 30,
      width,
      fontSize: layout.header.fontSize,
      direction: 'ltr',
      align: 'center',
    });
    doc
      .moveTo(margins.left, drawn.y + 2)
      .lineTo(margins.left + width, drawn.y + 2)
      .lineWidth(0.5)
      .strokeColor('#888888')
      .stroke();
    return margins.top;
  };
  header();
  const flow = new PageFlow(doc, {
    top: margins.top,
    bottom: layout.page.height - margins.bottom,
    onNewPage: header,
  });
  return { doc, flow, layout, left: margins.left, width };
}

/** Draws blocks into the flow: bilingual blocks, free-text lines, then signature boxes. */
export function drawDocBlocks(
  open: OpenDocument,
  blocks: DocBlock[],
  languages: SupportedLanguage[],
): void {
  const { doc, flow, layout, left, width } = open;
  blocks.forEach((block, i) => {
    // Signatures never stand alone on a page: the paragraph before them moves along.
    const next = blocks[i + 1];
    if (next?.kind === 'signatures' && next.boxes.length && block.kind !== 'signatures') {
      const together =
        measureBlock(open, block, languages) +
        layout.heading.gapBefore +
        signatureRowHeight(open, next.boxes.slice(0, layout.signatures.columns));
      if (together > flow.remaining && together <= flow.pageHeight) flow.nextPage();
    }
    if (block.kind === 'lines') {
      const indent = block.indent ?? 0;
      for (const line of block.lines)
        drawParagraph(
          doc,
          line.text,
          {
            x: left + indent,
            width: width - indent,
            fontSize: line.small ? layout.body.secondaryFontSize - 0.5 : layout.body.fontSize,
            direction: directionOfTag(line.language),
            bold: line.bold,
            lineGap: layout.body.lineGap,
          },
          flow,
        );
      flow.advance(layout.body.paragraphGap);
    } else if (block.kind === 'signatures') {
      drawSignatureBoxes(open, block.boxes);
    } else {
      drawBlocks(doc, flow, [block], languages, layout, left, width, false);
    }
  });
}

/** Height a block takes when drawn paragraph by paragraph (as drawBlocks and the lines above do). */
function measureBlock(open: OpenDocument, block: DocBlock, languages: SupportedLanguage[]): number {
  const { layout, width } = open;
  if (block.kind === 'signatures') return 0;
  if (block.kind === 'lines')
    return (
      block.lines.reduce(
        (sum, line) =>
          sum +
          measureParagraph(line.text, {
            width: width - (block.indent ?? 0),
            fontSize: line.small ? layout.body.secondaryFontSize - 0.5 : layout.body.fontSize,
            direction: directionOfTag(line.language),
            bold: line.bold,
            lineGap: layout.body.lineGap,
          }).height,
        0,
      ) + layout.body.paragraphGap
    );
  const sizes =
    block.kind === 'title'
      ? [layout.title.fontSize, layout.title.secondaryFontSize]
      : block.kind === 'heading'
        ? [layout.heading.fontSize, layout.heading.fontSize]
        : [layout.body.fontSize, layout.body.secondaryFontSize];
  return languages.reduce(
    (sum, language, i) =>
      sum +
      measureParagraph(block.texts[language] ?? '', {
        width,
        fontSize: i === 0 ? sizes[0] : sizes[1],
        direction: directionOf(language),
        bold: block.kind !== 'body',
        lineGap: layout.body.lineGap,
      }).height,
    layout.body.paragraphGap,
  );
}

function signatureStyle(open: OpenDocument, line: TextLine) {
  const { signatures } = open.layout;
  return {
    width: signatureBoxWidth(open) - 8,
    fontSize: line.small ? signatures.fontSize - 1.5 : signatures.fontSize,
    direction: directionOfTag(line.language),
    bold: line.bold,
  };
}

const SIGNATURE_GAP = 12;

function signatureBoxWidth(open: OpenDocument): number {
  const { columns } = open.layout.signatures;
  return (open.width - SIGNATURE_GAP * (columns - 1)) / columns;
}

/** A row of boxes: the tallest label plus room to sign, seal or press a fingerprint. */
function signatureRowHeight(open: OpenDocument, row: TextLine[][]): number {
  const labelHeight = Math.max(
    0,
    ...row.map((lines) =>
      lines.reduce(
        (sum, line) => sum + measureParagraph(line.text, signatureStyle(open, line)).height,
        0,
      ),
    ),
  );
  return (
    labelHeight +
    loadTemplate<{ signatures: { boxHeight: number } }>('case-file').signatures.boxHeight
  );
}

function drawSignatureBoxes(open: OpenDocument, boxes: TextLine[][]): void {
  const { doc, flow, layout, left } = open;
  const { signatures } = layout;
  const gap = SIGNATURE_GAP;
  const boxWidth = signatureBoxWidth(open);
  const style = (line: TextLine) => signatureStyle(open, line);
  flow.advance(layout.heading.gapBefore);
  for (let i = 0; i < boxes.length; i += signatures.columns) {
    const row = boxes.slice(i, i + signatures.columns);
    const height = signatureRowHeight(open, row);
    flow.ensureSpace(height);
    row.forEach((lines, j) => {
      const x = left + j * (boxWidth + gap);
      let y = flow.y + 2;
      for (const line of lines)
        y = drawParagraphAt(doc, line.text, { x: x + 4, y, ...style(line) }).y;
      doc
        .rect(x, flow.y - 3, boxWidth, height)
        .lineWidth(0.6)
        .strokeColor('#444444')
        .stroke();
    });
    flow.advance(height + signatures.gapAfter);
  }
}

/** Page n of N in every language of the document, at the foot of every page. */
export function drawPageNumbers(
  open: OpenDocument,
  languages: SupportedLanguage[],
  t: Translate,
): void {
  const { doc, layout, left, width } = open;
  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page++) {
    doc.switchToPage(page);
    let y = layout.footer.y;
    for (const language of languages) {
      y = drawParagraphAt(
        doc,
        t('documents:footer.page', { page: page - range.start + 1, pages: range.count }, language),
        {
          x: left,
          y,
          width,
          fontSize: layout.footer.fontSize,
          direction: directionOf(language),
          align: 'center',
        },
      ).y;
    }
  }
}

/** One document on its own: checked for renderability, drawn, numbered, ended. */
export async function renderDocument(
  frame: DocumentFrame,
  title: string,
  blocks: DocBlock[],
  t: Translate,
): Promise<Buffer> {
  assertBlocksRenderable(withHeader(frame, blocks));
  const open = openDocument(frame, title);
  drawDocBlocks(open, blocks, frame.languages);
  drawPageNumbers(open, frame.languages, t);
  return renderPdfToBuffer(open.doc);
}

/** Each language's text of a key, as a bilingual block's texts. */
export function eachLanguage(
  languages: SupportedLanguage[],
  fn: (language: SupportedLanguage) => string,
): Block['texts'] {
  return Object.fromEntries(languages.map((l) => [l, fn(l)])) as Block['texts'];
}
