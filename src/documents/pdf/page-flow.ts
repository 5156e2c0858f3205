/*
 * Tracks where the next line goes across pages. Pages are buffered (bufferPages: true), so a
 * flow can go back to an earlier page: side-by-side columns draw the left cell, rewind to the
 * row's start, and draw the right cell over the same pages. A page is only added when the flow
 * runs past the last existing one, and only then does the header hook run.
 */

export interface FlowPosition {
  page: number;
  y: number;
}

export interface PageFlowOptions {
  /** Content area on every page, in points from the top edge. */
  top: number;
  bottom: number;
  /** Draws a repeated header on a new page; returns where content starts (default `top`). */
  onNewPage?: (doc: PDFKit.PDFDocument, pageIndex: number) => number | void;
}

export class PageFlow {
  private position: FlowPosition;
  private readonly contentTops = new Map<number, number>();

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly options: PageFlowOptions,
    start?: FlowPosition,
  ) {
    const range = doc.bufferedPageRange();
    const current = range.start + range.count - 1;
    this.position = start ?? { page: current, y: options.top };
  }

  get y(): number {
    return this.position.y;
  }

  get page(): number {
    return this.position.page;
  }

  /** Height available on an empty page, for keep-together decisions. */
  get pageHeight(): number {
    return this.options.bottom - this.options.top;
  }

  get remaining(): number {
    return this.options.bottom - this.position.y;
  }

  here(): FlowPosition {
    return { ...this.position };
  }

  moveTo(position: FlowPosition): void {
    this.position = { ...position };
    this.doc.switchToPage(position.page);
  }

  advance(height: number): void {
    this.position.y += height;
  }

  /** Moves to the next page when `height` does not fit, unless already at the top of a page. */
  ensureSpace(height: number): void {
    const top = this.contentTops.get(this.position.page) ?? this.options.top;
    if (this.position.y + height > this.options.bottom && this.position.y > top + 0.01)
      this.nextPage();
  }

  nextPage(): void {
    const range = this.doc.bufferedPageRange();
    const next = this.position.page + 1;
    if (next < range.start + range.count) {
      this.doc.switchToPage(next);
    } else {
      this.doc.addPage();
      const top = this.options.onNewPage?.(this.doc, next);
      this.contentTops.set(next, typeof top === 'number' ? top : this.options.top);
    }
    this.position = { page: next, y: this.contentTops.get(next) ?? this.options.top };
  }

  static later(a: FlowPosition, b: FlowPosition): FlowPosition {
    if (a.page !== b.page) return a.page > b.page ? a : b;
    return a.y >= b.y ? a : b;
  }
}
