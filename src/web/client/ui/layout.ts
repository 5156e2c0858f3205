/**
 * The frame around every page: a skip link, the header with the navigation for the user's role,
 * the language switcher and sign-out, and the <main> landmark the page renders into. Also the
 * small building blocks pages share: pageHeader(), section(), loading(), errorBox(), badge().
 */
import { ApiError } from './api';
import { Child, h } from './dom';
import { isRtl, LANGUAGES, Language, language, NATIVE_NAMES, t } from './i18n';
import type { RouteDef } from './router';
import type { CurrentUser } from './session';

/** A labelled <select> of the twelve interface languages, each in its own script. */
export function languageSwitcher(onChange: (lng: Language) => void): HTMLElement {
  const select = h(
    'select',
    {
      id: 'language-switcher',
      name: 'language',
      onChange: () => onChange(select.value as Language),
    },
    LANGUAGES.map((code) =>
      h(
        'option',
        {
          value: code,
          lang: code,
          dir: isRtl(code) ? 'rtl' : 'ltr',
          selected: code === language(),
        },
        NATIVE_NAMES[code],
      ),
    ),
  );
  return h(
    'div',
    { class: 'language-switcher' },
    h('label', { for: 'language-switcher' }, t('shell.language')),
    select,
  );
}

export function shell(options: {
  user: CurrentUser | null;
  routes: readonly RouteDef[];
  currentPath: string;
  onLanguage: (lng: Language) => void;
  onSignOut: () => void;
}): { root: HTMLElement; main: HTMLElement } {
  const { user } = options;
  const main = h('main', { id: 'main', tabindex: '-1' });
  const navItems = user
    ? options.routes.filter((r) => r.nav && r.roles.includes(user.role) && !r.path.includes(':'))
    : [];
  // The deepest entry containing the current path is the current one (/clerk vs /clerk/register).
  const currentNav = navItems
    .filter((r) => isCurrent(r.path, options.currentPath))
    .sort((a, b) => b.path.length - a.path.length)[0];
  const header = h(
    'header',
    { class: 'app-header' },
    h('a', { class: 'skip-link', href: '#main' }, t('shell.skipToContent')),
    h(
      'div',
      { class: 'brand' },
      h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '⚖'),
      t('shell.appName'),
    ),
    navItems.length > 0 &&
      h(
        'nav',
        { 'aria-label': t('shell.mainNavigation') },
        h(
          'ul',
          null,
          navItems.map((r) =>
            h(
              'li',
              null,
              h(
                'a',
                {
                  href: r.path,
                  'aria-current': r === currentNav ? 'page' : null,
                },
                t(r.title),
              ),
            ),
          ),
        ),
      ),
    h(
      'div',
      { class: 'header-tools' },
      languageSwitcher(options.onLanguage),
      user &&
        h(
          'div',
          { class: 'user-box' },
          h('span', { class: 'user-name' }, user.displayName),
          h('span', { class: 'user-role' }, t(`common:role.${user.role}`)),
          h(
            'button',
            { type: 'button', class: 'button-quiet', onClick: options.onSignOut },
            t('shell.signOut'),
          ),
        ),
    ),
  );
  return { root: h('div', { class: 'app' }, header, main), main };
}

function isCurrent(path: string, current: string): boolean {
  return current === path || (path !== '/' && current.startsWith(`${path}/`));
}

/** The page's <h1> (focused after navigation) with optional actions beside it. */
export function pageHeader(title: string, ...actions: Child[]): HTMLElement {
  return h(
    'div',
    { class: 'page-header' },
    h('h1', { tabindex: '-1' }, title),
    actions.length > 0 && h('div', { class: 'page-actions' }, actions),
  );
}

export function section(title: string, ...children: Child[]): HTMLElement {
  const id = `s-${title.replace(/\W+/g, '-').slice(0, 24)}-${Math.random().toString(36).slice(2, 7)}`;
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), children);
}

export function loading(): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, t('shell.loading'));
}

/** The server's translated message (and field details) in an alert box. */
export function errorBox(error: unknown): HTMLElement {
  if (error instanceof ApiError) {
    const message = error.status === 0 ? t('shell.networkError') : error.message || error.code;
    return h(
      'div',
      { class: 'alert alert-error', role: 'alert' },
      h('p', null, message),
      error.details.length > 0 &&
        h(
          'ul',
          null,
          error.details.map((d) => h('li', null, d.message)),
        ),
    );
  }
  return h(
    'div',
    { class: 'alert alert-error', role: 'alert' },
    h('p', null, t('shell.unexpectedError')),
  );
}

export function badge(
  text: string,
  tone: 'neutral' | 'good' | 'warn' | 'bad' | 'info' = 'neutral',
): HTMLElement {
  return h('span', { class: `badge badge-${tone}` }, text);
}

/** The case state as a coloured badge, in the interface language. */
export function stateBadge(state: string): HTMLElement {
  const tone: Record<string, 'neutral' | 'good' | 'warn' | 'bad' | 'info'> = {
    registered: 'info',
    accepted: 'info',
    mediating: 'warn',
    agreement_reached: 'good',
    performed: 'good',
    closed: 'neutral',
    declined: 'bad',
    refused: 'bad',
    terminated: 'bad',
    withdrawn: 'neutral',
    not_performed: 'bad',
  };
  return badge(t(`cases:state.${state}`), tone[state] ?? 'neutral');
}
