/**
 * The clause library's vocabulary: the standard clauses of a people's mediation agreement
 * (调解协议书, People's Mediation Law Art. 28-29) and the typed parameters each one takes.
 * Pure TypeScript on purpose: the agreements module, the PDF renderer and the API docs all use it,
 * and none of them should need NestJS or a database to render or check a clause.
 */
import { SupportedLanguage } from '../../i18n/languages';
import { MultilingualText } from '../../common/multilingual-text/multilingual-text';

export const CLAUSE_KINDS = [
  'lump_sum_payment',
  'instalments',
  'delivery_of_goods',
  'return_of_goods',
  'refund',
  'deposit_return',
  'wage_arrears',
  'apology',
  'confidentiality',
  'waiver_of_claims',
  'chinese_text_prevails',
] as const;
export type ClauseKind = (typeof CLAUSE_KINDS)[number];

/** A party as the agreement refers to it: a party id or `role:n` (applicant:1). */
export type PartyRef = string;

/** Money as the API speaks it: a decimal string in the currency's minor units, never a number. */
export interface Money {
  /** e.g. "50000.00"; no more decimals than the currency has (CNY 2, JPY 0, KWD 3). */
  amount: string;
  /** ISO 4217, e.g. CNY. */
  currency: string;
}

/** A calendar date, YYYY-MM-DD (Gregorian): deadlines are days, not instants. */
export type IsoDate = string;

export const PAYMENT_METHODS = ['bank_transfer', 'cash', 'wechat_pay', 'alipay'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const APOLOGY_FORMS = ['oral', 'written'] as const;
export type ApologyForm = (typeof APOLOGY_FORMS)[number];

/**
 * Text a person writes into a clause (goods, a place). A plain string is printed as it is in
 * every language, so use it only for what needs no translation (a model number, an address in
 * Latin letters); otherwise give the text per language, or a MultilingualText whose translations
 * a person has checked. `clauseLanguageProblems` says which languages are missing.
 */
export type ClauseText = string | Partial<Record<SupportedLanguage, string>> | MultilingualText;

export interface Instalment {
  amount: Money;
  dueDate: IsoDate;
}

export interface ClauseParametersByKind {
  lump_sum_payment: {
    payer: PartyRef;
    payee: PartyRef;
    amount: Money;
    dueDate: IsoDate;
    method?: PaymentMethod;
  };
  instalments: {
    payer: PartyRef;
    payee: PartyRef;
    /** Numbered in this order; due dates strictly ascending; at least two. */
    instalments: Instalment[];
    /** When given, the instalments must add up to it exactly; when omitted, their sum is printed. */
    total?: Money;
    method?: PaymentMethod;
    /** Adds: a missed instalment makes the whole remaining balance due at once. Default false. */
    accelerateOnDefault?: boolean;
  };
  delivery_of_goods: {
    supplier: PartyRef;
    recipient: PartyRef;
    goods: ClauseText;
    dueDate: IsoDate;
    place?: ClauseText;
  };
  return_of_goods: {
    returner: PartyRef;
    recipient: PartyRef;
    goods: ClauseText;
    dueDate: IsoDate;
    place?: ClauseText;
    /** The party who bears transport and other costs of the return, when the parties agreed it. */
    costsBorneBy?: PartyRef;
  };
  refund: {
    payer: PartyRef;
    payee: PartyRef;
    amount: Money;
    dueDate: IsoDate;
    method?: PaymentMethod;
  };
  deposit_return: {
    landlord: PartyRef;
    tenant: PartyRef;
    amount: Money;
    dueDate: IsoDate;
    method?: PaymentMethod;
  };
  wage_arrears: {
    employer: PartyRef;
    worker: PartyRef;
    amount: Money;
    /** First and last day of the unpaid period (whole days keep every language's grammar simple). */
    periodFrom: IsoDate;
    periodTo: IsoDate;
    dueDate: IsoDate;
    method?: PaymentMethod;
  };
  apology: {
    apologiser: PartyRef;
    recipient: PartyRef;
    form: ApologyForm;
    dueDate?: IsoDate;
  };
  confidentiality: Record<string, never>;
  waiver_of_claims: {
    /** Default true: the waiver takes effect once the agreement is performed, protecting the payee. */
    uponPerformance?: boolean;
  };
  chinese_text_prevails: {
    /**
     * The agreement's languages besides Chinese. Recommended: without it the Chinese text can
     * only say "texts in other languages", while each translation names Chinese and itself.
     */
    languages?: SupportedLanguage[];
  };
}

export type ClauseParameters<K extends ClauseKind = ClauseKind> = ClauseParametersByKind[K];

export type ParameterType =
  | 'party'
  | 'money'
  | 'date'
  | 'text'
  | 'paymentMethod'
  | 'instalments'
  | 'boolean'
  | 'apologyForm'
  | 'languages';

/** One parameter of a clause kind, for a form in the UI and the API docs. */
export interface ParameterSpec {
  name: string;
  type: ParameterType;
  required: boolean;
  /** The allowed values of an enumerated parameter. */
  values?: readonly string[];
  description: string;
}

/** A validation problem in the shape of the domain's ErrorDetail (field, i18n key, params). */
export interface ClauseProblem {
  field: string;
  key: string;
  params?: Record<string, unknown>;
}
