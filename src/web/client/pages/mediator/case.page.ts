/**
 * A case as the mediator works on it: parties and their copy languages, the panel, the sessions
 * (each linking to its record), the agreement and the follow-up visits, with the next steps.
 */
import { h } from '../../ui/dom';
import { formatDay } from '../../ui/format';
import { pageHeader } from '../../ui/layout';
import { PageContext } from '../../ui/router';
import { copyLanguageOf } from './bilingual-text';
import { mediatorApi } from './mediator-api';
import {
  caseNo,
  languageList,
  card,
  caseHeader,
  errorBox,
  formatRange,
  memberName,
  partyName,
  roleLabel,
  SUPPORTED,
  table,
  tm,
} from './parts';

export async function renderMediatorCase(context: PageContext): Promise<Node> {
  const caseId = context.params.caseId;
  try {
    const [found, panel, sessions, agreements, visits] = await Promise.all([
      mediatorApi.case(caseId),
      mediatorApi.panel(caseId),
      mediatorApi.sessions(caseId),
      mediatorApi.agreements(caseId),
      mediatorApi.followUps(caseId),
    ]);
    const agreement = agreements[0];
    const base = `/mediator/cases/${caseId}`;
    return h(
      'div',
      { class: 'm-page' },
      caseHeader(found, caseNo(found.caseNumber)),
      h(
        'div',
        { class: 'grid' },
        card(
          'm-parties',
          tm('case.parties'),
          h(
            'ul',
            { class: 'm-plain' },
            found.parties.map((p) =>
              h(
                'li',
                null,
                h('div', null, partyName(p)),
                h(
                  'div',
                  { class: 'm-muted' },
                  `${roleLabel(p.role)} · `,
                  tm('case.copyLanguage', {
                    language: languageList(['zh-CN', copyLanguageOf(p, SUPPORTED)]),
                  }),
                ),
              ),
            ),
          ),
        ),
        card(
          'm-panel',
          tm('case.panel'),
          h(
            'ul',
            { class: 'm-plain' },
            panel.members.map((m) =>
              h(
                'li',
                null,
                h('div', null, memberName(m)),
                h('div', { class: 'm-muted' }, tm(`panelRole.${m.role}`)),
              ),
            ),
          ),
        ),
      ),
      card(
        'm-sessions',
        tm('case.sessions'),
        sessions.length
          ? table(
              tm('case.sessions'),
              ['session.number', 'session.when', 'session.place', 'session.status'].map((k) =>
                tm(k),
              ),
              sessions.map((s) =>
                h(
                  'tr',
                  null,
                  h(
                    'td',
                    null,
                    h(
                      'a',
                      { href: `${base}/sessions/${s.id}` },
                      tm('session.numbered', { n: s.number }),
                    ),
                  ),
                  h('td', null, formatRange(s.startsAt, s.endsAt, s.timeZone)),
                  h('td', null, s.room ?? s.videoLink ?? ''),
                  h(
                    'td',
                    null,
                    s.signedAt ? tm('record.signed') : tm(`session.statusValue.${s.status}`),
                  ),
                ),
              ),
            )
          : h('p', { class: 'empty' }, tm('case.noSessions')),
        found.state === 'mediating'
          ? h(
              'div',
              { class: 'button-row' },
              h(
                'a',
                { class: 'button button-primary', href: `${base}/sessions/new` },
                tm('case.schedule'),
              ),
            )
          : null,
      ),
      card(
        'm-agreement',
        tm('case.agreement'),
        agreement
          ? h(
              'p',
              null,
              tm('case.agreementState', {
                version: agreement.currentVersion,
                state: tm(`agreement.stateValue.${agreement.state}`),
              }),
            )
          : h('p', { class: 'empty' }, tm('case.noAgreement')),
        h(
          'div',
          { class: 'button-row' },
          agreement || ['mediating', 'agreement_reached'].includes(found.state)
            ? h(
                'a',
                { class: 'button', href: `${base}/agreement` },
                agreement ? tm('case.openAgreement') : tm('case.draftAgreement'),
              )
            : null,
          agreement && agreement.state !== 'draft'
            ? h(
                'a',
                { class: 'button', href: `${base}/agreement/signatures` },
                tm('case.signatures'),
              )
            : null,
        ),
      ),
      card(
        'm-visits',
        tm('case.followUps'),
        visits.length
          ? h(
              'ul',
              { class: 'm-plain' },
              visits.map((v) =>
                h(
                  'li',
                  null,
                  `${formatDay(v.visitedOn)} — ${tm(`followUp.performanceValue.${v.performance}`)}`,
                ),
              ),
            )
          : h('p', { class: 'empty' }, tm('case.noFollowUps')),
        ['agreement_reached', 'performed', 'not_performed'].includes(found.state)
          ? h(
              'div',
              { class: 'button-row' },
              h('a', { class: 'button', href: `${base}/follow-ups` }, tm('case.recordFollowUp')),
            )
          : null,
      ),
    );
  } catch (error) {
    return h('div', { class: 'm-page' }, pageHeader(tm('case.title')), errorBox(error));
  }
}
