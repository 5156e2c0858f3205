/*
 * The whole case file (卷宗) as one PDF: cover, index (卷内目录), then each document from a new
 * page. The index's row count is known before anything is drawn, so its pages are reserved
 * first and filled in last with the page each document actually started on.
 */
import { directionOf, SupportedLanguage } from '../i18n/languages';
import { Block, Translate } from './agreement-pdf';
import {
  assertBlocksRenderable,
  DocBlock,
  DocumentFrame,
  drawDocBlocks,
  drawPageNumbers,
  OpenDocument,
  openDocument,
  withHeader,
} from './bilingual-document';
import { CaseFileCover, coverBlocks, indexPageCount, paginateIndex } from './case-file-content';
import { loadTemplate } from './document-template';
import { docText, formatDate } from './document-text';
import { renderPdfToBuffer } from './pdf/pdf-writer';
import { drawParagraphAt, measureParagraph } from './pdf/text-block';

export interface CaseFileSection {
  /** Title in each language of the section (the index shows Chinese first). */
  title: Block['texts'];
  /** YYYY-MM-DD shown in the index. */
  date: string;
  blocks: DocBlock[];
  languages: SupportedLanguage[];
}

export interface CaseFileDocument extends DocumentFrame {
  cover: CaseFileCover;
  sections: CaseFileSection[];
}

interface IndexLayout {
  columns: { number: number; date: number; page: number; gap: number };
  titleFontSize: number;
  headerFontSize: number;
  rowFontSize: number;
  secondaryFontSize: number;
  rowPadding: number;
  titleGapAfter: number;
  pagesLineY: number;
}

export interface RenderedCaseFile {
  pdf: Buffer;
  /** Where each section starts (1-based page of the file), as the index prints it. */
  startPages: number[];
  pageCount: number;
}

export async function renderCaseFile(
  file: CaseFileDocument,
  t: Translate,
  options: {
    /** The cover and index alone, numbered as in the whole file rendered before. */
    coverAndIndexOnly?: { startPages: number[]; pageCount: number };
  } = {},
): Promise<RenderedCaseFile> {
  const text = docText(t);
  const cover = coverBlocks(file.cover, t);
  assertBlocksRenderable(withHeader(file, [...cover, ...file.sections.flatMap((s) => s.blocks)]));
  const index = loadTemplate<{ index: IndexLayout }>('case-file').index;
  const title = file.languages.map((l) => text('caseFile.coverTitle', {}, l)).join(' / ');
  const open = openDocument(file, title);
  const { doc, flow, layout, left, width } = open;

  drawDocBlocks(open, cover, file.languages);
  const coverEnd = flow.here();

  // The index: measure every row, paginate, reserve its pages.
  const titleWidth = width - index.columns.number - index.columns.date - index.columns.page;
  const titleLines = (section: CaseFileSection) =>
    section.languages
      .filter((l) => section.title[l])
      .map((l, i) => ({
        text: section.title[l]!,
        language: l,
        fontSize: i === 0 ? index.rowFontSize : index.secondaryFontSize,
      }));
  const lineHeight = (line: { text: string; language: SupportedLanguage; fontSize: number }) =>
    measureParagraph(line.text, {
      width: titleWidth - index.columns.gap,
      fontSize: line.fontSize,
      direction: directionOf(line.language),
    }).height;
  const rowHeights = file.sections.map(
    (s) => titleLines(s).reduce((sum, line) => sum + lineHeight(line), 0) + index.rowPadding * 2,
  );
  const headerHeight = index.headerFontSize * 1.6 + index.rowPadding * 2;
  const titleHeight = index.titleFontSize * 1.5 + index.titleGapAfter;
  const contentHeight = flow.pageHeight;
  const rowPages = paginateIndex(
    rowHeights,
    contentHeight - titleHeight - headerHeight,
    contentHeight - headerHeight,
  );
  const indexPages = indexPageCount(rowPages);
  const firstIndexPage = flow.page + 1;
  for (let i = 0; i < indexPages; i++) flow.nextPage();

  // The documents, each from a new page.
  const only = options.coverAndIndexOnly;
  const startPages: number[] = only ? only.startPages : [];
  if (!only)
    for (const section of file.sections) {
      flow.nextPage();
      startPages.push(flow.page + 1);
      drawDocBlocks(open, section.blocks, section.languages);
    }

  drawIndex(open, index, file, {
    firstIndexPage,
    rowPages,
    rowHeights,
    titleLines,
    lineHeight,
    startPages,
    titleWidth,
    headerHeight,
    labels: {
      // The title in every language of the file; the columns in Chinese, the file's language.
      title: file.languages.map((l) => text('caseFile.indexTitle', {}, l)).join('  /  '),
      number: text('caseFile.number', {}, 'zh-CN'),
      document: text('caseFile.document', {}, 'zh-CN'),
      date: text('caseFile.date', {}, 'zh-CN'),
      page: text('caseFile.page', {}, 'zh-CN'),
    },
  });
  const pageCount = only ? only.pageCount : doc.bufferedPageRange().count;
  // Below the cover's text, however many parties it lists.
  doc.switchToPage(coverEnd.page);
  let y = coverEnd.page === 0 ? Math.max(index.pagesLineY, coverEnd.y + 12) : coverEnd.y + 12;
  for (const language of file.languages)
    y = drawParagraphAt(doc, text('caseFile.pages', { pages: pageCount }, language), {
      x: left,
      y,
      width,
      fontSize: layout.body.fontSize,
      direction: directionOf(language),
      align: 'center',
    }).y;
  drawPageNumbers(open, file.languages, t);
  return { pdf: await renderPdfToBuffer(doc), startPages, pageCount };
}

function drawIndex(
  open: OpenDocument,
  index: IndexLayout,
  file: CaseFileDocument,
  plan: {
    firstIndexPage: number;
    rowPages: number[];
    rowHeights: number[];
    titleLines: (
      s: CaseFileSection,
    ) => { text: string; language: SupportedLanguage; fontSize: number }[];
    lineHeight: (line: { text: string; language: SupportedLanguage; fontSize: number }) => number;
    startPages: number[];
    titleWidth: number;
    headerHeight: number;
    labels: { title: string; number: string; document: string; date: string; page: string };
  },
): void {
  const { doc, layout, left, width } = open;
  const top = layout.page.margins.top;
  const x = {
    number: left,
    title: left + index.columns.number,
    date: left + index.columns.number + plan.titleWidth,
    page: left + width - index.columns.page,
  };
  const rule = (y: number, weight = 0.4) =>
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(weight)
      .strokeColor('#666666')
      .stroke();
  const pages = indexPageCount(plan.rowPages);
  const ys: number[] = [];
  for (let p = 0; p < pages; p++) {
    doc.switchToPage(plan.firstIndexPage + p);
    let y = top;
    if (p === 0) {
      drawParagraphAt(doc, plan.labels.title, {
        x: left,
        y,
        width,
        fontSize: index.titleFontSize,
        direction: 'ltr',
        bold: true,
        align: 'center',
      });
      y += index.titleFontSize * 1.5 + index.titleGapAfter;
    }
    rule(y, 0.8);
    const { labels } = plan;
    const headerY = y + index.rowPadding;
    const cell = (textValue: string, cx: number, w: number, align: 'start' | 'center' | 'end') =>
      drawParagraphAt(doc, textValue, {
        x: cx,
        y: headerY,
        width: w,
        fontSize: index.headerFontSize,
        direction: 'ltr',
        bold: true,
        align,
      });
    cell(labels.number, x.number, index.columns.number - index.columns.gap, 'start');
    cell(labels.document, x.title, plan.titleWidth - index.columns.gap, 'start');
    cell(labels.date, x.date, index.columns.date - index.columns.gap, 'start');
    cell(labels.page, x.page, index.columns.page, 'end');
    y += plan.headerHeight;
    rule(y, 0.8);
    ys[p] = y;
  }
  file.sections.forEach((section, i) => {
    const p = plan.rowPages[i];
    doc.switchToPage(plan.firstIndexPage + p);
    const y0 = ys[p];
    let y = y0 + index.rowPadding;
    const plain = { fontSize: index.rowFontSize, direction: 'ltr' as const };
    drawParagraphAt(doc, String(i + 1), {
      x: x.number,
      y,
      width: index.columns.number - index.columns.gap,
      ...plain,
    });
    drawParagraphAt(doc, formatDate(section.date, 'zh-CN'), {
      x: x.date,
      y,
      width: index.columns.date - index.columns.gap,
      ...plain,
    });
    drawParagraphAt(doc, String(plan.startPages[i]), {
      x: x.page,
      y,
      width: index.columns.page,
      ...plain,
      align: 'end',
    });
    for (const line of plan.titleLines(section)) {
      y = drawParagraphAt(doc, line.text, {
        x: x.title,
        y,
        width: plan.titleWidth - index.columns.gap,
        fontSize: line.fontSize,
        direction: directionOf(line.language),
      }).y;
    }
    ys[p] = y0 + plan.rowHeights[i];
    rule(ys[p]);
  });
}
