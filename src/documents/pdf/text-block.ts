/*
 * Drawing API for document layouts: paragraphs that flow across pages, and rows of
 * side-by-side cells (Chinese left, party language right) whose height is the tallest cell.
 */
import { selectFace } from './font-registry';
import { FlowPosition, PageFlow } from './page-flow';
import {
  layoutParagraph,
  type LaidOutLine,
  type ParagraphLayout,
  type ParagraphStyle,
  type PositionedPiece,
} from './paragraph-layout';
import {
  encodeGlyphs,
  glyphTexts,
  needsActualText,
  reverseRtlLigatureToUnicode,
  withActualText,
} from './pdf-extraction-fixes';
import { shapeForDrawing } from './text-shaping';

export interface ParagraphBox extends ParagraphStyle {
  x: number;
  width: number;
}

export interface FixedParagraphOptions extends ParagraphBox {
  y: number;
}

export interface DrawResult {
  /** y below the paragraph (including the last line's lineGap) on the page it ended on. */
  y: number;
  page: number;
  height: number;
  lineCount: number;
}

export function measureParagraph(
  text: string,
  box: Omit<ParagraphBox, 'x'>,
): { height: number; lineCount: number } {
  const layout = layoutParagraph(text, box.width, box);
  return { height: layout.height, lineCount: layout.lines.length };
}

interface PdfkitTextInternals {
  _font: { encode?: (text: string, features?: string[]) => [string[], object[]] };
  _fragment(text: string, x: number, y: number, options: object): void;
}

function drawPiece(
  doc: PDFKit.PDFDocument,
  piece: PositionedPiece,
  x: number,
  baselineY: number,
  fontSize: number,
): void {
  selectFace(doc, piece.face);
  doc.fontSize(fontSize);
  if (piece.face.family === 'arabic') reverseRtlLigatureToUnicode(doc);
  // The glyphs pdfkit would draw, shaped once per process rather than twice per piece.
  const shaped = shapeForDrawing(piece.face, { text: piece.pdfText, features: piece.features });
  const { codes, positions } = encodeGlyphs(
    doc,
    shaped,
    glyphTexts(piece.face, piece.pdfText, shaped, piece.rightToLeft),
  );
  const internals = doc as unknown as PdfkitTextInternals;
  const font = internals._font;
  // pdfkit's text() measures the string twice and encodes it with its own layout; its
  // _fragment() writes the same operators from these codes and positions.
  font.encode = () => [codes, positions];
  try {
    internals._fragment(piece.pdfText, x, baselineY, {
      lineBreak: false,
      baseline: 'alphabetic',
      textWidth: (shaped.advanceWidth * fontSize) / 1000,
    });
  } finally {
    delete font.encode;
  }
}

function drawLine(
  doc: PDFKit.PDFDocument,
  line: LaidOutLine,
  x: number,
  top: number,
  fontSize: number,
): void {
  const baselineY = top + line.baseline;
  // Each piece keeps its place on the page, but pieces go into the content stream in logical
  // order. pdf.js builds text in content-stream order and reorders only within a run of glyphs
  // it merged (one font, moving right), so in visual order a right-to-left sentence with numbers
  // or Latin words came out stretch by stretch from left to right. poppler sorts by position.
  const logicalOrder = [...line.pieces].sort((a, b) => a.start - b.start);
  for (const piece of logicalOrder) {
    const draw = (): void => drawPiece(doc, piece, x + piece.x, baselineY, fontSize);
    if (needsActualText(piece.logicalText, piece.rightToLeft))
      withActualText(doc, piece.logicalText, draw);
    else draw();
  }
}

/** Draws a laid-out paragraph at a fixed position without page breaks (headers, footers). */
export function drawLayoutAt(
  doc: PDFKit.PDFDocument,
  layout: ParagraphLayout,
  x: number,
  y: number,
  fontSize: number,
): number {
  for (const line of layout.lines) drawLine(doc, line, x, y + line.top, fontSize);
  return y + layout.height;
}

/** Draws at a fixed position; the caller guarantees it fits (e.g. a footer). */
export function drawParagraphAt(
  doc: PDFKit.PDFDocument,
  text: string,
  options: FixedParagraphOptions,
): DrawResult {
  const layout = layoutParagraph(text, options.width, options);
  const y = drawLayoutAt(doc, layout, options.x, options.y, options.fontSize);
  const range = doc.bufferedPageRange();
  return {
    y,
    page: range.start + range.count - 1,
    height: layout.height,
    lineCount: layout.lines.length,
  };
}

/** Draws a laid-out paragraph line by line into a flow, breaking pages between lines. */
export function drawLayoutInFlow(
  doc: PDFKit.PDFDocument,
  layout: ParagraphLayout,
  x: number,
  flow: PageFlow,
  fontSize: number,
): void {
  for (const line of layout.lines) {
    flow.ensureSpace(line.height);
    drawLine(doc, line, x, flow.y, fontSize);
    flow.advance(line.height + layout.lineGap);
  }
}

/**
 * Draws a paragraph into a page flow (paragraph-by-paragraph bilingual documents call this
 * once per language). Breaks pages between lines; the flow's header hook runs on new pages.
 */
export function drawParagraph(
  doc: PDFKit.PDFDocument,
  text: string,
  box: ParagraphBox,
  flow: PageFlow,
): DrawResult {
  const layout = layoutParagraph(text, box.width, box);
  const startPage = flow.page;
  const startY = flow.y;
  drawLayoutInFlow(doc, layout, box.x, flow, box.fontSize);
  const height = flow.page === startPage ? flow.y - startY : layout.height;
  return { y: flow.y, page: flow.page, height, lineCount: layout.lines.length };
}

export interface RowCell extends ParagraphBox {
  text: string;
}

export interface RowOptions {
  /** Space added below the row. */
  gapAfter?: number;
  /**
   * Move the whole row to the next page when it does not fit but would fit on an empty page,
   * so the two language versions of a clause start side by side. Default true.
   */
  keepTogether?: boolean;
}

/**
 * Side-by-side cells: every cell starts at the same y; the row ends below the tallest one.
 * A row taller than a page splits line by line, each cell continuing on the same next page.
 */
export function drawRow(
  doc: PDFKit.PDFDocument,
  cells: RowCell[],
  flow: PageFlow,
  options: RowOptions = {},
): DrawResult {
  const layouts = cells.map((cell) => layoutParagraph(cell.text, cell.width, cell));
  const height = Math.max(0, ...layouts.map((layout) => layout.height));
  if ((options.keepTogether ?? true) && height > flow.remaining && height <= flow.pageHeight)
    flow.nextPage();
  else if (layouts.some((l) => l.lines.length > 0))
    flow.ensureSpace(Math.min(...layouts.map((l) => l.lines[0]?.height ?? 0)));

  const start = flow.here();
  let end: FlowPosition = start;
  layouts.forEach((layout, i) => {
    flow.moveTo(start);
    drawLayoutInFlow(doc, layout, cells[i].x, flow, cells[i].fontSize);
    end = PageFlow.later(end, flow.here());
  });
  flow.moveTo(end);
  flow.advance(options.gapAfter ?? 0);
  const lineCount = Math.max(0, ...layouts.map((l) => l.lines.length));
  return { y: flow.y, page: flow.page, height, lineCount };
}
