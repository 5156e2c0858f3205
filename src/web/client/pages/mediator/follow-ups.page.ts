/**
 * Follow-up visits (回访, Art. 31): whether the agreement was performed, each party's satisfaction
 * and whether anyone went to court. "Fully" moves the case to performed, "not" to not performed.
 */
import { append, h } from '../../ui/dom';
import { chinaToday, formatDay } from '../../ui/format';
import { pageHeader, stateBadge } from '../../ui/layout';
import { notify } from '../../ui/notice';
import { PageContext, refresh } from '../../ui/router';
import { currentUser } from '../../ui/session';
import { CaseDetail, FollowUpVisit, mediatorApi } from './mediator-api';
import {
  card,
  caseHeader,
  check,
  errorBox,
  showFailure,
  field,
  options,
  partyName,
  stateLabel,
  table,
  tm,
} from './parts';

const PERFORMANCE = ['fully', 'partly', 'not'];
const SATISFACTION = ['satisfied', 'neutral', 'dissatisfied'];

export async function renderFollowUps(context: PageContext): Promise<Node> {
  const caseId = context.params.caseId;
  let found: CaseDetail, visits: FollowUpVisit[];
  try {
    [found, visits] = await Promise.all([mediatorApi.case(caseId), mediatorApi.followUps(caseId)]);
  } catch (error) {
    return h('div', { class: 'm-page' }, pageHeader(tm('followUp.title')), errorBox(error));
  }
  const page = h('div', { class: 'm-page' }, caseHeader(found, tm('followUp.title')));
  const nameOf = (id: string) => {
    const p = found.parties.find((x) => x.id === id);
    return p ? partyName(p) : id;
  };
  page.append(
    card(
      'm-visits',
      tm('followUp.visits'),
      visits.length
        ? table(
            tm('followUp.visits'),
            [
              tm('followUp.visitedOn'),
              tm('followUp.visitedBy'),
              tm('followUp.performance'),
              tm('followUp.satisfaction'),
              tm('followUp.wentToCourt'),
            ],
            visits.map((v) =>
              h(
                'tr',
                null,
                h('td', null, formatDay(v.visitedOn)),
                h('td', null, h('bdi', null, v.visitedBy.name)),
                h('td', null, tm(`followUp.performanceValue.${v.performance}`)),
                h(
                  'td',
                  null,
                  v.satisfaction.map((s, i) => [
                    i ? '; ' : '',
                    nameOf(s.partyId),
                    `: ${tm(`followUp.satisfactionValue.${s.level}`)}`,
                  ]),
                ),
                h('td', null, v.wentToCourt ? tm('followUp.yes') : tm('followUp.no')),
              ),
            ),
            { 'data-testid': 'visits' },
          )
        : h('p', { class: 'empty' }, tm('case.noFollowUps')),
    ),
  );
  if (!['agreement_reached', 'performed', 'not_performed'].includes(found.state)) {
    page.append(h('p', { class: 'alert alert-info' }, tm('followUp.notYet')));
    return page;
  }
  const me = currentUser();
  const visitedOn = h('input', { type: 'date', required: true, value: chinaToday() });
  const visitedBy = h('input', {
    type: 'text',
    required: true,
    maxlength: 200,
    value: me?.displayName ?? '',
  });
  const performance = h(
    'select',
    { required: true },
    options(
      PERFORMANCE.map((p) => ({ value: p, label: tm(`followUp.performanceValue.${p}`) })),
      'fully',
    ),
  );
  const satisfaction = found.parties.map((p) => ({
    party: p,
    select: h(
      'select',
      null,
      options(
        SATISFACTION.map((s) => ({ value: s, label: tm(`followUp.satisfactionValue.${s}`) })),
        'satisfied',
      ),
    ),
  }));
  const court = check(tm('followUp.wentToCourtLabel'), { name: 'wentToCourt' });
  const notes = h('textarea', { rows: 3, maxlength: 20000 });
  const summary = h('div');
  const submit = h('button', { type: 'submit', class: 'button-primary' }, tm('followUp.record'));
  const form: HTMLFormElement = h('form', {
    class: 'm-form',
    novalidate: true,
    'data-testid': 'follow-up-form',
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    summary.replaceChildren();
    try {
      const after = await mediatorApi.followUp(found.id, {
        visitedOn: visitedOn.value,
        visitedByName: visitedBy.value.trim(),
        ...(me?.mediatorId ? { visitedByMediatorId: me.mediatorId } : {}),
        performance: performance.value,
        satisfaction: satisfaction.map((s) => ({ partyId: s.party.id, level: s.select.value })),
        wentToCourt: court.querySelector('input')!.checked,
        ...(notes.value.trim()
          ? {
              notes: {
                original: {
                  language: document.documentElement.lang || 'zh-CN',
                  text: notes.value.trim(),
                },
                translations: [],
              },
            }
          : {}),
      });
      notify(tm('followUp.recorded', { state: stateLabel(after.caseState) }));
      refresh();
    } catch (error) {
      showFailure(form, summary, error);
    } finally {
      submit.disabled = false;
    }
  });
  append(form, [
    h('p', null, tm('followUp.caseState'), ' ', stateBadge(found.state)),
    h(
      'div',
      { class: 'form-grid' },
      field(tm('followUp.visitedOn'), visitedOn, undefined, 'visitedOn'),
      field(tm('followUp.visitedBy'), visitedBy, undefined, 'visitedByName'),
      field(tm('followUp.performance'), performance, tm('followUp.performanceHint'), 'performance'),
    ),
    h(
      'fieldset',
      { class: 'field', 'data-field': 'satisfaction' },
      h('legend', null, tm('followUp.satisfaction')),
      h(
        'div',
        { class: 'form-grid' },
        satisfaction.map((s, i) =>
          field(partyName(s.party), s.select, undefined, `satisfaction.${i}.level`),
        ),
      ),
      h('p', { class: 'field-error', hidden: true }),
    ),
    court,
    field(tm('followUp.notes'), notes, undefined, 'notes'),
    summary,
    h('div', { class: 'button-row' }, submit),
  ]);
  page.append(card('m-new-visit', tm('followUp.new'), form));
  return page;
}
