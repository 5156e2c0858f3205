/**
 * Client-side routing over the History API. Pages are registered in ../routes.ts with a path
 * (`/cases/:id`), the roles that may open them and a render function returning a Node. Links
 * inside the app are plain <a href="/…"> elements: clicks are intercepted here, so they also
 * work with the keyboard, open in a new tab and survive a reload (the server falls back to
 * index.html for these paths).
 */
import type { CurrentUser, Role } from './session';

export interface PageContext {
  params: Record<string, string>;
  query: URLSearchParams;
  user: CurrentUser;
}

export interface RouteDef {
  /** `/cases/:id`; segments starting with ':' are parameters. */
  path: string;
  /** Who may open the page; others are sent to their home page. */
  roles: readonly Role[];
  /** i18n key of the page title (document title and the navigation entry). */
  title: string;
  /** Shown in the navigation bar for these roles. */
  nav?: boolean;
  render(context: PageContext): Promise<Node> | Node;
}

export interface Match {
  route: RouteDef;
  params: Record<string, string>;
}

/**
 * The route for a path; with a role, a route that role may open wins over one it may not, so two
 * roles can have their own page at the same path.
 */
export function matchRoute(
  routes: readonly RouteDef[],
  pathname: string,
  role?: Role,
): Match | null {
  if (role) {
    const own = matchRoute(
      routes.filter((r) => r.roles.includes(role)),
      pathname,
    );
    if (own) return own;
  }
  const parts = pathname.split('/').filter(Boolean);
  for (const route of routes) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((segment, i) => {
      if (segment.startsWith(':')) {
        params[segment.slice(1)] = decodeURIComponent(parts[i]);
        return true;
      }
      return segment === parts[i];
    });
    if (ok) return { route, params };
  }
  return null;
}

let listener: () => void = () => undefined;

export function onNavigate(render: () => void): void {
  listener = render;
  window.addEventListener('popstate', () => listener());
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest?.('a');
    if (!link || link.target || link.hasAttribute('download')) return;
    const href = link.getAttribute('href');
    if (!href || !href.startsWith('/') || href.startsWith('/api/') || href.startsWith('//')) return;
    event.preventDefault();
    navigate(href);
  });
}

export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  listener();
}

/** Re-renders the current page (after a language switch, for instance). */
export function refresh(): void {
  listener();
}
