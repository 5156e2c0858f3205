/**
 * Reference lists from /api/v1/reference (countries, dispute types, languages, dialects,
 * administrative divisions), named in the interface language and cached per language for the
 * page's lifetime. Country and division pickers are built on these.
 */
import { api } from './api';
import { language } from './i18n';

export interface Named {
  code: string;
  name: string;
}

export interface Division extends Named {
  nameZh: string;
  nameLatin: string;
  level: 'province' | 'prefecture' | 'county';
  parentCode: string | null;
  fullName: string;
}

export interface Dialect extends Named {
  family: string;
  regionPrefixes: string[];
}

export interface WorldLanguage extends Named {
  nativeName: string;
}

const cache = new Map<string, Promise<unknown>>();

function cached<T>(path: string, load: () => Promise<T>): Promise<T> {
  const key = `${language()} ${path}`;
  if (!cache.has(key)) {
    const promise = load();
    promise.catch(() => cache.delete(key));
    cache.set(key, promise);
  }
  return cache.get(key) as Promise<T>;
}

const collator = () => new Intl.Collator(language());

export function countries(): Promise<Named[]> {
  return cached('countries', async () =>
    (await api.get<Named[]>('/reference/countries')).sort((a, b) =>
      collator().compare(a.name, b.name),
    ),
  );
}

export function disputeTypes(): Promise<Named[]> {
  return cached('dispute-types', () => api.get<Named[]>('/reference/dispute-types'));
}

export function worldLanguages(): Promise<WorldLanguage[]> {
  return cached('languages', async () =>
    (await api.get<WorldLanguage[]>('/reference/languages')).sort((a, b) =>
      collator().compare(a.name, b.name),
    ),
  );
}

export function dialects(): Promise<Dialect[]> {
  return cached('dialects', () => api.get<Dialect[]>('/reference/dialects'));
}

/** Provinces (no parent), or the children of a province or prefecture. */
export function divisions(parent?: string): Promise<Division[]> {
  return cached(`divisions ${parent ?? ''}`, async () => {
    const answer = await api.get<{ items: Division[] }>(
      '/reference/divisions',
      parent ? { parent } : {},
    );
    return answer.items;
  });
}

/** A name for a code from a loaded list, or the code itself. */
export function nameOf(list: Named[], code: string | null | undefined): string {
  if (!code) return '—';
  return list.find((item) => item.code === code)?.name ?? code;
}
