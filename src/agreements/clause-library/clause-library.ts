/**
 * The clause library for mediation agreements (调解协议书): standard, parameterised clauses written
 * in all twelve supported languages. This is the module's public entry point; the agreements
 * module validates terms with `clauseParameterProblems`, renders them with `renderClause`, and
 * lists them for the UI with `listClauseKinds`.
 *
 * It owns wording and formatting only. It never hard-codes a party's name (the caller passes
 * `names`), stores nothing, and does not decide which languages an agreement needs.
 *
 * The wording lives in TypeScript, one file per language under languages/, not in locales/: a
 * clause is legal text reviewed as a whole sentence per language, with grammar (particles, cases,
 * numeral agreement) that message interpolation cannot express.
 */
import { SUPPORTED_LANGUAGES, SupportedLanguage } from '../../i18n/languages';
import { PARAMETER_SPECS } from './clause-specs';
import { clauseParameterProblems } from './clause-parameters';
import { clauseTextIn } from './clause-texts';
import { formatAmountNumber, formatClauseDate, instalmentTotal } from './clause-formatting';
import { LanguageTemplates, RenderContext } from './clause-templates';
import {
  CLAUSE_KINDS,
  ClauseKind,
  ClauseParameters,
  ClauseParametersByKind,
  ParameterSpec,
} from './clause-types';
import { AR } from './languages/ar.clauses';
import { EN } from './languages/en.clauses';
import { ES } from './languages/es.clauses';
import { FA } from './languages/fa.clauses';
import { FR } from './languages/fr.clauses';
import { HI } from './languages/hi.clauses';
import { KO } from './languages/ko.clauses';
import { PT } from './languages/pt.clauses';
import { RU } from './languages/ru.clauses';
import { TR } from './languages/tr.clauses';
import { UR } from './languages/ur.clauses';
import { ZH_CN } from './languages/zh-cn.clauses';

// The public API in one import path (a façade file, not a barrel index.ts).
export { clauseLanguageProblems, clauseTextIn } from './clause-texts';
export {
  clauseParameterProblems,
  isClauseKind,
  isIsoDate,
  CLAUSE_PROBLEM_KEYS,
} from './clause-parameters';
export type { ClauseValidationOptions } from './clause-parameters';
export { formatAmountNumber, formatClauseDate, chineseCapitalAmount } from './clause-formatting';
export { CLAUSE_KINDS, PAYMENT_METHODS, APOLOGY_FORMS } from './clause-types';
export type {
  ClauseKind,
  ClauseParameters,
  ClauseParametersByKind,
  ClauseProblem,
  ClauseText,
  Instalment,
  IsoDate,
  Money,
  ParameterSpec,
  ParameterType,
  PartyRef,
  PaymentMethod,
  ApologyForm,
} from './clause-types';

const TEMPLATES: Record<SupportedLanguage, LanguageTemplates> = {
  'zh-CN': ZH_CN,
  en: EN,
  ar: AR,
  fa: FA,
  ur: UR,
  hi: HI,
  ru: RU,
  fr: FR,
  es: ES,
  pt: PT,
  ko: KO,
  tr: TR,
};

/** Thrown when a clause cannot be rendered; callers are expected to have validated first. */
export class ClauseRenderError extends Error {
  constructor(
    message: string,
    readonly problems: { field: string; key: string; params?: Record<string, unknown> }[],
  ) {
    super(message);
    this.name = 'ClauseRenderError';
  }
}

function contextFor(
  language: SupportedLanguage,
  names: (partyRef: string) => string,
): RenderContext {
  const templates = TEMPLATES[language];
  return {
    language,
    name: names,
    money: (m) => templates.money(formatAmountNumber(m, language), m.currency, m),
    date: (d) => formatClauseDate(d, language),
    text: (t) => {
      const found = clauseTextIn(t, language);
      // Printing another language's text into a legal document would be worse than refusing.
      if ('missing' in found) {
        throw new ClauseRenderError(`clause text missing in ${language}`, [
          { field: 'text', key: 'agreements:clause.textMissing', params: { language } },
        ]);
      }
      return found.text.trim();
    },
    method: (m) => (m ? templates.methods[m] : ''),
    total: instalmentTotal,
    languageNames: (others) => {
      const extra = others.length > 0 ? others : language === 'zh-CN' ? [] : [language];
      const ordered = SUPPORTED_LANGUAGES.filter((l) => l !== 'zh-CN' && extra.includes(l));
      return ['zh-CN' as const, ...ordered].map((l) => templates.languageNames[l]);
    },
  };
}

/**
 * The clause's text in one language. Validates first and throws ClauseRenderError on bad
 * parameters, so a document can never contain "undefined" or "NaN" where an amount should be.
 * A free text (goods, place) missing in the language also throws: check `clauseLanguageProblems`.
 */
export function renderClause<K extends ClauseKind>(
  kind: K,
  params: ClauseParameters<K>,
  language: SupportedLanguage,
  names: (partyRef: string) => string,
): string {
  const problems = clauseParameterProblems(kind, params);
  if (problems.length > 0) {
    throw new ClauseRenderError(
      `invalid ${kind} parameters: ${problems.map((p) => `${p.field} (${p.key})`).join(', ')}`,
      problems,
    );
  }
  const templates = TEMPLATES[language];
  if (!templates) throw new ClauseRenderError(`unsupported language ${language}`, []);
  const template = templates.clauses[kind] as (
    p: ClauseParametersByKind[K],
    c: RenderContext,
  ) => string;
  // A sentence ending in "Ltd." or "2026 г." would otherwise end in "..".
  return template(params, contextFor(language, names)).replace(/(?<!\.)\.\.(?!\.)/g, '.');
}

/** Every clause kind with its parameters, in a stable order, for a UI form or the API docs. */
export function listClauseKinds(): { kind: ClauseKind; parameters: ParameterSpec[] }[] {
  return CLAUSE_KINDS.map((kind) => ({
    kind,
    parameters: PARAMETER_SPECS[kind].map((spec) => ({ ...spec })),
  }));
}
