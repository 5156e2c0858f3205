/**
 * Every page of the web app, by path, with the roles that may open it. Pages live in
 * pages/<role>/; add a page by adding an entry here (nav: true puts it in the header for those
 * roles, in this order). Two roles may each have their own page at one path: the route their
 * role may open wins. HOME is where each role lands after sign-in and at `/`.
 */
import type { RouteDef } from './ui/router';
import type { Role } from './ui/session';
import { statisticsPage } from './pages/bureau/statistics';
import { casePage } from './pages/clerk/case';
import { casesPage } from './pages/clerk/cases';
import { clerkDashboardPage } from './pages/clerk/dashboard';
import { panelPage } from './pages/clerk/panel';
import { registerPage } from './pages/clerk/register';
import { renderAgreementDraft } from './pages/mediator/agreement-draft.page';
import { renderAgreementSignatures } from './pages/mediator/agreement-signatures.page';
import { renderCalendar } from './pages/mediator/calendar.page';
import { renderMediatorCase } from './pages/mediator/case.page';
import { renderFollowUps } from './pages/mediator/follow-ups.page';
import { renderMyCases } from './pages/mediator/my-cases.page';
import { renderScheduleSession } from './pages/mediator/schedule-session.page';
import { renderSessionRecord } from './pages/mediator/session-record.page';

export const HOME: Record<Role, string> = {
  clerk: '/clerk',
  admin: '/clerk',
  mediator: '/mediator',
  bureau: '/bureau',
};

export const ROUTES: RouteDef[] = [
  // Clerk (station) pages
  {
    path: '/clerk',
    roles: ['clerk', 'admin'],
    title: 'nav.dashboard',
    nav: true,
    render: () => clerkDashboardPage(),
  },
  {
    path: '/clerk/register',
    roles: ['clerk', 'admin'],
    title: 'nav.register',
    nav: true,
    render: registerPage,
  },
  { path: '/cases', roles: ['clerk', 'admin'], title: 'nav.cases', nav: true, render: casesPage },
  { path: '/cases/:id', roles: ['clerk', 'admin'], title: 'nav.case', render: casePage },
  {
    path: '/cases/:id/panel',
    roles: ['clerk', 'admin'],
    title: 'panel.navTitle',
    render: panelPage,
  },

  // Bureau pages (clerks see their own station's figures)
  {
    path: '/bureau',
    roles: ['bureau', 'admin', 'clerk'],
    title: 'nav.statistics',
    nav: true,
    render: statisticsPage,
  },

  // Mediator pages (pages/mediator/)
  {
    path: '/mediator',
    roles: ['mediator'],
    title: 'web-mediator:nav.cases',
    nav: true,
    render: renderMyCases,
  },
  {
    path: '/mediator/calendar',
    roles: ['mediator'],
    title: 'web-mediator:nav.calendar',
    nav: true,
    render: renderCalendar,
  },
  {
    path: '/mediator/cases/:caseId',
    roles: ['mediator'],
    title: 'web-mediator:case.title',
    render: renderMediatorCase,
  },
  // Before /sessions/:sessionId, which would otherwise take "new" for a session id.
  {
    path: '/mediator/cases/:caseId/sessions/new',
    roles: ['mediator'],
    title: 'web-mediator:schedule.title',
    render: renderScheduleSession,
  },
  {
    path: '/mediator/cases/:caseId/sessions/:sessionId',
    roles: ['mediator'],
    title: 'web-mediator:record.title',
    render: renderSessionRecord,
  },
  {
    path: '/mediator/cases/:caseId/agreement',
    roles: ['mediator'],
    title: 'web-mediator:agreement.title',
    render: renderAgreementDraft,
  },
  {
    path: '/mediator/cases/:caseId/agreement/signatures',
    roles: ['mediator'],
    title: 'web-mediator:signatures.title',
    render: renderAgreementSignatures,
  },
  {
    path: '/mediator/cases/:caseId/follow-ups',
    roles: ['mediator'],
    title: 'web-mediator:followUp.title',
    render: renderFollowUps,
  },
];
