/**
 * Charts drawn with plain HTML and CSS (no canvas, no library): a horizontal bar chart and a
 * column chart by month. Each is a list whose items carry the label and the figure as text, so a
 * screen reader reads the numbers, printing works, and right-to-left languages mirror the bars.
 */
import { h } from './dom';
import { formatNumber } from './format';

export interface Bar {
  key: string;
  label: string;
  value: number;
}

export function barChart(title: string, bars: Bar[], empty: string): HTMLElement {
  const shown = bars.filter((b) => b.value > 0).sort((a, b) => b.value - a.value);
  if (shown.length === 0) return h('p', { class: 'empty' }, empty);
  const max = Math.max(...shown.map((b) => b.value));
  return h(
    'ul',
    { class: 'bar-chart', 'aria-label': title },
    shown.map((b) =>
      h(
        'li',
        { 'data-key': b.key },
        h('span', { class: 'bar-label', dir: 'auto' }, b.label),
        h(
          'span',
          { class: 'bar-track', 'aria-hidden': 'true' },
          h('span', {
            class: 'bar',
            style: { 'inline-size': `${((b.value / max) * 100).toFixed(1)}%` },
          }),
        ),
        h('span', { class: 'bar-value' }, formatNumber(b.value)),
      ),
    ),
  );
}

export function columnChart(title: string, columns: Bar[]): HTMLElement {
  const max = Math.max(1, ...columns.map((c) => c.value));
  return h(
    'div',
    { class: 'column-chart-wrap' },
    h(
      'ul',
      { class: 'column-chart', 'aria-label': title },
      columns.map((c) =>
        h(
          'li',
          { 'data-key': c.key },
          h('span', { class: 'column-value' }, formatNumber(c.value)),
          h('span', {
            class: 'column',
            'aria-hidden': 'true',
            style: { 'block-size': `${((c.value / max) * 100).toFixed(1)}%` },
          }),
          h('span', { class: 'visually-hidden' }, c.label),
        ),
      ),
    ),
    h(
      'ul',
      { class: 'column-labels', 'aria-hidden': 'true' },
      columns.map((c) => h('li', null, c.label)),
    ),
  );
}
