/**
 * Data tables with a caption and header cells, so screen readers announce them, inside a
 * horizontally scrollable region for tablet width. Numeric columns align to the end (mirrored in
 * right-to-left languages). An empty list shows a sentence instead of an empty table.
 */
import { Child, h } from './dom';

export interface Column<T> {
  header: string;
  cell(row: T): Child;
  numeric?: boolean;
}

export function dataTable<T>(options: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  empty: string;
  captionHidden?: boolean;
}): HTMLElement {
  if (options.rows.length === 0) return h('p', { class: 'empty' }, options.empty);
  return h(
    'div',
    { class: 'table-wrap', role: 'region', 'aria-label': options.caption, tabindex: '0' },
    h(
      'table',
      null,
      h('caption', { class: options.captionHidden ? 'visually-hidden' : null }, options.caption),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          options.columns.map((c) =>
            h('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.header),
          ),
        ),
      ),
      h(
        'tbody',
        null,
        options.rows.map((row) =>
          h(
            'tr',
            null,
            options.columns.map((c) => h('td', { class: c.numeric ? 'num' : null }, c.cell(row))),
          ),
        ),
      ),
    ),
  );
}

/** A definition list of label/value pairs (case details, party details). */
export function details(pairs: [string, Child][]): HTMLElement {
  return h(
    'dl',
    { class: 'details' },
    pairs.map(([label, value]) =>
      h('div', null, h('dt', null, label), h('dd', null, value ?? '—')),
    ),
  );
}
