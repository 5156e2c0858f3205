import countries from 'i18n-iso-countries';
import { SupportedLanguage, SUPPORTED_LANGUAGES } from '../i18n/languages';

// i18n-iso-countries names countries in each of our twelve languages (its zh is Simplified).
const PACKAGE_LOCALE: Record<SupportedLanguage, string> = {
  'zh-CN': 'zh',
  en: 'en',
  ar: 'ar',
  fa: 'fa',
  ur: 'ur',
  hi: 'hi',
  ru: 'ru',
  fr: 'fr',
  es: 'es',
  pt: 'pt',
  ko: 'ko',
  tr: 'tr',
};
for (const language of SUPPORTED_LANGUAGES) {
  countries.registerLocale(require(`i18n-iso-countries/langs/${PACKAGE_LOCALE[language]}.json`));
}

const CODES: ReadonlySet<string> = new Set(Object.keys(countries.getAlpha2Codes()));

/** ISO 3166-1 alpha-2, upper case (CN, YE, PK ...). */
export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && CODES.has(value);
}

export function countryName(code: string, language: SupportedLanguage): string {
  return countries.getName(code, PACKAGE_LOCALE[language], { select: 'official' }) ?? code;
}

export function listCountries(language: SupportedLanguage): { code: string; name: string }[] {
  return [...CODES]
    .map((code) => ({ code, name: countryName(code, language) }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
}
