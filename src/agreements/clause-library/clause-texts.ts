/**
 * Free texts inside a clause (goods, a place): the only parts of a clause the library cannot
 * translate itself, so each must exist, in every language of the agreement, as a person wrote it.
 */
import { textIn } from '../../common/multilingual-text/multilingual-text';
import { isSupportedLanguage, SupportedLanguage } from '../../i18n/languages';
import { PARAMETER_SPECS } from './clause-specs';
import { ClauseKind, ClauseProblem } from './clause-types';

const MAX_TEXT = 2000;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Problems of one free-text parameter: a non-empty string, a per-language map or a MultilingualText. */
export function clauseTextProblems(value: unknown, field: string): ClauseProblem[] {
  const problems: ClauseProblem[] = [];
  const bad = (text: unknown) => typeof text !== 'string' || !text.trim() || text.length > MAX_TEXT;
  if (typeof value === 'string') {
    if (bad(value)) problems.push({ field, key: 'validation:isNotEmpty', params: { field } });
    return problems;
  }
  if (!isObject(value)) {
    problems.push({ field, key: 'validation:isString', params: { field } });
    return problems;
  }
  if ('original' in value) {
    const original = value.original;
    if (!isObject(original) || typeof original.language !== 'string' || bad(original.text)) {
      problems.push({
        field: `${field}.original`,
        key: 'validation:isNotEmpty',
        params: { field: `${field}.original` },
      });
    }
    if (!Array.isArray(value.translations)) {
      problems.push({
        field: `${field}.translations`,
        key: 'validation:isArray',
        params: { field: `${field}.translations` },
      });
    }
    return problems;
  }
  const entries = Object.entries(value);
  if (entries.length === 0)
    problems.push({ field, key: 'validation:isNotEmpty', params: { field } });
  for (const [language, text] of entries) {
    const sub = `${field}.${language}`;
    if (!isSupportedLanguage(language)) {
      problems.push({ field: sub, key: 'validation:isSupportedLanguage', params: { field: sub } });
    } else if (bad(text)) {
      problems.push({ field: sub, key: 'validation:isNotEmpty', params: { field: sub } });
    }
  }
  return problems;
}

/** The clause's free texts (goods, place) as they read in one language, or why they cannot. */
export function clauseTextIn(
  value: unknown,
  language: SupportedLanguage,
): { text: string } | { missing: true } | { unchecked: true; text: string } {
  if (typeof value === 'string') return { text: value };
  if (isObject(value) && 'original' in value) {
    const found = textIn(value as unknown as Parameters<typeof textIn>[0], language);
    if (!found) return { missing: true };
    return found.checked ? { text: found.text } : { unchecked: true, text: found.text };
  }
  if (isObject(value)) {
    const text = value[language];
    return typeof text === 'string' && text.trim() ? { text } : { missing: true };
  }
  return { missing: true };
}

/**
 * Which of the agreement's languages a clause's free texts lack. Library wording exists in all
 * twelve languages; a goods description or a place exists only where a person wrote it.
 */
export function clauseLanguageProblems(
  kind: ClauseKind,
  params: Record<string, unknown>,
  languages: readonly SupportedLanguage[],
): ClauseProblem[] {
  const problems: ClauseProblem[] = [];
  for (const spec of PARAMETER_SPECS[kind] ?? []) {
    if (spec.type !== 'text' || params[spec.name] === undefined) continue;
    for (const language of languages) {
      const found = clauseTextIn(params[spec.name], language);
      if ('missing' in found) {
        problems.push({
          field: spec.name,
          key: 'agreements:clause.textMissing',
          params: { field: spec.name, language },
        });
      } else if ('unchecked' in found) {
        problems.push({
          field: spec.name,
          key: 'agreements:clause.textUnchecked',
          params: { field: spec.name, language },
        });
      }
    }
  }
  return problems;
}
