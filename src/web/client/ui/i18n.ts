import {
  DEFAULT_LANGUAGE,
  isSupportedLanguage,
  matchLanguage,
  NATIVE_NAMES,
  RTL_LANGUAGES,
  SUPPORTED_LANGUAGES,
  SupportedLanguage,
} from '../../../i18n/languages';

/**
 * Interface language (the twelve of src/i18n/languages.ts, shared with the server): loads /i18n/<lng>.json (built from locales/<lng>/web.json, web-mediator.json
 * and the server namespaces the client shows, e.g. cases.state) and translates with t().
 *
 *   t('nav.dashboard')                  → namespace `web` by default
 *   t('web-mediator:calendar.title')    → another namespace
 *   t('cases:state.accepted')
 *   t('web:dashboard.count', { n: 3 })  → {{n}} placeholders, as in i18next
 *
 * Setting the language sets <html lang dir>; Arabic, Persian and Urdu are right-to-left and the
 * CSS uses logical properties only, so the layout mirrors by itself.
 */
export const LANGUAGES = SUPPORTED_LANGUAGES;
export type Language = SupportedLanguage;
export { DEFAULT_LANGUAGE, NATIVE_NAMES };
const STORAGE_KEY = 'mediation.language';
// The server reads this cookie to preload the right translations with the page and to set
// <html lang dir> before any script runs (no left-to-right flash for Arabic).
const COOKIE = 'mediation.lang';

type Tree = { [key: string]: string | Tree };
let current: Language = DEFAULT_LANGUAGE;
let strings: Record<string, Tree> = {};

export function isLanguage(value: unknown): value is Language {
  return isSupportedLanguage(value);
}

export function language(): Language {
  return current;
}

export function isRtl(lng: string = current): boolean {
  return isSupportedLanguage(lng) && RTL_LANGUAGES.has(lng);
}

/** The language remembered on this device, else the browser's first supported one, else Chinese. */
export function deviceLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  for (const tag of navigator.languages ?? []) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return DEFAULT_LANGUAGE;
}

export function rememberOnDevice(lng: Language): void {
  localStorage.setItem(STORAGE_KEY, lng);
  document.cookie = `${COOKIE}=${lng}; path=/; max-age=31536000; samesite=strict`;
}

export async function loadLanguage(lng: Language): Promise<void> {
  // Same request as the page's <link rel="preload" as="fetch" crossorigin>, so it is reused.
  const response = await fetch(`/i18n/${lng}.json`);
  if (!response.ok) throw new Error(`i18n ${lng}: ${response.status}`);
  strings = (await response.json()) as Record<string, Tree>;
  current = lng;
  document.documentElement.lang = lng;
  document.documentElement.dir = isRtl(lng) ? 'rtl' : 'ltr';
}

function lookup(namespace: string, path: string): string | undefined {
  let node: string | Tree | undefined = strings[namespace];
  for (const part of path.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Translates a key; an unknown key shows as itself so that a gap is visible, never blank. */
export function t(key: string, params: Record<string, string | number> = {}): string {
  const colon = key.indexOf(':');
  const namespace = colon > 0 ? key.slice(0, colon) : 'web';
  const path = colon > 0 ? key.slice(colon + 1) : key;
  const text = lookup(namespace, path);
  if (text === undefined) return key;
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) =>
    params[name] === undefined ? '' : String(params[name]),
  );
}

/** Whether a key exists (for optional labels such as a server enumeration value). */
export function has(key: string): boolean {
  const colon = key.indexOf(':');
  return (
    lookup(colon > 0 ? key.slice(0, colon) : 'web', colon > 0 ? key.slice(colon + 1) : key) !==
    undefined
  );
}
