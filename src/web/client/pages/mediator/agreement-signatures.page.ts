/**
 * Signatures of an issued agreement: every party (signature, seal or fingerprint), every signing
 * mediator and the committee's seal. The last one makes the agreement take effect (Art. 29), which
 * the page then says, with the 30-day window for judicial confirmation (Art. 33).
 */
import { append, h } from '../../ui/dom';
import { chinaToday, formatDateTime, formatDay } from '../../ui/format';
import { badge, pageHeader } from '../../ui/layout';
import { notify } from '../../ui/notice';
import { PageContext, refresh } from '../../ui/router';
import { copiesCard } from './agreement-draft.page';
import { Agreement, CaseDetail, mediatorApi } from './mediator-api';
import {
  act,
  card,
  caseHeader,
  errorBox,
  showFailure,
  field,
  isolate,
  nameWithLatin,
  options,
  partyName,
  table,
  tm,
} from './parts';

const METHODS = ['signed', 'sealed', 'fingerprinted'];

export async function renderAgreementSignatures(context: PageContext): Promise<Node> {
  const caseId = context.params.caseId;
  let found: CaseDetail, agreement: Agreement | undefined;
  try {
    const [c, list] = await Promise.all([mediatorApi.case(caseId), mediatorApi.agreements(caseId)]);
    found = c;
    agreement = list[0];
  } catch (error) {
    return h('div', { class: 'm-page' }, pageHeader(tm('signatures.title')), errorBox(error));
  }
  const page = h('div', { class: 'm-page' }, caseHeader(found, tm('signatures.title')));
  if (!agreement || agreement.state === 'draft') {
    page.append(
      h(
        'p',
        { class: 'alert alert-info' },
        tm('signatures.notIssued'),
        ' ',
        h('a', { href: `/mediator/cases/${caseId}/agreement` }, tm('case.openAgreement')),
      ),
    );
    return page;
  }
  const current = agreement;
  const signers = [
    ...current.content.parties.map((p) => {
      const party = found.parties.find((x) => x.id === p.id);
      return {
        kind: 'party',
        ref: p.id,
        label: party ? partyName(party) : p.nameOriginal,
        method: party?.kind === 'organisation' ? 'sealed' : 'fingerprinted',
      };
    }),
    ...current.content.mediators.map((m) => ({
      kind: 'mediator',
      ref: m.ref,
      label: nameWithLatin(m.name, null),
      method: 'signed',
    })),
    { kind: 'committee', ref: 'committee', label: tm('signatures.committee'), method: 'sealed' },
  ];
  const signed = new Map(current.signatures.map((s) => [`${s.signerKind}:${s.signerRef}`, s]));
  const slot = h('div');
  const rows = signers.map((s) => {
    const done = signed.get(`${s.kind}:${s.ref}`);
    let cell: Node;
    if (done) {
      cell = h(
        'span',
        null,
        badge(tm(`method.${done.method}`), 'good'),
        ' ',
        formatDateTime(done.signedAt),
      );
    } else if (current.state === 'issued') {
      const method = h(
        'select',
        { 'aria-label': tm('signatures.methodFor', { name: s.label }) },
        options(
          METHODS.map((m) => ({ value: m, label: tm(`method.${m}`) })),
          s.method,
        ),
      );
      const record = h(
        'button',
        { type: 'button', class: 'button-primary', 'data-signer': `${s.kind}:${s.ref}` },
        tm('signatures.record'),
      );
      record.addEventListener('click', () =>
        act(record, slot, async () => {
          const after = await mediatorApi.signAgreement(current.id, {
            signerKind: s.kind,
            signerRef: s.ref,
            method: method.value,
          });
          notify(
            after.state === 'effective'
              ? tm('signatures.effective')
              : tm('signatures.recorded', { name: s.label }),
          );
          refresh();
        }),
      );
      cell = h('span', { class: 'm-inline' }, method, record);
    } else {
      cell = h('span', { class: 'm-muted' }, '—');
    }
    return h(
      'tr',
      { 'data-signer-row': `${s.kind}:${s.ref}` },
      h('td', null, s.label),
      h('td', null, tm(`signatures.kind.${s.kind}`)),
      h('td', null, done ? tm('signatures.done') : tm('signatures.waiting')),
      h('td', null, cell),
    );
  });
  page.append(
    card(
      'm-signatures',
      tm('signatures.title'),
      h(
        'p',
        { 'data-testid': 'agreement-state' },
        badge(
          tm(`agreement.stateValue.${current.state}`),
          current.state === 'effective' ? 'good' : 'info',
        ),
        ' ',
        current.state === 'effective' && current.confirmationDeadline
          ? tm('agreement.confirmationDeadline', {
              date: formatDay(current.confirmationDeadline.slice(0, 10)),
            })
          : tm('signatures.missing', { n: current.missingSignatures.length }),
      ),
      table(
        tm('signatures.title'),
        [
          tm('signatures.signer'),
          tm('signatures.as'),
          tm('signatures.status'),
          tm('signatures.method'),
        ],
        rows,
        { 'data-testid': 'signatures' },
      ),
      slot,
    ),
    copiesCard(found, current),
  );
  if (current.state === 'effective') page.append(confirmationCard(current));
  return page;
}

/**
 * The parties' joint application to the basic court for judicial confirmation (Art. 33), within
 * 30 days of the agreement taking effect: recorded once, then shown.
 */
function confirmationCard(agreement: Agreement): HTMLElement {
  if (agreement.confirmationAppliedOn) {
    return card(
      'm-confirmation',
      tm('confirmation.title'),
      h(
        'p',
        { 'data-testid': 'confirmation-applied' },
        tm('confirmation.applied', {
          date: formatDay(agreement.confirmationAppliedOn),
          court: isolate(agreement.confirmationCourt ?? ''),
        }),
      ),
    );
  }
  const appliedOn = h('input', { type: 'date', required: true, value: chinaToday() });
  const court = h('input', { type: 'text', required: true, maxlength: 200 });
  const summary = h('div');
  const submit = h(
    'button',
    { type: 'submit', class: 'button-primary' },
    tm('confirmation.record'),
  );
  const form: HTMLFormElement = h('form', {
    class: 'm-form',
    novalidate: true,
    'data-testid': 'confirmation-form',
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    summary.replaceChildren();
    try {
      await mediatorApi.applyForConfirmation(agreement.id, {
        appliedOn: appliedOn.value,
        court: court.value.trim(),
      });
      notify(tm('confirmation.recorded'));
      refresh();
    } catch (error) {
      showFailure(form, summary, error);
    } finally {
      submit.disabled = false;
    }
  });
  append(form, [
    h('p', { class: 'hint' }, tm('confirmation.hint')),
    h(
      'div',
      { class: 'form-grid' },
      field(tm('confirmation.appliedOn'), appliedOn, undefined, 'appliedOn'),
      field(tm('confirmation.court'), court, tm('confirmation.courtHint'), 'court'),
    ),
    summary,
    h('div', { class: 'button-row' }, submit),
  ]);
  return card('m-confirmation', tm('confirmation.title'), form);
}
