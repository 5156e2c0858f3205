/*
 * The pure aggregation behind every statistics output (JSON, CSV, XLSX, PDF). It takes case
 * facts and a period and applies the definitions (README, "Statistics definitions"); nothing here touches the
 * database, so the scenario specs can check hand-computed figures.
 */
import { CASE_SOURCES } from '../cases/mediation-case.entity';
import { MEDIATION_TIME_LIMIT_DAYS } from '../cases/case-lifecycle';
import { MEDIATOR_KINDS } from '../mediators/mediator.entity';
import { DISPUTE_TYPES } from '../reference/dispute-types';
import { CaseFacts, MoneyAmount } from './case-facts';
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
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
}

const round = (value: number | null, digits: number) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/** The measures of a set of cases over one period (README, "Statistics definitions"). */
export function measure(cases: readonly CaseFacts[], reportPeriod: ReportPeriod): Measures {
  const period = spanOf(reportPeriod);
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
  const overdueAfter = MEDIATION_TIME_LIMIT_DAYS * DAY_MS;

  for (const c of cases) {
    if (within(c.acceptedAt, period)) {
      m.accepted++;
      if (c.amount) inDispute.push(c.amount);
    }
    const outcome = c.outcome && within(c.outcome.at, period) ? c.outcome : null;
    const acceptedAt = c.acceptedAt ? c.acceptedAt.getTime() : null;
    if (outcome) {
      switch (outcome.state) {
        case 'agreement_reached':
          m.settled++;
          if (c.riskOfEscalation) {
            m.keptFromCriminalCases++;
            m.keptFromCriminalPersons += c.personsAtRisk;
          }
          break;
        case 'terminated':
          m.terminated++;
          break;
        case 'withdrawn':
          m.withdrawn++;
          break;
        case 'refused':
          m.refused++;
          break;
        case 'declined':
          m.declined++;
          break;
      }
      const outcomeAt = outcome.at.getTime();
      if (acceptedAt !== null && acceptedAt <= outcomeAt)
        days.push((outcomeAt - acceptedAt) / DAY_MS);
    }
    const pending =
      acceptedAt !== null &&
      acceptedAt < period.end &&
      !(c.outcome && c.outcome.at.getTime() < period.end);
    if (pending) {
      m.pendingAtEnd++;
      if (period.end - acceptedAt > overdueAfter) m.overdueAtEnd++;
    }
    if (c.performance && within(c.performance.at, period)) {
      if (c.performance.state === 'performed') m.performed++;
      else m.notPerformed++;
    }
    if (c.effectiveAgreement && within(c.effectiveAgreement.effectiveAt, period))
      covered.push(...c.effectiveAgreement.amounts);
    if (
      c.confirmationAppliedOn &&
      c.confirmationAppliedOn >= reportPeriod.from &&
      c.confirmationAppliedOn <= reportPeriod.to
    )
      m.confirmationsApplied++;
  }
  const decided = m.settled + m.terminated;
  return {
    ...m,
    successRate: decided === 0 ? null : round(m.settled / decided, 4),
    outcomesTimed: days.length,
    medianDaysToOutcome: round(median(days), 1),
    p90DaysToOutcome: round(percentile(days, 90), 1),
    moneyInDispute: sumMoney(inDispute),
    moneyCovered: sumMoney(covered),
  };
}

/** Groups cases by one or more keys each; a case with several keys counts in each group. */
function grouped(
  cases: readonly CaseFacts[],
  period: ReportPeriod,
  keysOf: (c: CaseFacts) => readonly string[],
  fixedKeys: readonly string[] = [],
): BreakdownRow[] {
  const groups = new Map<string, CaseFacts[]>(fixedKeys.map((k) => [k, []]));
  for (const c of cases)
    for (const key of new Set(keysOf(c))) {
      const list = groups.get(key) ?? [];
      list.push(c);
      groups.set(key, list);
    }
  const rows = [...groups.entries()].map(([key, list]) => ({ key, ...measure(list, period) }));
  // Fixed lists keep the official order; open lists go by cases accepted, then by code.
  if (fixedKeys.length === 0)
    rows.sort((a, b) => b.accepted - a.accepted || a.key.localeCompare(b.key));
  return rows;
}

export function buildReport(cases: readonly CaseFacts[], period: ReportPeriod): StatisticsReport {
  return {
    period,
    totals: measure(cases, period),
    breakdowns: {
      disputeType: grouped(cases, period, (c) => [c.disputeType], DISPUTE_TYPES),
      source: grouped(cases, period, (c) => [c.source], CASE_SOURCES),
      station: grouped(cases, period, (c) => [c.stationId]),
      nationality: grouped(cases, period, (c) => c.foreignNationalities),
      homeProvince: grouped(cases, period, (c) => c.homeProvinces),
      mediatorKind: grouped(cases, period, (c) => c.mediatorKinds, MEDIATOR_KINDS),
      language: grouped(cases, period, (c) => c.languages),
      month: monthsOf(period).map(({ month, period: p }) => ({ key: month, ...measure(cases, p) })),
    },
  };
}
