/**
 * The contract between the renderer and the per-language wording files. Each language file
 * writes whole sentences itself (word order, agreement and particles differ too much between the
 * twelve languages for shared fragments), and gets formatted names, money and dates from here.
 */
import { SupportedLanguage } from '../../i18n/languages';
import {
  ClauseKind,
  ClauseParametersByKind,
  ClauseText,
  Instalment,
  IsoDate,
  Money,
  PartyRef,
  PaymentMethod,
} from './clause-types';

export interface RenderContext {
  language: SupportedLanguage;
  /** The party's name as the caller prints it in this language. */
  name(ref: PartyRef): string;
  /** Amount and currency as a lawyer writes them in this language. */
  money(money: Money): string;
  date(date: IsoDate): string;
  /** A free text of the clause in this language. */
  text(text: ClauseText): string;
  /** The payment method as an adverbial phrase, or '' when none was agreed. */
  method(method: PaymentMethod | undefined): string;
  /** The exact sum of a schedule. */
  total(instalments: readonly Instalment[]): Money;
  /** The agreement's languages, Chinese first, as that language names them in a list. */
  languageNames(languages: readonly SupportedLanguage[]): string[];
}

export type ClauseTemplates = {
  [K in ClauseKind]: (params: ClauseParametersByKind[K], c: RenderContext) => string;
};

export interface LanguageTemplates {
  /** How an amount is written: `number` is already formatted for the locale. */
  money(number: string, currency: string, money: Money): string;
  methods: Record<PaymentMethod, string>;
  /** Each language's name in this language, in the form the "Chinese text prevails" clause uses. */
  languageNames: Record<SupportedLanguage, string>;
  clauses: ClauseTemplates;
}
