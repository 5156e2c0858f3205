import { toMinorUnits } from '../common/money/money';
import { ErrorDetail } from '../errors/domain-error';
import { SupportedLanguage } from '../i18n/languages';
import {
  clauseLanguageProblems,
  clauseParameterProblems,
  ClauseKind,
  isClauseKind,
  listClauseKinds as libraryClauseKinds,
  Money,
  renderClause,
} from './clause-library/clause-library';

/** The agreements module's view of the clause library: problems as error details, rendering, money. */
export function clauseTermProblems(
  kind: string,
  params: Record<string, unknown>,
  field: string,
  partyExists: (ref: string) => boolean,
): ErrorDetail[] {
  if (!isClauseKind(kind))
    return [
      {
        field: `${field}.clause`,
        key: 'agreements:validation.unknownClause',
        params: { field: `${field}.clause` },
      },
    ];
  return clauseParameterProblems(kind, params, { partyExists }).map((problem) => {
    const at = `${field}.params.${problem.field}`;
    return { field: at, key: problem.key, params: { ...(problem.params ?? {}), field: at } };
  });
}

/** Clause texts (goods, places) missing or unchecked in one of the agreement's languages. */
export function clauseTranslationGaps(
  kind: string,
  params: Record<string, unknown>,
  field: string,
  languages: SupportedLanguage[],
): ErrorDetail[] {
  if (!isClauseKind(kind)) return [];
  return clauseLanguageProblems(kind, params, languages).map((problem) => {
    const at = `${field}.params.${problem.field}`;
    return { field: at, key: problem.key, params: { ...(problem.params ?? {}), field: at } };
  });
}

export function renderClauseTerm(
  kind: string,
  params: Record<string, unknown>,
  language: SupportedLanguage,
  names: (ref: string) => string,
): string {
  return renderClause(kind as ClauseKind, params as never, language, names);
}

export const listClauseKinds = libraryClauseKinds;

const isMoney = (value: unknown): value is Money =>
  !!value &&
  typeof value === 'object' &&
  typeof (value as Money).amount === 'string' &&
  typeof (value as Money).currency === 'string';

/** Money a clause obliges a party to pay or return: its amount, its total, or the sum of its instalments. */
export function moneyOfClause(params: Record<string, unknown>): Money[] {
  if (isMoney(params.total)) return [params.total];
  if (Array.isArray(params.instalments))
    return params.instalments.map((i: { amount?: unknown }) => i.amount).filter(isMoney);
  return isMoney(params.amount) ? [params.amount] : [];
}

/** Sums per currency in minor units; never floating point. */
export function sumPerCurrency(amounts: Money[]): { currency: string; amountMinor: string }[] {
  const totals = new Map<string, bigint>();
  for (const money of amounts)
    totals.set(
      money.currency,
      (totals.get(money.currency) ?? 0n) + toMinorUnits(money.amount, money.currency),
    );
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, minor]) => ({ currency, amountMinor: minor.toString() }));
}
