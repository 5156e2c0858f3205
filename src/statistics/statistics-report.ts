/*
 * The pure aggregation behind every statistics output (JSON, CSV, XLSX, PDF). It takes case
 * facts and a period and applies the definitions (README, "Statistics definitions"); nothing here touches the
 * database, so the scenario specs can check hand-computed figures.
 */
import { CASE_SOURCES } from '../cases/mediation-case.entity';
import { MEDIATION_TIME_LIMIT_DAYS } from '../cases/case-lifecycle';
import { MEDIATOR_KINDS } from '../mediators/mediator.entity';
import { DISPUTE_TYPES } from '../reference/dispute-types';
import { CaseFacts, MoneyAmount, OutcomeState } from './case-facts';
import { DAY_MS, monthsOf, ReportPeriod } from './statistics-period';

export interface Measures {
  accepted: number;
  settled: number;
  terminated: number;
  withdrawn: number;
  refused: number;
  declined: number;
  /** settled / (settled + terminated), 4 decimals; null when both are 0. */
  successRate: number | null;
  pendingAtEnd: number;
  overdueAtEnd: number;
  performed: number;
  notPerformed: number;
  confirmationsApplied: number;
  keptFromCriminalCases: number;
  keptFromCriminalPersons: number;
  /** Cases with an outcome in the period after acceptance: the base of the two durations. */
  outcomesTimed: number;
  medianDaysToOutcome: number | null;
  p90DaysToOutcome: number | null;
  moneyInDispute: MoneyAmount[];
  moneyCovered: MoneyAmount[];
}

/** The count columns, in report order (exports and the monthly layout use this order). */
export const COUNT_MEASURES = [
  'accepted',
  'settled',
  'successRate',
  'terminated',
  'withdrawn',
  'refused',
  'declined',
  'pendingAtEnd',
  'overdueAtEnd',
  'performed',
  'notPerformed',
  'confirmationsApplied',
  'keptFromCriminalCases',
  'keptFromCriminalPersons',
  'medianDaysToOutcome',
  'p90DaysToOutcome',
] as const;
export type CountMeasure = (typeof COUNT_MEASURES)[number];

export const BREAKDOWNS = [
  'disputeType',
  'source',
  'station',
  'nationality',
  'homeProvince',
  'mediatorKind',
  'language',
  'month',
] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export interface BreakdownRow extends Measures {
  key: string;
}

export interface StatisticsReport {
  period: ReportPeriod;
  totals: Measures;
  breakdowns: Record<Breakdown, BreakdownRow[]>;
}

/** Half-open [start, end) in epoch milliseconds: comparing numbers, not Date objects, keeps a
 * month of a million cases' figures fast (measure runs once per breakdown row). */
interface Span {
  start: number;
  end: number;
}
const spanOf = (p: ReportPeriod): Span => ({ start: p.start.getTime(), end: p.end.getTime() });
const within = (at: Date | null | undefined, p: Span): at is Date => {
  if (!at) return false;
  const t = at.getTime();
  return t >= p.start && t < p.end;
};

/** Sums per currency, currencies in alphabetical order. */
export function sumMoney(amounts: Iterable<MoneyAmount>): MoneyAmount[] {
  const totals = new Map<string, bigint>();
  for (const a of amounts) totals.set(a.currency, (totals.get(a.currency) ?? 0n) + a.amountMinor);
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amountMinor]) => ({ currency, amountMinor }));
}

/** Median: the middle value, or the mean of the two middle values. */
export function median(values: number[]): number | null {
  return medianOfSorted(Float64Array.from(values).sort());
}

/** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function percentile(values: number[], p: number): number | null {
  return percentileOfSorted(Float64Array.from(values).sort(), p);
}

function medianOfSorted(s: Float64Array): number | null {
  if (s.length === 0) return null;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function percentileOfSorted(s: Float64Array, p: number): number | null {
  if (s.length === 0) return null;
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
}

const round = (value: number | null, digits: number) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * What one case adds to the measures of one period (README, "Statistics definitions"). Worked
 * out once per case and period, then summed for the totals and for every breakdown row the case
 * falls in.
 */
export interface Contribution {
  accepted: boolean;
  /** The amount in dispute, counted when the case was accepted in the period. */
  inDispute: MoneyAmount | null;
  /** The outcome reached in the period. */
  outcome: OutcomeState | null;
  /** Settled in the period while at risk of turning criminal: the persons at risk. */
  keptPersons: number | null;
  /** Days from acceptance to the period's outcome. */
  days: number | null;
  pendingAtEnd: boolean;
  overdueAtEnd: boolean;
  performance: 'performed' | 'not_performed' | null;
  /** Amounts of the agreement that took effect in the period. */
  covered: readonly MoneyAmount[] | null;
  confirmationApplied: boolean;
}

const OVERDUE_AFTER_MS = MEDIATION_TIME_LIMIT_DAYS * DAY_MS;

export function contributionOf(c: CaseFacts, reportPeriod: ReportPeriod): Contribution {
  const period = spanOf(reportPeriod);
  const acceptedAt = c.acceptedAt ? c.acceptedAt.getTime() : null;
  const accepted = acceptedAt !== null && acceptedAt >= period.start && acceptedAt < period.end;
  const outcomeAt = c.outcome ? c.outcome.at.getTime() : null;
  const outcome =
    outcomeAt !== null && outcomeAt >= period.start && outcomeAt < period.end
      ? c.outcome!.state
      : null;
  const pendingAtEnd =
    acceptedAt !== null &&
    acceptedAt < period.end &&
    !(outcomeAt !== null && outcomeAt < period.end);
  return {
    accepted,
    inDispute: accepted ? c.amount : null,
    outcome,
    keptPersons: outcome === 'agreement_reached' && c.riskOfEscalation ? c.personsAtRisk : null,
    days:
      outcome && acceptedAt !== null && acceptedAt <= outcomeAt!
        ? (outcomeAt! - acceptedAt) / DAY_MS
        : null,
    pendingAtEnd,
    overdueAtEnd: pendingAtEnd && period.end - acceptedAt! > OVERDUE_AFTER_MS,
    performance: c.performance && within(c.performance.at, period) ? c.performance.state : null,
    covered:
      c.effectiveAgreement && within(c.effectiveAgreement.effectiveAt, period)
        ? c.effectiveAgreement.amounts
        : null,
    confirmationApplied:
      !!c.confirmationAppliedOn &&
      c.confirmationAppliedOn >= reportPeriod.from &&
      c.confirmationAppliedOn <= reportPeriod.to,
  };
}

const OUTCOME_COUNT = {
  agreement_reached: 'settled',
  terminated: 'terminated',
  withdrawn: 'withdrawn',
  refused: 'refused',
  declined: 'declined',
} as const;

/** The measures of a set of contributions (of one period). */
export function sumContributions(contributions: readonly Contribution[]): Measures {
  const m = {
    accepted: 0,
    settled: 0,
    terminated: 0,
    withdrawn: 0,
    refused: 0,
    declined: 0,
    pendingAtEnd: 0,
    overdueAtEnd: 0,
    performed: 0,
    notPerformed: 0,
    confirmationsApplied: 0,
    keptFromCriminalCases: 0,
    keptFromCriminalPersons: 0,
  };
  const days: number[] = [];
  const inDispute: MoneyAmount[] = [];
  const covered: MoneyAmount[] = [];
  for (const c of contributions) {
    if (c.accepted) {
      m.accepted++;
      if (c.inDispute) inDispute.push(c.inDispute);
    }
    if (c.outcome) m[OUTCOME_COUNT[c.outcome]]++;
    if (c.keptPersons !== null) {
      m.keptFromCriminalCases++;
      m.keptFromCriminalPersons += c.keptPersons;
    }
    if (c.days !== null) days.push(c.days);
    if (c.pendingAtEnd) m.pendingAtEnd++;
    if (c.overdueAtEnd) m.overdueAtEnd++;
    if (c.performance === 'performed') m.performed++;
    else if (c.performance === 'not_performed') m.notPerformed++;
    if (c.covered) covered.push(...c.covered);
    if (c.confirmationApplied) m.confirmationsApplied++;
  }
  const decided = m.settled + m.terminated;
  const sortedDays = Float64Array.from(days).sort();
  return {
    ...m,
    successRate: decided === 0 ? null : round(m.settled / decided, 4),
    outcomesTimed: days.length,
    medianDaysToOutcome: round(medianOfSorted(sortedDays), 1),
    p90DaysToOutcome: round(percentileOfSorted(sortedDays, 90), 1),
    moneyInDispute: sumMoney(inDispute),
    moneyCovered: sumMoney(covered),
  };
}

/** The measures of a set of cases over one period (README, "Statistics definitions"). */
export function measure(cases: readonly CaseFacts[], period: ReportPeriod): Measures {
  return sumContributions(cases.map((c) => contributionOf(c, period)));
}

/** Groups cases by one or more keys each; a case with several keys counts in each group. */
function grouped(
  cases: readonly CaseFacts[],
  contributions: readonly Contribution[],
  keysOf: (c: CaseFacts) => readonly string[],
  fixedKeys: readonly string[] = [],
): BreakdownRow[] {
  const groups = new Map<string, Contribution[]>(fixedKeys.map((k) => [k, []]));
  cases.forEach((c, i) => {
    const keys = keysOf(c);
    for (const key of keys.length > 1 ? new Set(keys) : keys) {
      const list = groups.get(key);
      if (list) list.push(contributions[i]);
      else groups.set(key, [contributions[i]]);
    }
  });
  const rows = [...groups.entries()].map(([key, list]) => ({ key, ...sumContributions(list) }));
  // Fixed lists keep the official order; open lists go by cases accepted, then by code.
  if (fixedKeys.length === 0)
    rows.sort((a, b) => b.accepted - a.accepted || a.key.localeCompare(b.key));
  return rows;
}

export function buildReport(cases: readonly CaseFacts[], period: ReportPeriod): StatisticsReport {
  const contributions = cases.map((c) => contributionOf(c, period));
  const by = (keysOf: (c: CaseFacts) => readonly string[], fixedKeys?: readonly string[]) =>
    grouped(cases, contributions, keysOf, fixedKeys);
  return {
    period,
    totals: sumContributions(contributions),
    breakdowns: {
      disputeType: by((c) => [c.disputeType], DISPUTE_TYPES),
      source: by((c) => [c.source], CASE_SOURCES),
      station: by((c) => [c.stationId]),
      nationality: by((c) => c.foreignNationalities),
      homeProvince: by((c) => c.homeProvinces),
      mediatorKind: by((c) => c.mediatorKinds, MEDIATOR_KINDS),
      language: by((c) => c.languages),
      // A one-month period's month is the period itself.
      month: monthsOf(period).map(({ month, period: p }) => ({
        key: month,
        ...(p.from === period.from && p.to === period.to
          ? sumContributions(contributions)
          : measure(cases, p)),
      })),
    },
  };
}
