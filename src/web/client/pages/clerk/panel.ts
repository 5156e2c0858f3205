/**
 * Mediator suggestions for a case with the reasons for each (language, nationality, home region,
 * dialect, specialty, workload), the panel the service proposes, who is excluded and why, and the
 * form that seats the panel (PUT /cases/:id/panel): one lead, co-mediators and interpreters.
 * A panel that breaks the station's policy comes back as 422 with what is missing.
 */
import { api } from '../../ui/api';
import { h } from '../../ui/dom';
import { busy, formSummary, showErrors } from '../../ui/forms';
import { t } from '../../ui/i18n';
import { formatNumber } from '../../ui/format';
import { badge, pageHeader, section } from '../../ui/layout';
import { notify } from '../../ui/notice';
import { navigate, PageContext } from '../../ui/router';
import type { CaseDetail, PanelView, Suggestion } from './case-types';

interface Suggestions {
  caseId: string;
  mediators: Suggestion[];
  interpreters: Suggestion[];
  proposal: { seats: { mediatorId: string; role: string; name: string }[]; missing: unknown[] };
  excludedCount: number;
  excluded: { mediatorId: string; name: string; reasons: ({ text?: string } | string)[] }[];
}

const SEATS = ['', 'lead', 'co_mediator', 'interpreter'];

export async function panelPage(context: PageContext): Promise<HTMLElement> {
  const id = context.params.id;
  const [found, suggestions, panel] = await Promise.all([
    api.get<CaseDetail>(`/cases/${id}`),
    api.get<Suggestions>(`/cases/${id}/mediator-suggestions`),
    api.get<PanelView>(`/cases/${id}/panel`),
  ]);
  // Start from the seated panel, else from the service's proposal.
  const initial = new Map<string, string>(
    (panel.members.length ? panel.members : suggestions.proposal.seats).map((s) => [
      s.mediatorId,
      s.role,
    ]),
  );

  const card = (s: Suggestion, allowed: string[]) => {
    const selectId = `seat-${s.mediatorId}`;
    return h(
      'li',
      { class: 'suggestion', 'data-mediator-id': s.mediatorId },
      h(
        'header',
        null,
        h('h3', { dir: 'auto' }, s.name),
        badge(t(`enum.mediatorKind.${s.kind}`), 'info'),
        h('span', { class: 'score' }, t('panel.score', { score: formatNumber(s.total) })),
      ),
      h(
        'ul',
        { class: 'reasons', 'aria-label': t('panel.reasonsFor', { name: s.name }) },
        s.reasons.map((r) => h('li', { 'data-part': r.part }, r.text)),
      ),
      h(
        'div',
        { class: 'field seat-field' },
        h('label', { for: selectId }, t('panel.seatFor', { name: s.name })),
        h(
          'select',
          { id: selectId, name: 'seat', 'data-mediator-id': s.mediatorId },
          SEATS.filter((seat) => seat === '' || allowed.includes(seat)).map((seat) =>
            h(
              'option',
              { value: seat, selected: (initial.get(s.mediatorId) ?? '') === seat },
              seat ? t(`enum.seat.${seat}`) : t('panel.notSeated'),
            ),
          ),
        ),
      ),
    );
  };

  const submit = h('button', { type: 'submit', class: 'button-primary' }, t('panel.assign'));
  const form: HTMLFormElement = h(
    'form',
    {
      novalidate: true,
      onSubmit: async (event: Event) => {
        event.preventDefault();
        const seats = [...form.querySelectorAll<HTMLSelectElement>('select[name="seat"]')]
          .filter((s) => s.value)
          .map((s) => ({ mediatorId: s.dataset.mediatorId!, role: s.value }));
        const leads = seats.filter((s) => s.role === 'lead');
        const body = {
          leadId: leads[0]?.mediatorId ?? '',
          coMediatorIds: [...leads.slice(1), ...seats.filter((s) => s.role === 'co_mediator')].map(
            (s) => s.mediatorId,
          ),
          interpreterIds: seats.filter((s) => s.role === 'interpreter').map((s) => s.mediatorId),
        };
        try {
          await busy(submit, () => api.put(`/cases/${id}/panel`, body));
          notify(t('panel.assigned'));
          navigate(`/cases/${id}`);
        } catch (error) {
          showErrors(form, error);
        }
      },
    },
    formSummary(),
    section(
      t('panel.mediators'),
      h('p', { class: 'hint' }, t('panel.mediatorsHint')),
      suggestions.mediators.length
        ? h(
            'ol',
            { class: 'suggestions' },
            suggestions.mediators.map((s) => card(s, ['lead', 'co_mediator'])),
          )
        : h('p', { class: 'empty' }, t('panel.noSuggestions')),
    ),
    suggestions.interpreters.length > 0 &&
      section(
        t('panel.interpreters'),
        h(
          'ol',
          { class: 'suggestions' },
          suggestions.interpreters.map((s) => card(s, ['interpreter'])),
        ),
      ),
    suggestions.excludedCount > 0 &&
      section(
        t('panel.excluded', { n: suggestions.excludedCount }),
        h(
          'ul',
          null,
          suggestions.excluded.map((e) =>
            h(
              'li',
              null,
              h('span', { dir: 'auto' }, e.name),
              ': ',
              e.reasons.map((r) => (typeof r === 'string' ? r : (r.text ?? ''))).join('; '),
            ),
          ),
        ),
      ),
    h(
      'div',
      { class: 'button-row' },
      submit,
      h('a', { class: 'button', href: `/cases/${id}` }, t('panel.back')),
    ),
  );

  return h(
    'div',
    { class: 'panel-page' },
    pageHeader(t('panel.title', { number: found.caseNumber })),
    h('p', { class: 'subtitle' }, t('panel.intro')),
    form,
  );
}
