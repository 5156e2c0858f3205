/**
 * A session's record (笔录): attendance, the entries in the order spoken, each in the language
 * spoken with its translations, the signatures that close it, corrections added after signing,
 * and the outcome that moves the case.
 */
import { append, h } from '../../ui/dom';
import { pageHeader } from '../../ui/layout';
import { notify } from '../../ui/notice';
import { navigate, PageContext, refresh } from '../../ui/router';
import { currentUser } from '../../ui/session';
import {
  CaseDetail,
  mediatorApi,
  Panel,
  RecordEntry,
  Session,
  SessionRecord,
} from './mediator-api';
import {
  act,
  caseHeader,
  check,
  dirOf,
  errorBox,
  field,
  formatRange,
  languageList,
  languageName,
  memberName,
  options,
  partyName,
  table,
  tm,
} from './parts';

const METHODS = ['signed', 'sealed', 'fingerprinted'];

interface World {
  found: CaseDetail;
  panel: Panel;
  session: Session;
  record: SessionRecord;
}

export async function renderSessionRecord(context: PageContext): Promise<Node> {
  const { caseId, sessionId } = context.params;
  let world: World;
  try {
    const [found, panel, session, record] = await Promise.all([
      mediatorApi.case(caseId),
      mediatorApi.panel(caseId),
      mediatorApi.session(caseId, sessionId),
      mediatorApi.record(caseId, sessionId),
    ]);
    world = { found, panel, session, record };
  } catch (error) {
    return h('div', { class: 'm-page' }, pageHeader(tm('record.title')), errorBox(error));
  }
  const { found, session, record } = world;
  return h(
    'div',
    { class: 'm-page' },
    caseHeader(found, tm('record.heading', { n: session.number })),
    h(
      'p',
      { class: 'm-session-line' },
      formatRange(session.startsAt, session.endsAt, session.timeZone),
      session.room ? ` · ${session.room}` : '',
      ` · ${tm(session.publicity === 'private' ? 'schedule.private' : 'schedule.public')}`,
      ` · ${languageList(session.languages)}`,
      ' · ',
      h(
        'strong',
        { 'data-testid': 'record-state' },
        record.signed ? tm('record.signed') : tm(`session.statusValue.${session.status}`),
      ),
    ),
    attendanceSection(world),
    entriesSection(world),
    entryForm(world),
    record.signed ? null : signSection(world),
    outcomeSection(world),
  );
}

function participantName(world: World, p: Session['expectedParticipants'][number]): string {
  if (p.partyId && p.kind === 'party') {
    const party = world.found.parties.find((x) => x.id === p.partyId);
    return party ? partyName(party) : p.partyId;
  }
  if (p.mediatorId) {
    const member = world.panel.members.find((m) => m.mediatorId === p.mediatorId);
    return member ? memberName(member) : tm(`record.speaker.${p.kind}`);
  }
  return p.name ?? p.key;
}

function attendanceSection(world: World): Node {
  const { session, record, found } = world;
  const marks = new Map((record.attendance ?? []).map((m) => [m.key, m]));
  const section = h(
    'section',
    { class: 'card', 'aria-labelledby': 'm-attendance' },
    h('h2', { id: 'm-attendance' }, tm('record.attendance')),
  );
  if (record.signed || session.status !== 'scheduled') {
    section.append(
      h(
        'ul',
        { class: 'm-plain' },
        session.expectedParticipants.map((p) => {
          const mark = marks.get(p.key);
          return h(
            'li',
            null,
            participantName(world, p),
            ` — ${mark ? tm(mark.present ? 'record.present' : 'record.absent') : '—'}`,
            mark?.note ? ` (${mark.note})` : '',
          );
        }),
      ),
    );
    return section;
  }
  const slot = h('div');
  const rows = session.expectedParticipants.map((p) => {
    const present = h('input', {
      type: 'checkbox',
      checked: marks.get(p.key)?.present ?? true,
      'data-key': p.key,
      id: `present-${p.key}`,
    });
    const note = h('input', {
      type: 'text',
      value: marks.get(p.key)?.note ?? '',
      'aria-label': tm('record.noteFor', { name: participantName(world, p) }),
      maxlength: 500,
    });
    return {
      p,
      present,
      note,
      row: h(
        'tr',
        null,
        h(
          'td',
          null,
          h(
            'label',
            { for: present.id },
            participantName(world, p),
            ` (${tm(`record.speaker.${p.kind}`)})`,
          ),
        ),
        h('td', null, present),
        h('td', null, note),
      ),
    };
  });
  const save = h('button', { type: 'button' }, tm('record.saveAttendance'));
  save.addEventListener('click', () =>
    act(save, slot, async () => {
      await mediatorApi.attendance(
        found.id,
        session.id,
        rows.map((r) => ({
          key: r.p.key,
          present: r.present.checked,
          ...(r.note.value.trim() ? { note: r.note.value.trim() } : {}),
        })),
      );
      notify(tm('record.attendanceSaved'));
      refresh();
    }),
  );
  section.append(
    table(
      tm('record.attendance'),
      [tm('record.participant'), tm('record.present'), tm('record.note')],
      rows.map((r) => r.row),
    ),
    h(
      'div',
      { class: 'button-row' },
      save,
      record.attendance ? h('span', { class: 'm-ok' }, ` ${tm('record.attendanceSaved')}`) : null,
    ),
    slot,
  );
  return section;
}

/** One language of an entry: its name and how it came about above the text, in its direction. */
function textBlock(language: string, text: string, note: string, gap = false) {
  return h(
    'div',
    { class: 'm-cell m-text', 'data-gap': gap ? 'unchecked' : 'ok' },
    h('span', { class: 'm-lang' }, `${languageName(language)} · ${note}`),
    h('p', { lang: language, dir: dirOf(language) }, text),
  );
}

function entriesSection(world: World): Node {
  const { record } = world;
  const ordinalOf = (id: string | null) => record.entries.find((e) => e.id === id)?.ordinal;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'm-entries' },
    h('h2', { id: 'm-entries' }, tm('record.entries')),
    record.entries.length
      ? h(
          'ol',
          { class: 'm-entries', 'data-testid': 'entries' },
          [...record.entries]
            .sort((a, b) => a.ordinal - b.ordinal)
            .map((e: RecordEntry) =>
              h(
                'li',
                {
                  class: e.correctsEntryId ? 'm-entry m-correction' : 'm-entry',
                  value: e.ordinal,
                  id: `entry-${e.ordinal}`,
                },
                h(
                  'p',
                  { class: 'm-speaker' },
                  h('strong', null, h('bdi', null, e.speaker.name)),
                  ` (${tm(`record.speaker.${e.speaker.kind}`)}) `,
                  e.correctsEntryId
                    ? h(
                        'span',
                        { class: 'badge badge-warn' },
                        tm('record.corrects', { n: ordinalOf(e.correctsEntryId) ?? '?' }),
                      )
                    : null,
                ),
                h(
                  'div',
                  { class: 'm-entry-texts' },
                  textBlock(e.text.original.language, e.text.original.text, tm('record.spoken')),
                  e.text.translations.map((tr) =>
                    textBlock(
                      tr.language,
                      tr.text,
                      tr.checked
                        ? tm('record.checkedBy', { name: tr.translatedBy })
                        : `⚠ ${tm('record.unchecked')}`,
                      !tr.checked,
                    ),
                  ),
                ),
              ),
            ),
        )
      : h('p', { class: 'empty' }, tm('record.noEntries')),
  );
}

function speakers(world: World) {
  const { session, found } = world;
  const list: { value: string; label: string; body: Record<string, string> }[] = [];
  for (const id of session.participants.partyIds) {
    const party = found.parties.find((p) => p.id === id);
    if (party)
      list.push({
        value: `party:${id}`,
        label: partyName(party),
        body: { kind: 'party', partyId: id, name: party.displayName },
      });
  }
  for (const [kind, ids] of [
    ['mediator', session.participants.panelMemberIds],
    ['interpreter', session.participants.interpreterIds],
  ] as const) {
    for (const id of ids) {
      const member = world.panel.members.find((m) => m.mediatorId === id);
      const name = member?.name ?? tm(`record.speaker.${kind}`);
      list.push({
        value: `${kind}:${id}`,
        label: member ? memberName(member) : name,
        body: { kind, mediatorId: id, name },
      });
    }
  }
  list.push({
    value: 'clerk',
    label: tm('record.speaker.clerk'),
    body: { kind: 'clerk', name: tm('record.speaker.clerk') },
  });
  return list;
}

function entryForm(world: World): Node | null {
  const { session, record, found } = world;
  if (session.status === 'cancelled') return null;
  const signed = record.signed;
  const who = speakers(world);
  const languages = session.languages;
  const speaker = h(
    'select',
    { name: 'speaker' },
    options(who.map((s) => ({ value: s.value, label: s.label }))),
  );
  const spoken = h(
    'select',
    { name: 'language' },
    options(
      languages.map((l) => ({ value: l, label: languageName(l) })),
      languages[0],
    ),
  );
  const text = h('textarea', { name: 'text', rows: 3, required: true, maxlength: 20000 });
  const translatedBy = h('input', {
    type: 'text',
    name: 'translatedBy',
    value: currentUser()?.displayName ?? '',
    maxlength: 200,
  });
  const corrects = signed
    ? h(
        'select',
        { name: 'correctsEntryId' },
        options(
          record.entries
            .filter((e) => !e.afterSigning)
            .map((e) => ({
              value: e.id,
              label: `${e.ordinal}. ${e.speaker.name}: ${e.text.original.text.slice(0, 60)}`,
            })),
        ),
      )
    : null;
  const translationRows = h('div', { class: 'm-translations' });
  const drawTranslations = () => {
    translationRows.replaceChildren(
      ...languages
        .filter((l) => l !== spoken.value)
        .map((l) => {
          const area = h('textarea', {
            rows: 2,
            'data-language': l,
            lang: l,
            dir: dirOf(l),
            maxlength: 20000,
          });
          return h(
            'div',
            { class: 'm-translation' },
            field(tm('record.translationIn', { language: languageName(l) }), area),
            check(tm('record.translationChecked'), { 'data-checked': l }),
          );
        }),
    );
  };
  const syncText = () => {
    text.setAttribute('lang', spoken.value);
    text.setAttribute('dir', dirOf(spoken.value));
  };
  spoken.addEventListener('change', () => {
    drawTranslations();
    syncText();
  });
  drawTranslations();
  syncText();
  const slot = h('div');
  const submit = h(
    'button',
    { type: 'submit', class: 'button-primary' },
    signed ? tm('record.addCorrection') : tm('record.addEntry'),
  );
  const form: HTMLFormElement = h('form', {
    class: 'm-form',
    'aria-labelledby': 'm-entry-form',
    'data-testid': 'entry-form',
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void act(submit, slot, async () => {
      const chosen = who.find((s) => s.value === speaker.value)!;
      const translations = [
        ...translationRows.querySelectorAll<HTMLTextAreaElement>('textarea[data-language]'),
      ]
        .filter((a) => a.value.trim())
        .map((a) => ({
          language: a.dataset.language!,
          text: a.value.trim(),
          translatedBy: translatedBy.value.trim() || (currentUser()?.displayName ?? ''),
          checked: translationRows.querySelector<HTMLInputElement>(
            `input[data-checked="${a.dataset.language}"]`,
          )!.checked,
        }));
      await mediatorApi.addEntry(found.id, session.id, {
        speaker: chosen.body,
        text: { original: { language: spoken.value, text: text.value.trim() }, translations },
        ...(corrects ? { correctsEntryId: corrects.value } : {}),
      });
      notify(signed ? tm('record.correctionAdded') : tm('record.entryAdded'));
      refresh();
    });
  });
  append(form, [
    h(
      'h2',
      { id: 'm-entry-form' },
      signed ? tm('record.correctionTitle') : tm('record.entryTitle'),
    ),
    signed ? h('p', { class: 'hint' }, tm('record.correctionHint')) : null,
    corrects ? field(tm('record.correctsEntry'), corrects, undefined, 'correctsEntryId') : null,
    h(
      'div',
      { class: 'form-grid' },
      field(tm('record.speakerLabel'), speaker, undefined, 'speaker'),
      field(tm('record.spokenIn'), spoken),
    ),
    field(tm('record.text'), text, undefined, 'text'),
    translationRows,
    field(tm('record.translatedBy'), translatedBy),
    slot,
    h('div', { class: 'button-row' }, submit),
  ]);
  return h('section', { class: 'card' }, form);
}

function signSection(world: World): Node | null {
  const { session, record, found } = world;
  if (session.status !== 'scheduled') return null;
  const section = h(
    'section',
    { class: 'card', 'aria-labelledby': 'm-sign' },
    h('h2', { id: 'm-sign' }, tm('record.sign')),
  );
  if (!record.attendance) {
    section.append(h('p', { class: 'hint' }, tm('record.signNeedsAttendance')));
    return section;
  }
  const present = new Set(record.attendance.filter((m) => m.present).map((m) => m.key));
  const signers = [
    ...session.participants.panelMemberIds
      .filter((id) => present.has(`mediator:${id}`))
      .map((id) => {
        const member = world.panel.members.find((m) => m.mediatorId === id);
        return {
          signerKind: 'mediator',
          mediatorId: id,
          partyId: undefined,
          name: member?.name ?? id,
          label: member ? memberName(member) : id,
          method: 'signed',
        };
      }),
    ...session.participants.partyIds
      .filter((id) => present.has(`party:${id}`))
      .map((id) => {
        const party = found.parties.find((p) => p.id === id)!;
        return {
          signerKind: 'party',
          partyId: id,
          mediatorId: undefined,
          name: party.displayName,
          label: partyName(party),
          method: party.kind === 'organisation' ? 'sealed' : 'signed',
        };
      }),
  ];
  const rows = signers.map((s) => {
    const method = h(
      'select',
      { 'aria-label': tm('record.methodFor', { name: s.label }) },
      options(
        METHODS.map((m) => ({ value: m, label: tm(`method.${m}`) })),
        s.method,
      ),
    );
    return {
      s,
      method,
      row: h(
        'tr',
        null,
        h('th', { scope: 'row' }, s.label),
        h('td', null, tm(`record.speaker.${s.signerKind}`)),
        h('td', null, method),
      ),
    };
  });
  const slot = h('div');
  const sign = h('button', { type: 'button', class: 'button-primary' }, tm('record.signNow'));
  sign.addEventListener('click', () =>
    act(sign, slot, async () => {
      await mediatorApi.signRecord(
        found.id,
        session.id,
        rows.map(({ s, method }) => ({
          signerKind: s.signerKind,
          ...(s.signerKind === 'mediator' ? { mediatorId: s.mediatorId } : { partyId: s.partyId }),
          name: s.name,
          method: method.value,
        })),
      );
      notify(tm('record.signedNotice'));
      refresh();
    }),
  );
  section.append(
    h('p', { class: 'hint' }, tm('record.signHint')),
    table(
      tm('record.sign'),
      [tm('record.participant'), tm('record.as'), tm('record.method')],
      rows.map((r) => r.row),
    ),
    slot,
    h('div', { class: 'button-row' }, sign),
  );
  return section;
}

function outcomeSection(world: World): Node | null {
  const { record, found, session } = world;
  const section = h(
    'section',
    { class: 'card', 'aria-labelledby': 'm-outcome' },
    h('h2', { id: 'm-outcome' }, tm('outcome.title')),
  );
  if (record.outcome) {
    append(section, [
      h(
        'p',
        { 'data-testid': 'outcome' },
        tm(`outcome.kind.${record.outcome.kind}`),
        record.outcome.performanceDeadline
          ? ` · ${tm('outcome.deadline')}: ${record.outcome.performanceDeadline}`
          : '',
      ),
      record.outcome.kind === 'agreement_reached'
        ? h(
            'p',
            null,
            h(
              'a',
              { class: 'button button-primary', href: `/mediator/cases/${found.id}/agreement` },
              tm('case.draftAgreement'),
            ),
          )
        : null,
    ]);
    return section;
  }
  if (!record.signed) {
    section.append(h('p', { class: 'hint' }, tm('outcome.needsSignature')));
    return section;
  }
  const kind = h(
    'select',
    { name: 'kind' },
    options(
      ['adjourned', 'agreement_reached', 'terminated', 'withdrawn'].map((k) => ({
        value: k,
        label: tm(`outcome.kind.${k}`),
      })),
      'agreement_reached',
    ),
  );
  const form = h(
    'select',
    { name: 'agreementForm' },
    options(
      ['written', 'oral'].map((k) => ({ value: k, label: tm(`outcome.form.${k}`) })),
      'written',
    ),
  );
  const deadline = h('input', { type: 'date', name: 'performanceDeadline' });
  const terms = h('textarea', { rows: 3, name: 'terms' });
  const reason = h('textarea', { rows: 2, name: 'reason' });
  const routes = ['arbitration', 'administrative', 'court'].map((r) =>
    check(tm(`outcome.route.${r}`), { value: r, name: 'routes' }),
  );
  const withdrawing = h(
    'select',
    { name: 'withdrawingPartyId' },
    options(found.parties.map((p) => ({ value: p.id, label: partyName(p) }))),
  );
  const parts = {
    agreement: h(
      'div',
      null,
      field(tm('outcome.agreementForm'), form, undefined, 'agreementForm'),
      field(tm('outcome.deadline'), deadline, undefined, 'performanceDeadline'),
      field(tm('outcome.oralTerms'), terms, tm('outcome.oralTermsHint'), 'terms'),
    ),
    terminated: h(
      'fieldset',
      { class: 'field m-checks', 'data-field': 'routesExplained' },
      h('legend', null, tm('outcome.routes')),
      routes,
      h('p', { class: 'field-error', hidden: true }),
    ),
    withdrawn: field(tm('outcome.withdrawingParty'), withdrawing, undefined, 'withdrawingPartyId'),
    reason: field(tm('outcome.reason'), reason, undefined, 'reason'),
  };
  const show = () => {
    parts.agreement.hidden = kind.value !== 'agreement_reached';
    parts.terminated.hidden = kind.value !== 'terminated';
    parts.withdrawn.hidden = kind.value !== 'withdrawn';
    parts.reason.hidden = !['terminated', 'withdrawn'].includes(kind.value);
  };
  kind.addEventListener('change', show);
  show();
  const slot = h('div');
  const save = h('button', { type: 'button', class: 'button-primary' }, tm('outcome.record'));
  const text = (value: string) => ({
    original: { language: document.documentElement.lang || 'zh-CN', text: value.trim() },
    translations: [],
  });
  save.addEventListener('click', () =>
    act(save, slot, async () => {
      const k = kind.value;
      await mediatorApi.outcome(found.id, session.id, {
        kind: k,
        ...(k === 'agreement_reached'
          ? {
              agreementForm: form.value,
              ...(deadline.value ? { performanceDeadline: deadline.value } : {}),
              ...(terms.value.trim() ? { terms: text(terms.value) } : {}),
            }
          : {}),
        ...(k === 'terminated'
          ? {
              routesExplained: routes
                .map((l) => l.querySelector('input')!)
                .filter((i) => i.checked)
                .map((i) => i.value),
            }
          : {}),
        ...(k === 'withdrawn' ? { withdrawingPartyId: withdrawing.value } : {}),
        ...(['terminated', 'withdrawn'].includes(k) && reason.value.trim()
          ? { reason: text(reason.value) }
          : {}),
      });
      notify(tm('outcome.recorded'));
      if (k === 'agreement_reached' && form.value === 'written')
        navigate(`/mediator/cases/${found.id}/agreement`);
      else refresh();
    }),
  );
  section.append(
    field(tm('outcome.kindLabel'), kind, undefined, 'kind'),
    parts.agreement,
    parts.terminated,
    parts.withdrawn,
    parts.reason,
    slot,
    h('div', { class: 'button-row' }, save),
  );
  return section;
}
