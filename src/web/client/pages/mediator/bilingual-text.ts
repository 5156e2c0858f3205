/**
 * A text of the agreement as the drafting page edits it: Chinese beside each party's language,
 * each translation with a "checked" mark. Converts to and from the API's MultilingualText and
 * says which languages are missing or unchecked, the same rule the server applies on issuing.
 */
import type { MultilingualText } from './mediator-api';

export interface Bilingual {
  /** Text per language; zh-CN is the original. */
  text: Record<string, string>;
  /** Whether a person checked the translation, per language other than zh-CN. */
  checked: Record<string, boolean>;
}

export type Gap = 'missing' | 'unchecked';

export const emptyBilingual = (): Bilingual => ({ text: {}, checked: {} });

const primary = (tag: string) => tag.split('-')[0].toLowerCase();

/** The form's value as the API takes it: Chinese original, one translation per other language. */
export function toMultilingual(value: Bilingual, translatedBy: string): MultilingualText {
  return {
    original: { language: 'zh-CN', text: (value.text['zh-CN'] ?? '').trim() },
    translations: Object.entries(value.text)
      .filter(([language, text]) => language !== 'zh-CN' && text.trim() !== '')
      .map(([language, text]) => ({
        language,
        text: text.trim(),
        translatedBy,
        checked: value.checked[language] === true,
      })),
  };
}

/** A stored text back into the form, whichever language its original was written in. */
export function fromMultilingual(value: MultilingualText | undefined): Bilingual {
  const out = emptyBilingual();
  if (!value) return out;
  const put = (language: string, text: string, checked: boolean) => {
    const key = primary(language) === 'zh' ? 'zh-CN' : language;
    if (out.text[key]) return;
    out.text[key] = text;
    if (key !== 'zh-CN') out.checked[key] = checked;
  };
  put(value.original.language, value.original.text, true);
  for (const t of [...value.translations].sort((a, b) => Number(b.checked) - Number(a.checked)))
    put(t.language, t.text, t.checked);
  return out;
}

/** Each language of the agreement this text lacks, or has only unchecked. */
export function gapsOf(value: Bilingual, languages: string[]): Map<string, Gap> {
  const gaps = new Map<string, Gap>();
  for (const language of languages) {
    const text = (value.text[language] ?? '').trim();
    if (!text) gaps.set(language, 'missing');
    else if (language !== 'zh-CN' && value.checked[language] !== true)
      gaps.set(language, 'unchecked');
  }
  return gaps;
}

/**
 * The languages of an agreement: Chinese and each party's copy language, which is the party's
 * first preferred language among the twelve, Chinese for an organisation in China (as the
 * server's documentLanguageOf decides).
 */
export function copyLanguageOf(
  party: {
    person: { preferredLanguages: string[] } | null;
    organisation: { country?: string | null } | null;
  },
  supported: readonly string[],
): string {
  const preferred =
    party.person?.preferredLanguages ?? (party.organisation?.country === 'CN' ? ['zh-CN'] : ['en']);
  for (const tag of preferred) {
    const match = supported.find((l) => primary(l) === primary(tag));
    if (match) return match;
  }
  return 'en';
}

/** The field of a 422 detail without a clause's parameter path: terms.2.params.goods → terms.2. */
export function termIndexOf(field: string): number | null {
  const match = /^terms\.(\d+)\./.exec(field);
  return match ? Number(match[1]) : null;
}
