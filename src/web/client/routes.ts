/**
 * Every page of the web app, by path, with the roles that may open it. Pages live in
 * pages/<role>/; add a page by adding an entry here (nav: true puts it in the header for those
 * roles, in this order). HOME is where each role lands after sign-in and at `/`.
 */
import type { RouteDef } from './ui/router';
import type { Role } from './ui/session';
import { clerkDashboardPage } from './pages/clerk/dashboard';

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

  // Mediator pages (pages/mediator/)
];
