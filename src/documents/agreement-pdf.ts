import QRCode from 'qrcode';
import { textIn } from '../common/multilingual-text/multilingual-text';
import { directionOf, SupportedLanguage } from '../i18n/languages';
import { countryName } from '../reference/countries';
import { AgreementContent } from '../agreements/agreement-content';
import { findParty, partyNameIn, PartySnapshot } from '../agreements/agreement-parties';
import { formatClauseDate } from '../agreements/clause-library/clause-library';
import { renderClauseTerm } from '../agreements/clause-terms';
import { PageFlow } from './pdf/page-flow';
import { createPdfDocument, renderPdfToBuffer } from './pdf/pdf-writer';
import { drawParagraph, drawParagraphAt, drawRow, measureParagraph } from './pdf/text-block';
import { AgreementTemplate, loadTemplate } from './document-template';

export type Translate = (
  key: string,
  params: Record<string, unknown>,
  language: SupportedLanguage,
) => string;

/** Everything a party's copy shows; assembled by the agreements module, rendered here. */
export interface AgreementCopy {
  committee: { nameZh: string; nameEn: string };
  caseNumber: string;
  version: number;
  /** draft copies carry a watermark line instead of a verification code. */
  issued: boolean;
  documentDate: Date;
  verificationCode: string | null;
  contentHash: string | null;
  verifyUrl: string | null;
  content: AgreementContent;
  /** Chinese first, then the party's language, then an extra language if asked. */
  languages: SupportedLanguage[];
  pdfA: boolean;
}

export interface Block {
  kind: 'heading' | 'body' | 'title';
  texts: Partial<Record<SupportedLanguage, string>>;
}

/** The agreement as blocks of text, each in every language of the copy (Art. 29's content order). */
export function agreementBlocks(copy: AgreementCopy, t: Translate): Block[] {
  const { content } = copy;
  const each = (fn: (language: SupportedLanguage) => string) =>
    Object.fromEntries(copy.languages.map((language) => [language, fn(language)])) as Partial<
      Record<SupportedLanguage, string>
    >;
  const free = (value: Parameters<typeof textIn>[0]) => (language: SupportedLanguage) =>
    textIn(value, language)?.text ?? '';
  const names = (language: SupportedLanguage) => (ref: string) => {
    const party = findParty(content.parties, ref);
    return party ? partyNameIn(party, language) : ref;
  };
  const partyLines = (party: PartySnapshot) => (language: SupportedLanguage) =>
    [
      t(
        'documents:agreement.partyLine',
        {
          role: t(`documents:role.${party.role}`, {}, language),
          name: partyNameIn(party, language),
        },
        language,
      ),
      party.kind === 'person' && party.nationality
        ? t(
            'documents:agreement.nationality',
            { country: countryName(party.nationality, language) },
            language,
          )
        : null,
      party.creditCode
        ? t('documents:agreement.creditCode', { code: party.creditCode }, language)
        : null,
      party.legalRepresentative
        ? t(
            'documents:agreement.legalRepresentative',
            { name: party.legalRepresentative },
            language,
          )
        : null,
    ]
      .filter(Boolean)
      .join(language === 'zh-CN' ? '；' : '; ');
  const heading = (key: string): Block => ({
    kind: 'heading',
    texts: each((l) => t(`documents:agreement.${key}`, {}, l)),
  });
  const body = (fn: (language: SupportedLanguage) => string): Block => ({
    kind: 'body',
    texts: each(fn),
  });
  return [
    { kind: 'title', texts: each((l) => t('documents:agreement.title', {}, l)) },
    body(
      (l) =>
        `${t('documents:agreement.caseNumber', { number: copy.caseNumber }, l)}  ${t('documents:agreement.version', { version: copy.version }, l)}`,
    ),
    heading('parties'),
    ...content.parties.map((party) => body(partyLines(party))),
    heading('facts'),
    body(free(content.facts)),
    heading('mattersInDispute'),
    body(free(content.mattersInDispute)),
    heading('responsibilities'),
    body(free(content.responsibilities)),
    heading('terms'),
    ...content.terms.map((term, i) =>
      body(
        (l) =>
          `${i + 1}. ${term.kind === 'clause' ? renderClauseTerm(term.clause, term.params, l, names(l)) : free(term.text)(l)}`,
      ),
    ),
    heading('performance'),
    body((l) => t('documents:agreement.method', { text: free(content.performance.method)(l) }, l)),
    body((l) => t('documents:agreement.place', { text: free(content.performance.place)(l) }, l)),
    body((l) =>
      t(
        'documents:agreement.deadline',
        { date: formatClauseDate(content.performance.deadline, l) },
        l,
      ),
    ),
    body((l) => t('documents:agreement.copies', { count: content.copies }, l)),
    body((l) => t('documents:agreement.effect', {}, l)),
    body((l) => t('documents:agreement.confirmation', {}, l)),
  ];
}

/**
 * Renders one party's copy: Chinese with the party's language, paragraph by paragraph or side by
 * side, a header with the committee and case number on every page, signature, seal and
 * fingerprint blocks for every party, mediator and the committee, and on every page the page
 * count in each language with the verification code and its QR code.
 */
export async function renderAgreementCopy(copy: AgreementCopy, t: Translate): Promise<Buffer> {
  const layout = loadTemplate<AgreementTemplate>('agreement');
  const { margins } = layout.page;
  const width = layout.page.width - margins.left - margins.right;
  const doc = createPdfDocument({
    title: copy.languages.map((l) => t('documents:agreement.title', {}, l)).join(' / '),
    author: copy.committee.nameZh,
    subject: copy.caseNumber,
    lang: copy.languages[1] ?? 'zh-CN',
    creationDate: copy.documentDate,
    pdfA: copy.pdfA,
    size: layout.page.size,
    margins,
  });
  const drawHeader = (): number => {
    const line = `${copy.committee.nameZh}  ${copy.committee.nameEn}  ·  ${copy.caseNumber}`;
    const result = drawParagraphAt(doc, line, {
      x: margins.left,
      y: margins.top - 30,
      width,
      fontSize: layout.header.fontSize,
      direction: 'ltr',
      align: 'center',
    });
    if (layout.header.rule)
      doc
        .moveTo(margins.left, result.y + 2)
        .lineTo(margins.left + width, result.y + 2)
        .lineWidth(0.5)
        .strokeColor('#888888')
        .stroke();
    return margins.top;
  };
  drawHeader();
  const flow = new PageFlow(doc, {
    top: margins.top,
    bottom: layout.page.height - margins.bottom,
    onNewPage: drawHeader,
  });
  const sideBySide = copy.content.layout === 'side_by_side' && copy.languages.length > 1;

  drawBlocks(
    doc,
    flow,
    agreementBlocks(copy, t),
    copy.languages,
    layout,
    margins.left,
    width,
    sideBySide,
  );
  drawSignatureBlocks(doc, flow, copy, t, layout, margins.left, width);
  drawFooters(doc, copy, t, layout, margins.left, width);
  return renderPdfToBuffer(doc);
}

/**
 * Draws blocks of text, each in every language of the document: paragraph by paragraph (Chinese
 * first), or side by side in columns whose rows align. Shared by every bilingual document.
 */
export function drawBlocks(
  doc: PDFKit.PDFDocument,
  flow: PageFlow,
  blocks: Block[],
  languages: SupportedLanguage[],
  layout: AgreementTemplate,
  left: number,
  width: number,
  sideBySide: boolean,
): void {
  const columnWidth = (width - layout.body.columnGap * (languages.length - 1)) / languages.length;
  for (const block of blocks) {
    const sizes =
      block.kind === 'title'
        ? [layout.title.fontSize, layout.title.secondaryFontSize]
        : block.kind === 'heading'
          ? [layout.heading.fontSize, layout.heading.fontSize]
          : [layout.body.fontSize, layout.body.secondaryFontSize];
    if (block.kind === 'heading') flow.advance(layout.heading.gapBefore);
    const style = (language: SupportedLanguage, index: number) => ({
      fontSize: index === 0 ? sizes[0] : sizes[1],
      direction: directionOf(language),
      bold: block.kind !== 'body',
      lineGap: layout.body.lineGap,
      align: block.kind === 'title' ? ('center' as const) : ('start' as const),
    });
    if (sideBySide && block.kind !== 'title') {
      drawRow(
        doc,
        languages.map((language, i) => ({
          text: block.texts[language] ?? '',
          x: left + i * (columnWidth + layout.body.columnGap),
          width: columnWidth,
          ...style(language, 0),
        })),
        flow,
        { gapAfter: block.kind === 'heading' ? layout.heading.gapAfter : layout.body.paragraphGap },
      );
    } else {
      languages.forEach((language, i) => {
        drawParagraph(
          doc,
          block.texts[language] ?? '',
          { x: left, width, ...style(language, i) },
          flow,
        );
      });
      flow.advance(
        block.kind === 'title'
          ? layout.title.gapAfter
          : block.kind === 'heading'
            ? layout.heading.gapAfter
            : layout.body.paragraphGap,
      );
    }
  }
}

function drawSignatureBlocks(
  doc: PDFKit.PDFDocument,
  flow: PageFlow,
  copy: AgreementCopy,
  t: Translate,
  layout: AgreementTemplate,
  left: number,
  width: number,
): void {
  const { signatures } = layout;
  const label = (fn: (language: SupportedLanguage) => string) => copy.languages.map(fn).join('\n');
  const boxes = [
    ...copy.content.parties.map((party) =>
      label(
        (l) =>
          `${t('documents:agreement.signParty', { role: t(`documents:role.${party.role}`, {}, l) }, l)}\n${partyNameIn(party, l)}`,
      ),
    ),
    ...copy.content.mediators.map((mediator) =>
      label((l) => `${t('documents:agreement.signMediator', {}, l)}\n${mediator.name}`),
    ),
    label(
      (l) =>
        `${t('documents:agreement.signCommittee', {}, l)}\n${l === 'zh-CN' ? copy.committee.nameZh : copy.committee.nameEn}`,
    ),
  ];
  flow.advance(layout.heading.gapBefore);
  const boxWidth = (width - 12 * (signatures.columns - 1)) / signatures.columns;
  for (let i = 0; i < boxes.length; i += signatures.columns) {
    const row = boxes.slice(i, i + signatures.columns);
    const heights = row.map((text) => labelHeight(text, copy, boxWidth, signatures.fontSize));
    const height = Math.max(...heights) + signatures.boxHeight;
    flow.ensureSpace(height);
    row.forEach((text, j) => {
      const x = left + j * (boxWidth + 12);
      let y = flow.y;
      text.split('\n').forEach((line, k) => {
        const language = copy.languages[Math.min(Math.floor(k / 2), copy.languages.length - 1)];
        y = drawParagraphAt(doc, line, {
          x: x + 4,
          y,
          width: boxWidth - 8,
          fontSize: signatures.fontSize,
          direction: directionOf(language),
        }).y;
      });
      doc
        .rect(x, flow.y - 3, boxWidth, height)
        .lineWidth(0.6)
        .strokeColor('#444444')
        .stroke();
      const dateLine = copy.languages
        .map((l) => t('documents:agreement.signDate', {}, l))
        .join(' / ');
      drawParagraphAt(doc, dateLine, {
        x: x + 4,
        y: flow.y + height - 16,
        width: boxWidth - 8,
        fontSize: signatures.fontSize - 1.5,
        direction: 'ltr',
      });
    });
    flow.advance(height + signatures.gapAfter);
  }
}

function labelHeight(text: string, copy: AgreementCopy, width: number, fontSize: number): number {
  return text.split('\n').reduce((sum, line, k) => {
    const language = copy.languages[Math.min(Math.floor(k / 2), copy.languages.length - 1)];
    return (
      sum +
      measureParagraph(line, { width: width - 8, fontSize, direction: directionOf(language) })
        .height
    );
  }, 0);
}

function drawQrCode(
  doc: PDFKit.PDFDocument,
  modules: { size: number; get(row: number, col: number): number | boolean },
  x: number,
  y: number,
  size: number,
): void {
  const cell = size / modules.size;
  doc.save().fillColor('#000000');
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell, cell);
    }
  }
  doc.fill().restore();
}

function drawFooters(
  doc: PDFKit.PDFDocument,
  copy: AgreementCopy,
  t: Translate,
  layout: AgreementTemplate,
  left: number,
  width: number,
): void {
  const { footer } = layout;
  // Drawn as vector squares, not an embedded PNG: pdfkit embeds PNGs asynchronously, which would
  // make object order (and so the bytes) vary between two renderings of the same copy.
  const qr =
    copy.verifyUrl && copy.verificationCode
      ? QRCode.create(copy.verifyUrl, { errorCorrectionLevel: 'M' }).modules
      : null;
  const range = doc.bufferedPageRange();
  const textWidth = width - (qr ? footer.qrSize + 8 : 0);
  for (let page = range.start; page < range.start + range.count; page++) {
    doc.switchToPage(page);
    let y = footer.y;
    for (const language of copy.languages) {
      const text = t(
        'documents:footer.page',
        { page: page - range.start + 1, pages: range.count },
        language,
      );
      y = drawParagraphAt(doc, text, {
        x: left,
        y,
        width: textWidth,
        fontSize: footer.fontSize,
        direction: directionOf(language),
        align: 'center',
      }).y;
    }
    const verification = copy.issued
      ? `${t('documents:footer.verify', { code: copy.verificationCode, url: copy.verifyUrl }, 'zh-CN')}  SHA-256 ${copy.contentHash}`
      : copy.languages.map((l) => t('documents:agreement.draft', {}, l)).join(' / ');
    drawParagraphAt(doc, verification, {
      x: left,
      y: y + 2,
      width: textWidth,
      fontSize: footer.fontSize - 1,
      direction: 'ltr',
      align: 'center',
    });
    if (qr) drawQrCode(doc, qr, left + width - footer.qrSize, footer.y - 4, footer.qrSize);
  }
}
