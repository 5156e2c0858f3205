import { remembered } from '../common/remembered';
import { SupportedLanguage } from '../i18n/languages';
import { describeDivision } from '../reference/administrative-divisions';
import { countryName } from '../reference/countries';
import { languageName, primaryLanguage } from '../reference/languages-of-the-world';
import { Reason } from './match-types';

export type Translate = (
  key: string,
  params: Record<string, unknown>,
  language: SupportedLanguage,
) => string;

const SCRIPT: Partial<Record<SupportedLanguage, RegExp>> = {
  'zh-CN': /\p{Script=Han}/u,
  ar: /\p{Script=Arabic}/u,
  fa: /\p{Script=Arabic}/u,
  ur: /\p{Script=Arabic}/u,
  hi: /\p{Script=Devanagari}/u,
  ru: /\p{Script=Cyrillic}/u,
  ko: /\p{Script=Hangul}/u,
};
const LATIN = /\p{Script=Latin}/u;

/** A party's name as the reader can read it: their own script if it is the reader's, else Latin. */
export function partyNameFor(params: Reason['params'], language: SupportedLanguage): string {
  const original = String(params.party ?? '');
  if (language === 'zh-CN' && params.partyZh) return String(params.partyZh);
  const script = SCRIPT[language] ?? LATIN;
  if (script.test(original)) return original;
  return String(params.partyLatin ?? original);
}

/**
 * Names of codes in a language (reference data, fixed for the process), remembered: a response
 * names the same few languages, countries and regions dozens of times. Keyed "language|code".
 */
const namedIn = (name: (code: string, language: SupportedLanguage) => string) =>
  remembered((key) => {
    const [language, code] = key.split('|');
    return name(code, language as SupportedLanguage);
  }, 10_000);
const languageNameOf = namedIn(languageName);
const countryNameOf = namedIn(countryName);
const regionNameOf = namedIn(describeDivision);

/**
 * Turns a reason (i18n key + raw codes) into a sentence in the reader's language: language,
 * country and region codes become names, levels and roles their translated words.
 */
export function renderReason(
  reason: Reason,
  language: SupportedLanguage,
  translate: Translate,
): string {
  const p = reason.params;
  const params: Record<string, unknown> = { ...p };
  const word = (key: string) => translate(key, {}, language);
  if ('party' in p) params.party = partyNameFor(p, language);
  if (p.role) params.role = word(`mediators:partyRole.${p.role}`);
  if (p.level) params.level = word(`mediators:level.${p.level}`);
  // Named by primary language: "Chinese", not "Chinese (China)".
  if (p.language)
    params.language = languageNameOf(`${language}|${primaryLanguage(String(p.language))}`);
  if (p.languages)
    params.languages = String(p.languages)
      .split(',')
      .map((tag) => languageNameOf(`${language}|${primaryLanguage(tag)}`))
      .join(language === 'zh-CN' ? '、' : ', ');
  if (p.country) params.country = countryNameOf(`${language}|${p.country}`);
  if (p.region) params.region = regionNameOf(`${language}|${p.region}`);
  if (p.dialect) params.dialect = word(`reference:dialect.${p.dialect}`);
  if (p.disputeType) params.disputeType = word(`reference:disputeType.${p.disputeType}`);
  return translate(reason.key, params, language);
}
