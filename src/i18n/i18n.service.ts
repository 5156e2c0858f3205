import { Injectable } from '@nestjs/common';
import { readdirSync, readFileSync } from 'fs';
import i18next, { i18n as I18nInstance } from 'i18next';
import { join, resolve } from 'path';
import { currentContext } from '../request-context/request-context';
import { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, SupportedLanguage } from './languages';
import { compilePlainTemplate, PlainTemplate } from './plain-template';

export const LOCALES_DIR = resolve(__dirname, '..', '..', 'locales');

export type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** Reads locales/<lng>/<namespace>.json for every supported language. */
export function loadLocaleResources(dir = LOCALES_DIR): Resources {
  const resources: Resources = {};
  for (const language of SUPPORTED_LANGUAGES) {
    resources[language] = {};
    for (const file of readdirSync(join(dir, language)).filter((f) => f.endsWith('.json'))) {
      resources[language][file.replace(/\.json$/, '')] = JSON.parse(
        readFileSync(join(dir, language, file), 'utf8'),
      );
    }
  }
  return resources;
}

let shared: I18nInstance | undefined;

/** One i18next instance per process, loaded synchronously so it is ready before the first request. */
export function getI18n(): I18nInstance {
  if (shared) return shared;
  const resources = loadLocaleResources();
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...SUPPORTED_LANGUAGES],
    ns: Object.keys(resources[DEFAULT_LANGUAGE]),
    defaultNS: 'common',
    nsSeparator: ':',
    keySeparator: '.',
    interpolation: { escapeValue: false },
    returnNull: false,
    initImmediate: false,
  } as Parameters<I18nInstance['init']>[0]);
  shared = instance;
  return instance;
}

@Injectable()
export class I18nService {
  private readonly i18n = getI18n();
  /** Per language and key: the plain template, or null for one only i18next can fill. */
  private readonly templates = new Map<string, Map<string, PlainTemplate | null>>();

  /** Translates `namespace:key` into the given language, or the current request's language. */
  translate(
    key: string,
    params: Record<string, unknown> = {},
    language?: SupportedLanguage,
  ): string {
    const lng = language ?? currentContext()?.language ?? DEFAULT_LANGUAGE;
    return this.i18n.t(key, { ...params, lng }) as string;
  }

  /**
   * translate() for many sentences: the same text, with the template looked up once per language
   * and key and filled without i18next when it is plain (plain-template.ts). The resources are
   * loaded once at start and never change, so the lookup stays valid for the process.
   */
  translatePlain(
    key: string,
    params: Record<string, unknown> = {},
    language?: SupportedLanguage,
  ): string {
    const lng = language ?? currentContext()?.language ?? DEFAULT_LANGUAGE;
    let ofLanguage = this.templates.get(lng);
    if (!ofLanguage) this.templates.set(lng, (ofLanguage = new Map()));
    let template = ofLanguage.get(key);
    if (template === undefined) {
      const text = this.i18n.exists(key, { lng })
        ? this.i18n.t(key, { lng, skipInterpolation: true, returnObjects: true })
        : undefined;
      template = typeof text === 'string' ? compilePlainTemplate(text) : null;
      ofLanguage.set(key, template);
    }
    return template?.(params) ?? this.translate(key, params, lng);
  }

  exists(key: string, language: SupportedLanguage = DEFAULT_LANGUAGE): boolean {
    return this.i18n.exists(key, { lng: language, fallbackLng: false });
  }

  currentLanguage(): SupportedLanguage {
    return currentContext()?.language ?? DEFAULT_LANGUAGE;
  }
}
