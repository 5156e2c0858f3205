/**
 * Case search for the station (GET /api/v1/cases): by party name in any script, case number,
 * state, or only overdue cases; the filters live in the address so a result can be bookmarked.
 */
import { api } from '../../ui/api';
import { h } from '../../ui/dom';
import { checkboxField, selectField, textField } from '../../ui/forms';
import { t } from '../../ui/i18n';
import { formatDay, formatMoney, formatNumber } from '../../ui/format';
import { badge, pageHeader, stateBadge } from '../../ui/layout';
import { navigate, PageContext } from '../../ui/router';
import { disputeTypes, nameOf } from '../../ui/reference';
import { dataTable } from '../../ui/table';
import type { CaseSummary, Page } from './case-types';

const STATES = [
  'registered',
  'accepted',
  'mediating',
  'agreement_reached',
  'performed',
  'not_performed',
  'terminated',
  'declined',
  'refused',
  'withdrawn',
  'closed',
];

export async function casesPage(context: PageContext): Promise<HTMLElement> {
  const q = context.query;
  const [page, types] = await Promise.all([
    api.get<Page<CaseSummary>>('/cases', {
      partyName: q.get('partyName'),
      caseNumber: q.get('caseNumber'),
      state: q.get('state'),
      overdue: q.get('overdue') === 'true' ? true : undefined,
      sort: 'receivedOn',
      order: 'desc',
      limit: 50,
    }),
    disputeTypes(),
  ]);
  const form: HTMLFormElement = h(
    'form',
    {
      class: 'card filters',
      role: 'search',
      onSubmit: (event: Event) => {
        event.preventDefault();
        const params = new URLSearchParams();
        for (const name of ['partyName', 'caseNumber', 'state']) {
          const value = (form.elements.namedItem(name) as HTMLInputElement).value.trim();
          if (value) params.set(name, value);
        }
        if ((form.elements.namedItem('overdue') as HTMLInputElement).checked)
          params.set('overdue', 'true');
        navigate(`/cases${params.toString() ? `?${params}` : ''}`);
      },
    },
    textField({ name: 'partyName', label: t('cases.partyName'), value: q.get('partyName') ?? '' }),
    textField({ name: 'caseNumber', label: t('case.number'), value: q.get('caseNumber') ?? '' }),
    selectField({
      name: 'state',
      label: t('case.state'),
      options: STATES.map((s) => ({ value: s, label: t(`cases:state.${s}`) })),
      value: q.get('state') ?? '',
      placeholder: t('cases.anyState'),
    }),
    checkboxField({
      name: 'overdue',
      label: t('cases.onlyOverdue'),
      checked: q.get('overdue') === 'true',
    }),
    h(
      'div',
      { class: 'button-row' },
      h('button', { type: 'submit', class: 'button-primary' }, t('cases.search')),
    ),
  );
  return h(
    'div',
    null,
    pageHeader(
      t('cases.title'),
      h('a', { class: 'button button-primary', href: '/clerk/register' }, t('nav.register')),
    ),
    form,
    h('p', { role: 'status' }, t('cases.found', { n: formatNumber(page.total) })),
    dataTable({
      caption: t('cases.title'),
      captionHidden: true,
      empty: t('cases.none'),
      rows: page.items,
      columns: [
        { header: t('case.number'), cell: (c) => h('a', { href: `/cases/${c.id}` }, c.caseNumber) },
        { header: t('register.receivedOn'), cell: (c) => formatDay(c.receivedOn) },
        { header: t('register.disputeType'), cell: (c) => nameOf(types, c.disputeType) },
        {
          header: t('register.amount'),
          numeric: true,
          cell: (c) => formatMoney(c.amountInDispute),
        },
        {
          header: t('case.state'),
          cell: (c) => [
            stateBadge(c.state),
            c.overdue ? [' ', badge(t('case.overdue'), 'bad')] : null,
          ],
        },
      ],
    }),
  );
}
