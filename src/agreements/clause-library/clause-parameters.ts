/**
 * Checks clause parameters as they arrive from the API (unknown JSON), returning problems in the
 * domain's ErrorDetail shape instead of throwing, so one request can report every mistake at once.
 * Amounts are checked as decimal strings against the currency's minor units and summed as bigint
 * minor units: a clause in a court-confirmable agreement must never carry a float rounding error.
 */
import {
  isCurrencyCode,
  minorDigits,
  toMinorUnits,
  DECIMAL_AMOUNT,
} from '../../common/money/money';
import { isSupportedLanguage } from '../../i18n/languages';
import { PARAMETER_SPECS } from './clause-specs';
import { clauseTextProblems } from './clause-texts';
import { CLAUSE_KINDS, ClauseKind, ClauseProblem, ParameterSpec } from './clause-types';

/** i18n keys this module reports besides the generic `validation:*` ones; locales must define them. */
export const CLAUSE_PROBLEM_KEYS = [
  'agreements:clause.unknownKind',
  'agreements:clause.amountNotDecimal',
  'agreements:clause.amountTooPrecise',
  'agreements:clause.amountNotPositive',
  'agreements:clause.unknownCurrency',
  'agreements:clause.currencyMismatch',
  'agreements:clause.instalmentsDoNotSum',
  'agreements:clause.datesNotAscending',
  'agreements:clause.periodReversed',
  'agreements:clause.samePartyTwice',
  'agreements:clause.unknownParty',
  'agreements:clause.textMissing',
  'agreements:clause.textUnchecked',
] as const;

export interface ClauseValidationOptions {
  /** When given, every party reference must resolve to a party of the agreement. */
  partyExists?: (ref: string) => boolean;
}

const MAX_REF = 100;
const MAX_INSTALMENTS = 120;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isClauseKind(value: unknown): value is ClauseKind {
  return typeof value === 'string' && (CLAUSE_KINDS as readonly string[]).includes(value);
}

/** A real Gregorian calendar day: 2026-02-30 is refused, not rolled over to March. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (year < 1900 || year > 2999) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type Problems = ClauseProblem[];

function checkMoney(value: unknown, field: string, problems: Problems): bigint | undefined {
  if (!isObject(value)) {
    problems.push({ field, key: 'validation:isObject', params: { field } });
    return undefined;
  }
  for (const extra of Object.keys(value).filter((k) => k !== 'amount' && k !== 'currency')) {
    problems.push({
      field: `${field}.${extra}`,
      key: 'validation:whitelistValidation',
      params: { field: `${field}.${extra}` },
    });
  }
  const { amount, currency } = value;
  let ok = true;
  if (!isCurrencyCode(currency)) {
    problems.push({
      field: `${field}.currency`,
      key: 'agreements:clause.unknownCurrency',
      params: { field: `${field}.currency` },
    });
    ok = false;
  }
  // A JSON number (50000.5) is refused as well as "5e4": floats cannot carry money exactly.
  if (typeof amount !== 'string' || !DECIMAL_AMOUNT.test(amount)) {
    problems.push({
      field: `${field}.amount`,
      key: 'agreements:clause.amountNotDecimal',
      params: { field: `${field}.amount` },
    });
    return undefined;
  }
  if (!ok) return undefined;
  const code = currency as string;
  const digits = minorDigits(code);
  const fraction = amount.split('.')[1] ?? '';
  if (fraction.length > digits) {
    problems.push({
      field: `${field}.amount`,
      key: 'agreements:clause.amountTooPrecise',
      params: { field: `${field}.amount`, currency: code, digits },
    });
    return undefined;
  }
  const minor = toMinorUnits(amount, code);
  if (minor <= 0n) {
    problems.push({
      field: `${field}.amount`,
      key: 'agreements:clause.amountNotPositive',
      params: { field: `${field}.amount` },
    });
    return undefined;
  }
  return minor;
}

function checkDate(value: unknown, field: string, problems: Problems): boolean {
  if (isIsoDate(value)) return true;
  problems.push({ field, key: 'validation:isDateString', params: { field } });
  return false;
}

function checkParty(
  value: unknown,
  field: string,
  problems: Problems,
  options: ClauseValidationOptions,
): boolean {
  if (typeof value !== 'string' || !value.trim() || value.length > MAX_REF) {
    problems.push({ field, key: 'validation:isNotEmpty', params: { field } });
    return false;
  }
  if (options.partyExists && !options.partyExists(value)) {
    problems.push({ field, key: 'agreements:clause.unknownParty', params: { field, ref: value } });
    return false;
  }
  return true;
}

function checkInstalments(value: unknown, field: string, problems: Problems) {
  if (!Array.isArray(value)) {
    problems.push({ field, key: 'validation:isArray', params: { field } });
    return undefined;
  }
  if (value.length < 2) {
    problems.push({ field, key: 'validation:arrayMinSize', params: { field, arg0: 2 } });
  }
  if (value.length > MAX_INSTALMENTS) {
    problems.push({
      field,
      key: 'validation:arrayMaxSize',
      params: { field, arg0: MAX_INSTALMENTS },
    });
    return undefined;
  }
  let sum = 0n;
  let complete = true;
  let currency: string | undefined;
  let previous: string | undefined;
  value.forEach((item: unknown, i) => {
    const at = `${field}.${i}`;
    if (!isObject(item)) {
      problems.push({ field: at, key: 'validation:isObject', params: { field: at } });
      complete = false;
      return;
    }
    for (const extra of Object.keys(item).filter((k) => k !== 'amount' && k !== 'dueDate')) {
      problems.push({
        field: `${at}.${extra}`,
        key: 'validation:whitelistValidation',
        params: { field: `${at}.${extra}` },
      });
    }
    const minor = checkMoney(item.amount, `${at}.amount`, problems);
    if (minor === undefined) complete = false;
    else {
      const code = (item.amount as { currency: string }).currency;
      if (currency && code !== currency) {
        problems.push({
          field: `${at}.amount.currency`,
          key: 'agreements:clause.currencyMismatch',
          params: { field: `${at}.amount.currency`, expected: currency },
        });
        complete = false;
      }
      currency ??= code;
      sum += minor;
    }
    if (checkDate(item.dueDate, `${at}.dueDate`, problems)) {
      const due = item.dueDate as string;
      // A schedule is read top to bottom; two instalments due the same day are one instalment.
      if (previous && due <= previous) {
        problems.push({
          field: `${at}.dueDate`,
          key: 'agreements:clause.datesNotAscending',
          params: { field: `${at}.dueDate` },
        });
      }
      previous = due;
    }
  });
  return complete && currency ? { sum, currency } : undefined;
}

function checkSpec(
  spec: ParameterSpec,
  value: unknown,
  problems: Problems,
  options: ClauseValidationOptions,
): void {
  const field = spec.name;
  switch (spec.type) {
    case 'party':
      checkParty(value, field, problems, options);
      return;
    case 'money':
      checkMoney(value, field, problems);
      return;
    case 'date':
      checkDate(value, field, problems);
      return;
    case 'text':
      problems.push(...clauseTextProblems(value, field));
      return;
    case 'boolean':
      if (typeof value !== 'boolean')
        problems.push({ field, key: 'validation:isBoolean', params: { field } });
      return;
    case 'paymentMethod':
    case 'apologyForm':
      if (!spec.values?.includes(value as string)) {
        problems.push({
          field,
          key: 'validation:isIn',
          params: { field, arg0: spec.values?.join(', ') },
        });
      }
      return;
    case 'languages':
      if (!Array.isArray(value) || value.length === 0) {
        problems.push({ field, key: 'validation:arrayMinSize', params: { field, arg0: 1 } });
        return;
      }
      value.forEach((language: unknown, i) => {
        if (!isSupportedLanguage(language) || language === 'zh-CN') {
          problems.push({
            field: `${field}.${i}`,
            key: 'validation:isSupportedLanguage',
            params: { field: `${field}.${i}` },
          });
        }
      });
      if (new Set(value).size !== value.length)
        problems.push({ field, key: 'validation:arrayUnique', params: { field } });
      return;
    case 'instalments':
      return; // checked with the total, below
  }
}

/** Every problem with a clause's parameters; empty when the clause can be rendered in any language. */
export function clauseParameterProblems(
  kind: ClauseKind,
  params: unknown,
  options: ClauseValidationOptions = {},
): ClauseProblem[] {
  if (!isClauseKind(kind)) {
    return [
      { field: 'clause', key: 'agreements:clause.unknownKind', params: { field: 'clause', kind } },
    ];
  }
  if (!isObject(params))
    return [{ field: 'params', key: 'validation:isObject', params: { field: 'params' } }];
  const problems: Problems = [];
  const specs = PARAMETER_SPECS[kind];
  for (const name of Object.keys(params)) {
    if (!specs.some((s) => s.name === name)) {
      problems.push({
        field: name,
        key: 'validation:whitelistValidation',
        params: { field: name },
      });
    }
  }
  for (const spec of specs) {
    const value = params[spec.name];
    if (value === undefined || value === null) {
      if (spec.required)
        problems.push({
          field: spec.name,
          key: 'validation:isDefined',
          params: { field: spec.name },
        });
      continue;
    }
    checkSpec(spec, value, problems, options);
  }
  if (problems.length > 0 && kind !== 'instalments') return problems;

  // Cross-field rules, checked once each field is sound on its own.
  const parties = specs
    .filter((s) => s.type === 'party' && s.name !== 'costsBorneBy')
    .map((s) => s.name);
  if (
    parties.length === 2 &&
    params[parties[0]] === params[parties[1]] &&
    typeof params[parties[0]] === 'string'
  ) {
    problems.push({
      field: parties[1],
      key: 'agreements:clause.samePartyTwice',
      params: { field: parties[1] },
    });
  }
  if (kind === 'wage_arrears' && (params.periodFrom as string) > (params.periodTo as string)) {
    problems.push({
      field: 'periodTo',
      key: 'agreements:clause.periodReversed',
      params: { field: 'periodTo' },
    });
  }
  if (kind === 'instalments' && params.instalments !== undefined) {
    const schedule = checkInstalments(params.instalments, 'instalments', problems);
    const totalProblems: Problems = [];
    const total =
      params.total === undefined ? undefined : checkMoney(params.total, 'total', totalProblems);
    if (schedule && total !== undefined) {
      const currency = (params.total as { currency: string }).currency;
      if (currency !== schedule.currency) {
        problems.push({
          field: 'total.currency',
          key: 'agreements:clause.currencyMismatch',
          params: { field: 'total.currency', expected: schedule.currency },
        });
      } else if (schedule.sum !== total) {
        problems.push({
          field: 'instalments',
          key: 'agreements:clause.instalmentsDoNotSum',
          params: {
            field: 'instalments',
            total: (params.total as { amount: string }).amount,
            currency,
          },
        });
      }
    }
  }
  return problems;
}
