import ISO6391 from 'iso-639-1';
import { SupportedLanguage } from '../i18n/languages';

/**
 * Languages people speak (ISO 639-1, written as BCP 47 tags). A tag may carry a region or script
 * subtag (zh-CN, pt-BR, sr-Latn); its primary subtag must be a known ISO 639-1 code.
 */
const BCP47 = /^([a-z]{2})(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/;

export function isLanguageTag(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = BCP47.exec(value);
  return !!match && ISO6391.validate(match[1]);
}

/** Primary language of a tag: zh-CN → zh. Matching compares primary languages. */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0].toLowerCase();
}

const displayNames = new Map<string, Intl.DisplayNames>();

export function languageName(tag: string, inLanguage: SupportedLanguage): string {
  let names = displayNames.get(inLanguage);
  if (!names) {
    names = new Intl.DisplayNames([inLanguage], { type: 'language', fallback: 'code' });
    displayNames.set(inLanguage, names);
  }
  return names.of(tag) ?? tag;
}

export function listLanguages(
  inLanguage: SupportedLanguage,
): { code: string; nativeName: string; name: string }[] {
  return ISO6391.getAllCodes()
    .map((code) => ({
      code,
      nativeName: ISO6391.getNativeName(code),
      name: languageName(code, inLanguage),
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
}
