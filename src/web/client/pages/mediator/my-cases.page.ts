/**
 * My cases: the cases on my panels, filtered by state or party, each linking to its page; above
 * them, today's reminders (sessions today, cases near the one-month limit, follow-ups due).
 */
import { h } from '../../ui/dom';
import { formatDay } from '../../ui/format';
import { pageHeader, stateBadge } from '../../ui/layout';
import { navigate, PageContext } from '../../ui/router';
import { CaseDetail, mediatorApi } from './mediator-api';
import {
  caseNo,
  card,
  errorBox,
  field,
  formatWhen,
  options,
  partyName,
  stateLabel,
  table,
  tm,
} from './parts';

const STATES = [
  'mediating',
  'agreement_reached',
  'performed',
  'not_performed',
  'terminated',
  'withdrawn',
  'accepted',
  'closed',
];

export async function renderMyCases(context: PageContext): Promise<Node> {
  const state = context.query.get('state') ?? '';
  const party = context.query.get('party') ?? '';
  const stateSelect = h(
    'select',
    { name: 'state' },
    options(
      [
        { value: '', label: tm('cases.allStates') },
        ...STATES.map((s) => ({ value: s, label: stateLabel(s) })),
      ],
      state,
    ),
  );
  const partyInput = h('input', { name: 'party', type: 'search', value: party, maxlength: 100 });
  const filter = h(
    'form',
    {
      class: 'filters',
      role: 'search',
      'aria-label': tm('cases.filter'),
      onSubmit: (event: Event) => {
        event.preventDefault();
        const query = new URLSearchParams();
        if (stateSelect.value) query.set('state', stateSelect.value);
        if (partyInput.value.trim()) query.set('party', partyInput.value.trim());
        navigate(`/mediator${query.toString() ? `?${query}` : ''}`);
      },
    },
    field(tm('cases.state'), stateSelect),
    field(tm('cases.party'), partyInput),
    h(
      'div',
      { class: 'button-row' },
      h('button', { type: 'submit', class: 'button-primary' }, tm('cases.filter')),
    ),
  );

  const page = h(
    'div',
    { class: 'm-page' },
    pageHeader(
      tm('cases.title'),
      h('a', { class: 'button', href: '/mediator/calendar' }, tm('calendar.title')),
    ),
  );
  page.append(await reminders(), filter);
  try {
    const list = await mediatorApi.cases({
      state: state || undefined,
      partyName: party || undefined,
      sort: 'receivedOn',
      order: 'desc',
      limit: 50,
    });
    if (!list.items.length) {
      page.append(h('p', { class: 'empty' }, tm('cases.none')));
      return page;
    }
    const details = await Promise.all(
      list.items.map((c) => mediatorApi.case(c.id).catch(() => null as CaseDetail | null)),
    );
    page.append(
      h('p', { role: 'status' }, tm('cases.count', { n: list.total })),
      table(
        tm('cases.title'),
        ['cases.number', 'cases.parties', 'cases.state', 'cases.received', 'cases.due'].map((k) =>
          tm(k),
        ),
        list.items.map((c, i) =>
          h(
            'tr',
            { 'data-case-id': c.id },
            h('td', null, h('a', { href: `/mediator/cases/${c.id}` }, caseNo(c.caseNumber))),
            h(
              'td',
              null,
              (details[i]?.parties ?? []).map((p) => h('div', null, partyName(p))),
            ),
            h('td', null, stateBadge(c.state)),
            h('td', null, formatDay(c.receivedOn)),
            h(
              'td',
              null,
              c.dueAt ? formatDay(c.dueAt.slice(0, 10)) : '—',
              c.overdue ? h('strong', { class: 'm-overdue' }, ` ${tm('cases.overdue')}`) : null,
            ),
          ),
        ),
        { 'data-testid': 'my-cases' },
      ),
    );
  } catch (error) {
    page.append(errorBox(error));
  }
  return page;
}

async function reminders(): Promise<Node> {
  try {
    const today = await mediatorApi.reminders();
    const items = [
      ...today.sessions.map((s) =>
        h(
          'li',
          null,
          h(
            'a',
            { href: `/mediator/cases/${s.caseId}/sessions/${s.sessionId}` },
            tm('today.session', {
              caseNumber: caseNo(s.caseNumber),
              time: formatWhen(s.startsAt, s.timeZone, false),
            }),
          ),
        ),
      ),
      ...today.casesNearLimit.map((c) =>
        h(
          'li',
          null,
          h(
            'a',
            { href: `/mediator/cases/${c.caseId}` },
            tm('today.nearLimit', {
              caseNumber: caseNo(c.caseNumber),
              date: formatDay(c.dueAt.slice(0, 10)),
            }),
          ),
        ),
      ),
      ...today.followUpsDue.map((f) =>
        h(
          'li',
          null,
          h(
            'a',
            { href: `/mediator/cases/${f.caseId}/follow-ups` },
            tm('today.followUpDue', {
              caseNumber: caseNo(f.caseNumber),
              date: formatDay(f.performanceDeadline),
            }),
          ),
        ),
      ),
    ];
    return card(
      'm-today',
      tm('today.title'),
      items.length ? h('ul', null, items) : h('p', { class: 'empty' }, tm('today.nothing')),
    );
  } catch (error) {
    return card('m-today', tm('today.title'), errorBox(error));
  }
}
