/**
 * Interface language: loads /i18n/<lng>.json (built from locales/<lng>/web.json, web-mediator.json
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
export const LANGUAGES = [
  'zh-CN',
  'en',
  'ar',
  'fa',
  'ur',
  'hi',
  'ru',
  'fr',
  'es',
  'pt',
  'ko',
  'tr',
] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
const RTL: readonly string[] = ['ar', 'fa', 'ur'];
const STORAGE_KEY = 'mediation.language';

type Tree = { [key: string]: string | Tree };
let current: Language = DEFAULT_LANGUAGE;
let strings: Record<string, Tree> = {};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function language(): Language {
  return current;
}

export function isRtl(lng: string = current): boolean {
  return RTL.includes(lng);
}

/** The language remembered on this device, else the browser's first supported one, else Chinese. */
export function deviceLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  for (const tag of navigator.languages ?? []) {
    const exact = LANGUAGES.find((l) => l.toLowerCase() === tag.toLowerCase());
    if (exact) return exact;
    const base = LANGUAGES.find((l) => l.split('-')[0] === tag.split('-')[0].toLowerCase());
    if (base) return base;
  }
  return DEFAULT_LANGUAGE;
}

export function rememberOnDevice(lng: Language): void {
  localStorage.setItem(STORAGE_KEY, lng);
}

export async function loadLanguage(lng: Language): Promise<void> {
  const response = await fetch(`/i18n/${lng}.json`, { credentials: 'same-origin' });
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
