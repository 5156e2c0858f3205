/**
 * My calendar: the week's sessions day by day (or all coming sessions as a list), each linking
 * to its record, and my .ics feed for a calendar app.
 */
import { download } from '../../ui/api';
import { h } from '../../ui/dom';
import { PageContext } from '../../ui/router';
import { calendarFeedPath } from './mediator-api';
import { sessionsOfMyCases } from './my-sessions';
import { formatDay } from '../../ui/format';
import { pageHeader } from '../../ui/layout';
import { caseNo, errorBox, formatRange, formatWeekday, formatWhen, isolate, tm } from './parts';
import { addDays, localParts, sessionsByDay, weekOf } from './session-times';

const TIME_ZONE = 'Asia/Shanghai';

export async function renderCalendar(context: PageContext): Promise<Node> {
  const view = context.query.get('view') === 'list' ? 'list' : 'week';
  const today = localParts(new Date(), TIME_ZONE).date;
  const anchor = /^\d{4}-\d{2}-\d{2}$/.test(context.query.get('week') ?? '')
    ? context.query.get('week')!
    : today;
  const days = weekOf(anchor);
  const me = context.user.mediatorId;
  const page = h('div', { class: 'm-page' }, pageHeader(tm('calendar.title')));
  const link = (query: string, label: string, current = false) =>
    h(
      'a',
      {
        class: current ? 'button button-primary' : 'button',
        href: `/mediator/calendar?${query}`,
        'aria-current': current ? 'page' : null,
      },
      label,
    );
  page.append(
    h(
      'nav',
      { class: 'button-row m-toolbar', 'aria-label': tm('calendar.views') },
      link(`view=week&week=${anchor}`, tm('calendar.week'), view === 'week'),
      link('view=list', tm('calendar.list'), view === 'list'),
      view === 'week'
        ? link(`view=week&week=${addDays(days[0], -7)}`, tm('calendar.previous'))
        : null,
      view === 'week' ? link(`view=week&week=${today}`, tm('calendar.thisWeek')) : null,
      view === 'week' ? link(`view=week&week=${addDays(days[0], 7)}`, tm('calendar.next')) : null,
    ),
  );
  if (me) {
    const feedSlot = h('span', { role: 'status' });
    page.append(
      h(
        'p',
        { class: 'm-feed card' },
        tm('calendar.feedHint'),
        ' ',
        h(
          'button',
          {
            type: 'button',
            'data-testid': 'ics',
            onClick: () =>
              download(calendarFeedPath(me), {}, 'sessions.ics').then(
                () => feedSlot.replaceChildren(tm('calendar.feedSaved')),
                (error: unknown) => feedSlot.replaceChildren(errorBox(error)),
              ),
          },
          tm('calendar.feed'),
        ),
        ' ',
        h('code', { dir: 'ltr' }, `${location.origin}/api/v1${calendarFeedPath(me)}`),
        ' ',
        feedSlot,
      ),
    );
  }
  try {
    const all = (await sessionsOfMyCases()).filter(
      (s) => s.status !== 'cancelled' && (!me || s.mediatorIds.includes(me)),
    );
    const item = (s: (typeof all)[number], withDate: boolean) =>
      h(
        'li',
        { class: `m-session m-session-${s.status}` },
        h(
          'a',
          { href: `/mediator/cases/${s.caseId}/sessions/${s.id}` },
          withDate
            ? formatRange(s.startsAt, s.endsAt, s.timeZone)
            : isolate(
                `${formatWhen(s.startsAt, s.timeZone, false)}–${formatWhen(s.endsAt, s.timeZone, false)}`,
              ),
        ),
        h('span', null, ` ${caseNo(s.caseNumber)} · ${tm('session.numbered', { n: s.number })}`),
        s.room ? h('span', { class: 'm-muted' }, ` · ${s.room}`) : null,
      );
    if (view === 'list') {
      const coming = all.filter((s) => s.endsAt >= new Date(Date.now() - 86_400_000).toISOString());
      page.append(
        coming.length
          ? h(
              'ul',
              { class: 'm-plain m-session-list', 'data-testid': 'calendar-list' },
              coming.map((s) => item(s, true)),
            )
          : h('p', { class: 'empty' }, tm('calendar.none')),
      );
      return page;
    }
    const byDay = sessionsByDay(all, days);
    page.append(
      h(
        'h2',
        { class: 'm-week-title' },
        tm('calendar.weekOf', { date: `${formatDay(days[0])} – ${formatDay(days[6])}` }),
      ),
    );
    page.append(
      h(
        'ol',
        {
          class: 'm-week',
          'data-testid': 'calendar-week',
          'aria-label': tm('calendar.weekOf', { date: formatWeekday(days[0]) }),
        },
        days.map((day) =>
          h(
            'li',
            { class: day === today ? 'm-day m-today' : 'm-day' },
            h(
              'h3',
              null,
              formatWeekday(day),
              day === today ? h('span', { class: 'badge badge-info' }, tm('calendar.today')) : null,
            ),
            byDay.get(day)!.length
              ? h(
                  'ul',
                  { class: 'm-plain' },
                  byDay.get(day)!.map((s) => item(s, false)),
                )
              : h('p', { class: 'm-muted' }, tm('calendar.free')),
          ),
        ),
      ),
    );
  } catch (error) {
    page.append(errorBox(error));
  }
  return page;
}
