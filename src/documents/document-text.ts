import { formatClauseDate } from '../agreements/clause-library/clause-library';
import { MultilingualText, textIn } from '../common/multilingual-text/multilingual-text';
import { SupportedLanguage } from '../i18n/languages';
import { languageName } from '../reference/languages-of-the-world';
import { localDate } from '../sessions/session-time';
import { Translate } from './agreement-pdf';
import { TextLine } from './bilingual-document';

/** Committees sit in China: document dates are China dates unless a session says otherwise. */
export const DOCUMENT_TIME_ZONE = 'Asia/Shanghai';

/** 2026年11月2日, 2 November 2026, ٢ نوفمبر ٢٠٢٦ … from YYYY-MM-DD. */
export const formatDate = (isoDate: string, language: SupportedLanguage): string =>
  formatClauseDate(isoDate, language);

/** The calendar date of an instant in the committee's zone, formatted for a language. */
export const formatInstantDate = (
  instant: Date,
  language: SupportedLanguage,
  zone = DOCUMENT_TIME_ZONE,
): string => formatDate(localDate(instant, zone), language);

/** Wall time HH:MM of an instant in a zone. */
export function wallTime(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

/**
 * The name of a language (any BCP 47 tag) in a document language: 阿拉伯语, Arabic, العربية.
 * Named by its primary subtag: zh-CN is 中文, not 中文（中国）.
 */
export const languageLabel = (tag: string, language: SupportedLanguage): string =>
  languageName(tag.split('-')[0], language);

/** Chinese documents join with Chinese punctuation. */
export const listSeparator = (language: SupportedLanguage): string =>
  language === 'zh-CN' ? '、' : ', ';
export const colon = (language: SupportedLanguage): string => (language === 'zh-CN' ? '：' : ': ');
export const parenthesised = (text: string, language: SupportedLanguage): string =>
  language === 'zh-CN' ? `（${text}）` : ` (${text})`;

/**
 * Free text a person wrote, as lines in each document language that has it; when a document
 * language has no version, the original (in its own script) stands in once.
 */
export function freeTextLines(
  value: MultilingualText | null | undefined,
  languages: SupportedLanguage[],
): TextLine[] {
  if (!value) return [];
  const lines: TextLine[] = [];
  let missing = false;
  for (const language of languages) {
    const found = textIn(value, language);
    if (found) lines.push({ text: found.text, language });
    else missing = true;
  }
  const originalShown = lines.some((l) => l.text === value.original.text);
  if (missing && !originalShown)
    lines.push({ text: value.original.text, language: value.original.language });
  return lines;
}

/** Helper for content builders: a key of the documents namespace in one language. */
export const docText =
  (t: Translate) =>
  (key: string, params: Record<string, unknown>, language: SupportedLanguage): string =>
    t(`documents:${key}`, params, language);
