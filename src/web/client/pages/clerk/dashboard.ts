/**
 * Clerk's dashboard: today's sessions at the station, open cases past (or near) the one-month
 * limit, and effective agreements whose 30-day window for judicial confirmation is closing.
 */
import { api } from '../../ui/api';
import { h } from '../../ui/dom';
import { t } from '../../ui/i18n';
import { formatDateTime, formatDay, formatNumber, formatTime } from '../../ui/format';
import { badge, pageHeader, section, stateBadge } from '../../ui/layout';
import { dataTable } from '../../ui/table';
import type { CaseSummary, Page } from './case-types';

interface Today {
  date: string;
  sessions: {
    sessionId: string;
    caseId: string;
    caseNumber?: string;
    number: number;
    startsAt: string;
    endsAt: string;
    room: string | null;
    status: string;
  }[];
  casesNearLimit: {
    caseId: string;
    caseNumber: string;
    state: string;
    dueAt: string;
    daysLeft: number;
  }[];
}

interface ConfirmationWindow {
  agreementId: string;
  caseId: string;
  caseNumber: string;
  effectiveAt: string;
  confirmationDeadline: string;
  daysLeft: number;
}

export async function clerkDashboardPage(): Promise<HTMLElement> {
  const [today, overdue, windows] = await Promise.all([
    api.get<Today>('/reminders/today'),
    api.get<Page<CaseSummary>>('/cases', { overdue: true, sort: 'dueAt', order: 'asc', limit: 50 }),
    api.get<ConfirmationWindow[]>('/agreements/confirmation-windows', { withinDays: 10 }),
  ]);
  const caseLink = (id: string, number: string | undefined) =>
    h('a', { href: `/cases/${id}` }, number ?? '—');

  return h(
    'div',
    { class: 'dashboard' },
    pageHeader(
      t('dashboard.title'),
      h('a', { class: 'button button-primary', href: '/clerk/register' }, t('nav.register')),
      h('a', { class: 'button', href: '/cases' }, t('nav.cases')),
    ),
    h('p', { class: 'subtitle' }, t('dashboard.today', { date: formatDay(today.date) })),
    h(
      'div',
      { class: 'stat-tiles' },
      tile(today.sessions.length, t('dashboard.sessionsToday'), 'sessions-today'),
      tile(overdue.total, t('dashboard.overdueCases'), 'overdue'),
      tile(today.casesNearLimit.length, t('dashboard.nearLimit'), 'near-limit'),
      tile(windows.length, t('dashboard.confirmationClosing'), 'windows'),
    ),
    h(
      'div',
      { class: 'grid' },
      section(
        t('dashboard.sessionsToday'),
        dataTable({
          caption: t('dashboard.sessionsToday'),
          captionHidden: true,
          empty: t('dashboard.noSessions'),
          rows: today.sessions,
          columns: [
            {
              header: t('dashboard.time'),
              cell: (s) => `${formatTime(s.startsAt)}–${formatTime(s.endsAt)}`,
            },
            { header: t('case.number'), cell: (s) => caseLink(s.caseId, s.caseNumber) },
            {
              header: t('dashboard.session'),
              cell: (s) => t('dashboard.sessionNumber', { n: s.number }),
            },
            { header: t('dashboard.room'), cell: (s) => s.room ?? '—' },
          ],
        }),
      ),
      section(
        t('dashboard.overdueCases'),
        dataTable({
          caption: t('dashboard.overdueCases'),
          captionHidden: true,
          empty: t('dashboard.noOverdue'),
          rows: overdue.items,
          columns: [
            { header: t('case.number'), cell: (c) => caseLink(c.id, c.caseNumber) },
            { header: t('case.state'), cell: (c) => stateBadge(c.state) },
            { header: t('case.dueAt'), cell: (c) => formatDateTime(c.dueAt) },
          ],
        }),
      ),
      section(
        t('dashboard.nearLimit'),
        dataTable({
          caption: t('dashboard.nearLimit'),
          captionHidden: true,
          empty: t('dashboard.noNearLimit'),
          rows: today.casesNearLimit,
          columns: [
            { header: t('case.number'), cell: (c) => caseLink(c.caseId, c.caseNumber) },
            { header: t('case.state'), cell: (c) => stateBadge(c.state) },
            {
              header: t('dashboard.daysLeft'),
              numeric: true,
              cell: (c) => badge(formatNumber(c.daysLeft), c.daysLeft <= 2 ? 'bad' : 'warn'),
            },
          ],
        }),
      ),
      section(
        t('dashboard.confirmationClosing'),
        h('p', { class: 'hint' }, t('dashboard.confirmationHint')),
        dataTable({
          caption: t('dashboard.confirmationClosing'),
          captionHidden: true,
          empty: t('dashboard.noWindows'),
          rows: windows,
          columns: [
            { header: t('case.number'), cell: (w) => caseLink(w.caseId, w.caseNumber) },
            { header: t('dashboard.effectiveAt'), cell: (w) => formatDateTime(w.effectiveAt) },
            {
              header: t('dashboard.deadline'),
              cell: (w) => formatDateTime(w.confirmationDeadline),
            },
            {
              header: t('dashboard.daysLeft'),
              numeric: true,
              cell: (w) => badge(formatNumber(w.daysLeft), w.daysLeft <= 3 ? 'bad' : 'warn'),
            },
          ],
        }),
      ),
    ),
  );
}

function tile(value: number, label: string, id: string): HTMLElement {
  return h(
    'div',
    { class: 'stat-tile', 'data-tile': id },
    h('span', { class: 'value' }, formatNumber(value)),
    h('span', { class: 'label' }, label),
  );
}
