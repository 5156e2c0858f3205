/**
 * Entry point of the web app (bundled by src/web/build-web.js). Loads the interface language and
 * restores the session, then renders the page for the current path inside the shell: the
 * sign-in page when nobody is signed in, the role's home page for `/`, and for other paths the
 * page registered in routes.ts if the user's role may open it.
 */
import './ui/styles.css';
import { ApiError, setUnauthenticatedHandler } from './ui/api';
import { h, replace } from './ui/dom';
import { isLanguage, Language, language, loadLanguage, rememberOnDevice, t } from './ui/i18n';
import { errorBox, loading, shell } from './ui/layout';
import { dismissNotice, noticeRegion } from './ui/notice';
import { matchRoute, navigate, onNavigate, refresh } from './ui/router';
import { chooseLanguage, currentUser, restoreSession, signOut, startLanguage } from './ui/session';
import { loginPage } from './pages/login';
import { notFoundPage } from './pages/not-found';
import { HOME, ROUTES } from './routes';

const root = document.getElementById('app')!;
let renderCount = 0;

// After a language switch the focus stays on the switcher, not on the redrawn page's heading.
let focusSwitcher = false;

async function onLanguage(lng: Language): Promise<void> {
  await chooseLanguage(lng);
  dismissNotice();
  focusSwitcher = true;
  refresh();
}

function placeFocus(heading: HTMLElement | null): void {
  const switcher = document.getElementById('language-switcher');
  if (focusSwitcher && switcher) switcher.focus();
  else heading?.focus({ preventScroll: true });
  focusSwitcher = false;
}

function onSignOut(): void {
  signOut();
  navigate('/login', { replace: true });
}

async function render(): Promise<void> {
  const ticket = ++renderCount;
  const path = location.pathname;
  const user = currentUser();

  if (path === '/login' || !user) {
    if (path !== '/login') {
      const next = path === '/' ? '' : `?next=${encodeURIComponent(path + location.search)}`;
      history.replaceState(null, '', `/login${next}`);
    }
    const frame = shell({ user: null, routes: ROUTES, currentPath: path, onLanguage, onSignOut });
    document.title = `${t('login.title')} · ${t('shell.appName')}`;
    frame.main.append(
      loginPage(() => {
        const next = new URLSearchParams(location.search).get('next');
        const signedIn = currentUser();
        navigate(
          next && next.startsWith('/') && !next.startsWith('//')
            ? next
            : signedIn
              ? HOME[signedIn.role]
              : '/',
          {
            replace: true,
          },
        );
      }),
    );
    replace(root, frame.root);
    placeFocus(frame.main.querySelector<HTMLElement>('input'));
    return;
  }

  if (path === '/') return navigate(HOME[user.role], { replace: true });

  const match = matchRoute(ROUTES, path, user.role);
  if (match && !match.route.roles.includes(user.role))
    return navigate(HOME[user.role], { replace: true });

  const frame = shell({ user, routes: ROUTES, currentPath: path, onLanguage, onSignOut });
  frame.main.append(noticeRegion());
  const content = h('div', { class: 'page' }, loading());
  frame.main.append(content);
  replace(root, frame.root);
  document.title = `${t(match?.route.title ?? 'shell.notFound')} · ${t('shell.appName')}`;

  let page: Node;
  try {
    page = match
      ? await match.route.render({
          params: match.params,
          query: new URLSearchParams(location.search),
          user,
        })
      : notFoundPage(HOME[user.role]);
  } catch (error) {
    if (!(error instanceof ApiError)) console.error(error);
    page = errorBox(error);
  }
  if (ticket !== renderCount) return; // a later navigation has taken over
  replace(content, page);
  placeFocus(content.querySelector<HTMLElement>('h1'));
}

async function boot(): Promise<void> {
  setUnauthenticatedHandler(() => {
    signOut();
    navigate(`/login?next=${encodeURIComponent(location.pathname)}`, { replace: true });
  });
  await Promise.all([startLanguage(), restoreSession()]);
  // Signed in already: the account's language wins over the device's.
  const user = currentUser();
  if (user && isLanguage(user.preferredLanguage) && user.preferredLanguage !== language()) {
    await loadLanguage(user.preferredLanguage);
    rememberOnDevice(user.preferredLanguage);
  }
  onNavigate(() => void render());
  await render();
  // The first page is drawn: tests and the benchmark read this mark (time since navigation start).
  performance.mark('app-ready');
}

void boot();
