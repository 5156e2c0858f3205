/** Shown for a path no route matches. */
import { h } from '../ui/dom';
import { t } from '../ui/i18n';
import { pageHeader } from '../ui/layout';

export function notFoundPage(home: string): HTMLElement {
  return h(
    'div',
    null,
    pageHeader(t('shell.notFound')),
    h('p', null, h('a', { href: home }, t('shell.backHome'))),
  );
}
