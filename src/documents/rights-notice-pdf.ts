import { directionOf, SupportedLanguage } from '../i18n/languages';
import { AgreementTemplate, loadTemplate } from './document-template';
import { Block, drawBlocks, Translate } from './agreement-pdf';
import { assertBlocksRenderable } from './bilingual-document';
import { PageFlow } from './pdf/page-flow';
import { createPdfDocument, renderPdfToBuffer } from './pdf/pdf-writer';
import { drawParagraphAt } from './pdf/text-block';

/** What the notice of rights and duties (2002 rules) shows to one party. */
export interface RightsNotice {
  committee: { nameZh: string; nameEn: string };
  caseNumber: string;
  party: { name: (language: SupportedLanguage) => string; role: string };
  /** Chinese first, then the party's language. */
  languages: SupportedLanguage[];
  documentDate: Date;
}

/**
 * The notice of rights and duties a party receives before mediation starts, in Chinese and the
 * party's language, with a line to acknowledge receipt. The case file records its delivery.
 */
export async function renderRightsNotice(notice: RightsNotice, t: Translate): Promise<Buffer> {
  // The agreement's page geometry and type sizes serve every bilingual document of the case file.
  const layout = loadTemplate<AgreementTemplate>('agreement');
  const { margins } = layout.page;
  const width = layout.page.width - margins.left - margins.right;
  const doc = createPdfDocument({
    title: notice.languages.map((l) => t('documents:notice.title', {}, l)).join(' / '),
    author: notice.committee.nameZh,
    subject: notice.caseNumber,
    lang: notice.languages[1] ?? 'zh-CN',
    creationDate: notice.documentDate,
  });
  const blocks = rightsNoticeBlocks(notice, t);
  assertBlocksRenderable(blocks);
  const flow = new PageFlow(doc, { top: margins.top, bottom: layout.page.height - margins.bottom });
  drawBlocks(doc, flow, blocks, notice.languages, layout, margins.left, width, false);

  // Acknowledgement: the party's signature, seal or fingerprint and the date.
  flow.ensureSpace(layout.signatures.boxHeight + 40);
  const top = flow.y + 8;
  const label = notice.languages
    .map(
      (l) =>
        `${t('documents:agreement.signParty', { role: t(`documents:role.${notice.party.role}`, {}, l) }, l)}    ${t('documents:agreement.signDate', {}, l)}`,
    )
    .join('\n');
  let y = top + 4;
  label.split('\n').forEach((text, i) => {
    y = drawParagraphAt(doc, text, {
      x: margins.left + 6,
      y,
      width: width - 12,
      fontSize: layout.signatures.fontSize,
      direction: directionOf(notice.languages[i]),
    }).y;
  });
  doc
    .rect(margins.left, top, width, y - top + layout.signatures.boxHeight)
    .lineWidth(0.6)
    .strokeColor('#444444')
    .stroke();

  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page++) {
    doc.switchToPage(page);
    let footerY = layout.footer.y;
    for (const language of notice.languages) {
      const text = t(
        'documents:footer.page',
        { page: page - range.start + 1, pages: range.count },
        language,
      );
      footerY = drawParagraphAt(doc, text, {
        x: margins.left,
        y: footerY,
        width,
        fontSize: layout.footer.fontSize,
        direction: directionOf(language),
        align: 'center',
      }).y;
    }
  }
  return renderPdfToBuffer(doc);
}

/** The notice's text as bilingual blocks (Chinese first); the case file reuses them. */
export function rightsNoticeBlocks(notice: RightsNotice, t: Translate): Block[] {
  const each = (fn: (language: SupportedLanguage) => string) =>
    Object.fromEntries(notice.languages.map((l) => [l, fn(l)])) as Block['texts'];
  const line = (key: string, params: Record<string, unknown> = {}) =>
    each((l) => t(`documents:${key}`, params, l));
  return [
    { kind: 'title', texts: line('notice.title') },
    {
      kind: 'body',
      texts: each(
        (l) =>
          `${notice.committee[l === 'zh-CN' ? 'nameZh' : 'nameEn']}  ·  ${t('documents:agreement.caseNumber', { number: notice.caseNumber }, l)}`,
      ),
    },
    {
      kind: 'body',
      texts: each((l) =>
        t(
          'documents:notice.to',
          { name: notice.party.name(l), role: t(`documents:role.${notice.party.role}`, {}, l) },
          l,
        ),
      ),
    },
    { kind: 'body', texts: line('notice.intro') },
    { kind: 'heading', texts: line('notice.rightsHeading') },
    ...['right1', 'right2', 'right3', 'right4'].map((key, i) => ({
      kind: 'body' as const,
      texts: each((l) => `(${i + 1}) ${t(`documents:notice.${key}`, {}, l)}`),
    })),
    { kind: 'heading', texts: line('notice.dutiesHeading') },
    ...['duty1', 'duty2', 'duty3'].map((key, i) => ({
      kind: 'body' as const,
      texts: each((l) => `(${i + 1}) ${t(`documents:notice.${key}`, {}, l)}`),
    })),
    { kind: 'body', texts: line('notice.acknowledgement') },
  ];
}
