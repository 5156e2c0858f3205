/**
 * The case page for the station: details, the account in its original language with
 * translations, each party with consent (recorded here when still pending) and the notice of
 * rights and duties (printable PDF in Chinese and the party's language, and its delivery), the
 * panel, the state changes allowed now, the timeline and the case-file checklist.
 */
import { api, download } from '../../ui/api';
import { Child, h, replace } from '../../ui/dom';
import {
  busy,
  formSummary,
  radioGroup,
  selectField,
  showErrors,
  textArea,
  valueOf,
} from '../../ui/forms';
import { has, isLanguage, LANGUAGES, t } from '../../ui/i18n';
import { formatDateTime, formatDay, formatMoney } from '../../ui/format';
import { badge, pageHeader, section, stateBadge } from '../../ui/layout';
import { notify } from '../../ui/notice';
import { PageContext, refresh } from '../../ui/router';
import { countries, disputeTypes, nameOf, Named, worldLanguages } from '../../ui/reference';
import { details } from '../../ui/table';
import type {
  CaseDetail,
  CaseFile,
  CaseParty,
  MultilingualText,
  PanelView,
  TimelineEvent,
} from './case-types';

const NEEDS_REASON = new Set(['declined', 'refused', 'terminated', 'withdrawn', 'not_performed']);
const CONSENT_METHODS = ['signed_form', 'oral_recorded', 'fingerprint', 'electronic'];

export async function casePage(context: PageContext): Promise<HTMLElement> {
  const id = context.params.id;
  const [found, timeline, file, panel, types, countryList, languageList] = await Promise.all([
    api.get<CaseDetail>(`/cases/${id}`),
    api.get<TimelineEvent[]>(`/cases/${id}/timeline`),
    api.get<CaseFile>(`/cases/${id}/file`),
    api.get<PanelView>(`/cases/${id}/panel`),
    disputeTypes(),
    countries(),
    worldLanguages(),
  ]);
  const canAssign = context.user.role === 'clerk' || context.user.role === 'admin';

  return h(
    'div',
    { class: 'case-page', 'data-state': found.state },
    pageHeader(
      t('case.title', { number: found.caseNumber }),
      canAssign &&
        h(
          'a',
          { class: 'button button-primary', href: `/cases/${id}/panel` },
          t('case.suggestionsAndPanel'),
        ),
    ),
    h(
      'p',
      { class: 'subtitle' },
      stateBadge(found.state),
      ' ',
      found.overdue && badge(t('case.overdue'), 'bad'),
    ),
    h(
      'div',
      { class: 'columns-2' },
      h(
        'div',
        null,
        section(
          t('case.details'),
          details([
            [t('case.number'), found.caseNumber],
            [t('register.station'), found.station?.nameZh ?? '—'],
            [t('register.source'), t(`enum.source.${found.source}`)],
            [t('register.receivedOn'), formatDay(found.receivedOn)],
            [t('register.disputeType'), nameOf(types, found.disputeType)],
            [t('register.amount'), formatMoney(found.amountInDispute)],
            [t('case.dueAt'), formatDateTime(found.dueAt)],
            [
              t('register.escalationRisk'),
              found.risk?.escalationRisk ? badge(t('case.yes'), 'bad') : t('case.no'),
            ],
          ]),
        ),
        section(
          t('register.accountSection'),
          h('h3', null, t('register.account')),
          textInLanguages(found.account),
          h('h3', null, t('register.requests')),
          textInLanguages(found.requests),
        ),
        section(
          t('register.partiesSection'),
          found.parties.map((party) => partyCard(found, party, countryList, languageList)),
        ),
        transitionsSection(found),
      ),
      h(
        'div',
        null,
        panelSection(panel, canAssign, id),
        section(t('case.timeline'), timelineList(timeline)),
        section(t('case.checklist'), checklist(file)),
      ),
    ),
  );
}

function textInLanguages(text: MultilingualText): HTMLElement {
  return h(
    'div',
    { class: 'multilingual' },
    h('blockquote', { lang: text.original.language, dir: 'auto' }, text.original.text),
    text.translations.map((tr) =>
      h(
        'blockquote',
        { lang: tr.language, dir: 'auto', class: 'translation' },
        tr.text,
        h('footer', { class: 'hint' }, t('case.translatedBy', { who: tr.translatedBy ?? '—' })),
      ),
    ),
  );
}

function partyCard(
  found: CaseDetail,
  party: CaseParty,
  countryList: Named[],
  languageList: Named[],
): HTMLElement {
  const person = party.person;
  const consentTone =
    party.consent.state === 'given' ? 'good' : party.consent.state === 'refused' ? 'bad' : 'warn';
  const preferred = person?.preferredLanguages.find((l) => isLanguage(l)) ?? 'en';
  const noticeLanguage = selectField({
    name: `notice-${party.id}`,
    label: t('case.noticeLanguage'),
    options: LANGUAGES.filter((l) => l !== 'zh-CN').map((l) => ({
      value: l,
      label: t(`enum.language.${l}`),
    })),
    value: isLanguage(preferred) && preferred !== 'zh-CN' ? preferred : 'en',
  });
  const chosenLanguage = () => noticeLanguage.querySelector('select')!.value;
  const out: Child[] = [
    h(
      'header',
      null,
      h('h3', { lang: 'und', dir: 'auto' }, party.displayName),
      badge(t(`enum.partyRole.${party.role}`), 'neutral'),
    ),
    details([
      [
        t('register.nationality'),
        person
          ? nameOf(countryList, person.nationality)
          : nameOf(countryList, party.organisation?.country),
      ],
      [
        t('register.preferredLanguage'),
        person?.preferredLanguages.map((l) => nameOf(languageList, l.split('-')[0])).join(', ') ||
          '—',
      ],
      [t('register.needsInterpreter'), person?.needsInterpreter ? t('case.yes') : t('case.no')],
      [t('register.consent'), badge(t(`enum.consent.${party.consent.state}`), consentTone)],
      [
        t('case.rightsNotice'),
        party.rightsNotice?.deliveredAt
          ? t('case.noticeDelivered', {
              when: formatDateTime(party.rightsNotice.deliveredAt),
              language: party.rightsNotice.language
                ? t(`enum.language.${party.rightsNotice.language}`)
                : '—',
            })
          : badge(t('case.noticeNotDelivered'), 'warn'),
      ],
    ]),
    h(
      'div',
      { class: 'notice-tools' },
      noticeLanguage,
      h(
        'div',
        { class: 'button-row' },
        h(
          'button',
          {
            type: 'button',
            'data-action': 'rights-notice-pdf',
            onClick: (event: Event) =>
              void busy(event.currentTarget as HTMLButtonElement, () =>
                download(
                  `/cases/${found.id}/parties/${party.id}/rights-notice.pdf`,
                  { language: chosenLanguage() },
                  'rights-notice.pdf',
                ).catch((error) => notifyError(error)),
              ),
          },
          t('case.printNotice'),
        ),
        h(
          'button',
          {
            type: 'button',
            'data-action': 'record-notice',
            onClick: (event: Event) =>
              void busy(event.currentTarget as HTMLButtonElement, async () => {
                try {
                  await api.post(`/cases/${found.id}/parties/${party.id}/rights-notice`, {
                    language: chosenLanguage(),
                  });
                  notify(t('case.noticeRecorded', { name: party.displayName }));
                  refresh();
                } catch (error) {
                  notifyError(error);
                }
              }),
          },
          t('case.recordNotice'),
        ),
      ),
    ),
  ];
  if (party.consent.state === 'pending' && found.allowedTransitions.length > 0)
    out.push(consentForm(found, party));
  return h('article', { class: 'card party-card', 'data-party-id': party.id }, out);
}

function consentForm(found: CaseDetail, party: CaseParty): HTMLElement {
  const submit = h('button', { type: 'submit', class: 'button-primary' }, t('case.recordConsent'));
  const form: HTMLFormElement = h(
    'form',
    {
      class: 'consent-form',
      'aria-label': t('case.consentFor', { name: party.displayName }),
      novalidate: true,
      onSubmit: async (event: Event) => {
        event.preventDefault();
        const decision = (
          form.querySelector('[name="decision"]:checked') as HTMLInputElement | null
        )?.value;
        const body: Record<string, unknown> = { decision, method: valueOf(form, 'method') };
        const reason = valueOf(form, 'reason');
        if (reason) body.reason = reason;
        try {
          await busy(submit, () =>
            api.post(`/cases/${found.id}/parties/${party.id}/consent`, body),
          );
          notify(t('case.consentRecorded', { name: party.displayName }));
          refresh();
        } catch (error) {
          showErrors(form, error);
        }
      },
    },
    formSummary(),
    radioGroup({
      name: 'decision',
      label: t('register.consentDecision'),
      value: 'given',
      options: [
        { value: 'given', label: t('enum.consent.given') },
        { value: 'refused', label: t('enum.consent.refused') },
      ],
    }),
    h(
      'div',
      { class: 'form-grid' },
      selectField({
        name: 'method',
        label: t('register.consentMethod'),
        options: CONSENT_METHODS.map((m) => ({ value: m, label: t(`enum.consentMethod.${m}`) })),
        value: 'signed_form',
      }),
      textArea({ name: 'reason', label: t('register.refusalReason'), rows: 2 }),
    ),
    submit,
  );
  return form;
}

function transitionsSection(found: CaseDetail): HTMLElement | null {
  if (found.allowedTransitions.length === 0) return null;
  const area = h('div', { class: 'transition-area' });
  const buttons = found.allowedTransitions.map((to) =>
    h(
      'button',
      {
        type: 'button',
        class: to === 'accepted' || to === 'closed' ? 'button-primary' : null,
        'data-transition': to,
        onClick: (event: Event) => {
          if (NEEDS_REASON.has(to)) return askReason(to);
          void busy(event.currentTarget as HTMLButtonElement, () => move(to));
        },
      },
      t(`case.moveTo.${to}`),
    ),
  );
  async function move(to: string, reason?: string, form?: HTMLElement): Promise<void> {
    try {
      await api.post(`/cases/${found.id}/transitions`, reason ? { to, reason } : { to });
      notify(t('case.moved', { state: t(`cases:state.${to}`) }));
      refresh();
    } catch (error) {
      if (form) showErrors(form, error);
      else replace(area, errorLine(error));
    }
  }
  function askReason(to: string): void {
    const submit = h('button', { type: 'submit', class: 'button-primary' }, t(`case.moveTo.${to}`));
    const form: HTMLFormElement = h(
      'form',
      {
        novalidate: true,
        onSubmit: (event: Event) => {
          event.preventDefault();
          void busy(submit, () => move(to, valueOf(form, 'reason'), form));
        },
      },
      formSummary(),
      textArea({ name: 'reason', label: t('case.reason'), required: true, rows: 3 }),
      submit,
    );
    replace(area, form);
    form.querySelector('textarea')?.focus();
  }
  return section(t('case.nextSteps'), h('div', { class: 'button-row' }, buttons), area);
}

function errorLine(error: unknown): HTMLElement {
  const message = error instanceof Error ? error.message : t('shell.unexpectedError');
  return h('p', { class: 'alert alert-error', role: 'alert' }, message);
}

function notifyError(error: unknown): void {
  notify(
    error instanceof Error && error.message ? error.message : t('shell.unexpectedError'),
    'warn',
  );
}

function panelSection(panel: PanelView, canAssign: boolean, caseId: string): HTMLElement {
  return section(
    t('case.panel'),
    panel.members.length === 0
      ? h('p', { class: 'empty' }, t('case.noPanel'))
      : h(
          'ul',
          { class: 'panel-members' },
          panel.members.map((m) =>
            h(
              'li',
              { 'data-mediator-id': m.mediatorId },
              h('span', { dir: 'auto' }, m.name ?? m.displayName ?? m.mediatorId),
              ' ',
              badge(t(`enum.seat.${m.role}`), m.role === 'lead' ? 'info' : 'neutral'),
            ),
          ),
        ),
    canAssign &&
      h('p', null, h('a', { href: `/cases/${caseId}/panel` }, t('case.suggestionsAndPanel'))),
  );
}

function timelineList(events: TimelineEvent[]): HTMLElement {
  if (events.length === 0) return h('p', { class: 'empty' }, t('case.noEvents'));
  return h(
    'ol',
    { class: 'timeline' },
    [...events].reverse().map((e) => {
      const label = has(`enum.event.${e.event}`) ? t(`enum.event.${e.event}`) : e.event;
      const actor =
        typeof e.actor === 'string' ? e.actor : (e.actor?.displayName ?? e.actor?.username ?? null);
      return h(
        'li',
        { 'data-event': e.event },
        h('time', { datetime: e.at }, formatDateTime(e.at)),
        h('strong', null, label),
        e.toState && e.fromState !== e.toState ? [' → ', t(`cases:state.${e.toState}`)] : null,
        actor && h('span', { class: 'hint' }, ` · ${actor}`),
        e.reason && h('p', { class: 'hint', dir: 'auto' }, e.reason),
      );
    }),
  );
}

function checklist(file: CaseFile): HTMLElement {
  const present = file.items.filter((i) => i.required && i.present).length;
  const required = file.items.filter((i) => i.required).length;
  return h(
    'div',
    null,
    h('p', null, t('case.checklistProgress', { present, required })),
    h(
      'ul',
      { class: 'checklist' },
      file.items.map((item) => {
        const state = !item.applicable ? 'not-applicable' : item.present ? 'present' : 'missing';
        return h(
          'li',
          { class: state, 'data-item': item.item, 'data-present': String(item.present) },
          h(
            'span',
            { class: 'mark', 'aria-hidden': 'true' },
            item.present ? '✓' : item.applicable ? '✗' : '–',
          ),
          h('span', null, t(`enum.fileItem.${item.item}`)),
          h(
            'span',
            { class: 'visually-hidden' },
            item.present
              ? t('case.present')
              : item.applicable
                ? t('case.missing')
                : t('case.notApplicable'),
          ),
          item.required ? badge(t('case.required'), 'neutral') : null,
        );
      }),
    ),
  );
}
