/**
 * Schedule a session: when, where, public or private, languages and who takes part. The slot is
 * checked against the sessions of my cases while the form is filled in; the server's 409
 * BOOKING_CONFLICT, which sees every booking, is shown as a warning naming the session in the way.
 */
import { ApiError } from '../../ui/api';
import { append, h } from '../../ui/dom';
import { pageHeader } from '../../ui/layout';
import { notify } from '../../ui/notice';
import { navigate, PageContext } from '../../ui/router';
import { copyLanguageOf } from './bilingual-text';
import { CaseDetail, mediatorApi, Panel } from './mediator-api';
import { MySession, sessionsOfMyCases } from './my-sessions';
import {
  caseNo,
  caseHeader,
  check,
  errorBox,
  showFailure,
  field,
  formatRange,
  languageName,
  memberName,
  options,
  partyName,
  SUPPORTED,
  tm,
} from './parts';
import { addDays, instantOf, localParts, overlapsWith } from './session-times';

const PRIVATE_REASONS = ['party_request', 'privacy', 'trade_secret', 'party_objection'];

export async function renderScheduleSession(context: PageContext): Promise<Node> {
  const caseId = context.params.caseId;
  let found: CaseDetail, panel: Panel;
  try {
    [found, panel] = await Promise.all([mediatorApi.case(caseId), mediatorApi.panel(caseId)]);
  } catch (error) {
    return h('div', { class: 'm-page' }, pageHeader(tm('schedule.title')), errorBox(error));
  }
  const known: MySession[] = await sessionsOfMyCases().catch(() => []);
  const me = context.user.mediatorId;
  const timeZone = 'Asia/Shanghai';
  const tomorrow = addDays(localParts(new Date(), timeZone).date, 1);

  const date = h('input', {
    type: 'date',
    name: 'date',
    required: true,
    value: context.query.get('date') ?? tomorrow,
  });
  const start = h('input', { type: 'time', name: 'start', required: true, value: '09:30' });
  const end = h('input', { type: 'time', name: 'end', required: true, value: '11:00' });
  const zone = h('input', {
    type: 'text',
    name: 'timeZone',
    required: true,
    value: timeZone,
    dir: 'ltr',
  });
  const room = h('input', { type: 'text', name: 'room', value: '', maxlength: 200 });
  const video = h('input', {
    type: 'url',
    name: 'videoLink',
    value: '',
    dir: 'ltr',
    placeholder: 'https://',
  });
  const publicity = h(
    'select',
    { name: 'publicity' },
    options(
      [
        { value: 'public', label: tm('schedule.public') },
        { value: 'private', label: tm('schedule.private') },
      ],
      'public',
    ),
  );
  const reason = h(
    'select',
    { name: 'privateReason' },
    options([
      { value: '', label: '—' },
      ...PRIVATE_REASONS.map((r) => ({ value: r, label: tm(`schedule.reason.${r}`) })),
    ]),
  );
  const reasonField = field(tm('schedule.privateReason'), reason, undefined, 'privateReason');
  const showReason = () => (reasonField.hidden = publicity.value !== 'private');
  publicity.addEventListener('change', showReason);
  showReason();

  const wanted = new Set(['zh-CN', ...found.parties.map((p) => copyLanguageOf(p, SUPPORTED))]);
  const checkbox = (name: string, value: string, label: Node | string, checked: boolean) =>
    check(label, { name, value, checked });
  const group = (legend: string, boxes: Node[], name: string) =>
    h(
      'fieldset',
      { class: 'field m-checks', 'data-field': name },
      h('legend', null, legend),
      boxes,
      h('p', { class: 'field-error', hidden: true }),
    );
  const languages = group(
    tm('schedule.languages'),
    SUPPORTED.map((l) => checkbox('languages', l, languageName(l), wanted.has(l))),
    'languages',
  );
  const parties = group(
    tm('schedule.parties'),
    found.parties.map((p) => checkbox('partyIds', p.id, partyName(p), true)),
    'participants.partyIds',
  );
  const seated = panel.members.filter((m) => m.role !== 'interpreter');
  const mediators = group(
    tm('schedule.mediators'),
    seated.map((m) => checkbox('panelMemberIds', m.mediatorId, memberName(m), true)),
    'participants.panelMemberIds',
  );
  const interpreters = panel.members.filter((m) => m.role === 'interpreter');
  const interpreterGroup = interpreters.length
    ? group(
        tm('schedule.interpreters'),
        interpreters.map((m) => checkbox('interpreterIds', m.mediatorId, memberName(m), true)),
        'participants.interpreterIds',
      )
    : null;

  const precheck = h('div', {
    class: 'm-precheck',
    'aria-live': 'polite',
    'data-testid': 'precheck',
  });
  const result = h('div', { class: 'm-result' });
  const form: HTMLFormElement = h('form', { class: 'card m-form', novalidate: true });
  const checked = (name: string) =>
    [...form.querySelectorAll<HTMLInputElement>(`input[name=${name}]:checked`)].map((i) => i.value);
  const nameOf = (id: string) => {
    const m = panel.members.find((x) => x.mediatorId === id);
    return m ? memberName(m) : id;
  };

  const checkSlot = () => {
    precheck.replaceChildren();
    if (!date.value || !start.value || !end.value) return;
    let startsAt: Date, endsAt: Date;
    try {
      startsAt = instantOf(`${date.value}T${start.value}`, zone.value);
      endsAt = instantOf(`${date.value}T${end.value}`, zone.value);
    } catch {
      return;
    }
    const overlaps = overlapsWith(
      {
        startsAt,
        endsAt,
        mediatorIds: [...checked('panelMemberIds'), ...checked('interpreterIds')],
        room: room.value.trim() || null,
        stationId: found.stationId,
      },
      known,
    );
    if (!overlaps.length) {
      precheck.append(h('p', { class: 'm-ok' }, '✓ ', tm('schedule.slotFree')));
      return;
    }
    precheck.append(
      h(
        'div',
        { class: 'alert alert-warn' },
        h('p', null, h('strong', null, tm('schedule.possibleConflict'))),
        h(
          'ul',
          null,
          overlaps.map((o) =>
            h(
              'li',
              null,
              h(
                'a',
                { href: `/mediator/cases/${o.session.caseId}/sessions/${o.session.id}` },
                `${caseNo(o.session.caseNumber)} · ${tm('session.numbered', { n: o.session.number })}`,
              ),
              ` (${formatRange(o.session.startsAt, o.session.endsAt, o.session.timeZone)}): `,
              [...o.mediatorIds.map((id) => nameOf(id)), ...(o.room ? [o.room] : [])].join(', '),
            ),
          ),
        ),
      ),
    );
  };
  form.addEventListener('input', checkSlot);
  form.addEventListener('change', checkSlot);

  const submit = h('button', { type: 'submit', class: 'button-primary' }, tm('schedule.submit'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    result.replaceChildren();
    const interpreterIds = checked('interpreterIds');
    const body = {
      startsAt: `${date.value}T${start.value}`,
      endsAt: `${date.value}T${end.value}`,
      timeZone: zone.value.trim(),
      ...(room.value.trim() ? { room: room.value.trim() } : {}),
      ...(video.value.trim() ? { videoLink: video.value.trim() } : {}),
      publicity: publicity.value,
      ...(publicity.value === 'private' && reason.value ? { privateReason: reason.value } : {}),
      languages: checked('languages'),
      participants: {
        partyIds: checked('partyIds'),
        panelMemberIds: checked('panelMemberIds'),
        ...(interpreterIds.length ? { interpreterIds } : {}),
      },
    };
    try {
      const session = await mediatorApi.schedule(caseId, body);
      notify(tm('schedule.done', { n: session.number }));
      navigate(`/mediator/cases/${caseId}/sessions/${session.id}`);
    } catch (error) {
      const conflict = error instanceof ApiError && error.code === 'BOOKING_CONFLICT';
      const box = conflict
        ? errorBox(error, 'warn', tm('schedule.doubleBooking'))
        : errorBox(error);
      if (conflict) box.setAttribute('data-testid', 'booking-conflict');
      showFailure(form, result, error, box);
    } finally {
      submit.disabled = false;
    }
  });

  append(form, [
    h(
      'div',
      { class: 'form-grid' },
      field(tm('schedule.date'), date, undefined, 'startsAt'),
      field(tm('schedule.start'), start),
      field(tm('schedule.end'), end, undefined, 'endsAt'),
      field(tm('schedule.timeZone'), zone, undefined, 'timeZone'),
      field(tm('schedule.room'), room, tm('schedule.roomHint'), 'room'),
      field(tm('schedule.videoLink'), video, undefined, 'videoLink'),
      field(tm('schedule.publicity'), publicity, undefined, 'publicity'),
      reasonField,
    ),
    languages,
    parties,
    mediators,
    interpreterGroup,
    precheck,
    result,
    h(
      'div',
      { class: 'button-row' },
      submit,
      h(
        'a',
        { class: 'button button-quiet', href: `/mediator/cases/${caseId}` },
        tm('common.cancel'),
      ),
    ),
  ]);
  if (me && !seated.some((m) => m.mediatorId === me))
    form.prepend(h('p', { class: 'alert alert-warn' }, tm('schedule.notSeated')));
  checkSlot();
  return h('div', { class: 'm-page' }, caseHeader(found, tm('schedule.title')), form);
}
