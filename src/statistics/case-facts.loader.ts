import { Injectable } from '@nestjs/common';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DataScope } from '../auth/authenticated-user';
import { applyCaseScope } from '../cases/case-scope';
import { CaseFacts, MoneyAmount, OutcomeState } from './case-facts';
import { LIST_SEPARATOR } from './case-statistics-row';
import { ReportPeriod } from './statistics-period';

/** Narrowing within the caller's scope: one station, or the stations of a county (or prefix). */
export interface ScopeNarrowing {
  stationId?: string;
  countyCode?: string;
}

/**
 * Restricts a query over cases (mediation_case, or case_statistics whose id is the case's; alias
 * `alias`) to the caller's scope, then to the narrowing.
 */
export function scopedCases<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  scope: DataScope,
  narrowing: ScopeNarrowing,
  alias = 'c',
): SelectQueryBuilder<T> {
  applyCaseScope(query, scope, alias);
  if (narrowing.stationId)
    query.andWhere(`${alias}.station_id = :narrowStation`, {
      narrowStation: narrowing.stationId,
    });
  if (narrowing.countyCode)
    query.andWhere(
      `EXISTS (SELECT 1 FROM station narrow_s WHERE narrow_s.id = ${alias}.station_id AND narrow_s.county_code LIKE :narrowRegion)`,
      { narrowRegion: `${narrowing.countyCode.replace(/(00)+$/, '')}%` },
    );
  return query;
}

/** SQLite gives "YYYY-MM-DD HH:MM:SS.SSS" (UTC) for a datetime, PostgreSQL a Date. */
export function instant(value: unknown): Date {
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

/**
 * The conditions under which a case's figures depend on a period, each read by range from an
 * index of case_statistics (1764900000000-case-statistics): an acceptance, outcome, performance,
 * effective agreement or confirmation application within it, or pending at its end (accepted
 * before the end, with no outcome or one at or after the end).
 */
const PERIOD_CONDITIONS = [
  's.accepted_at >= :start AND s.accepted_at < :end',
  's.outcome_at >= :start AND s.outcome_at < :end',
  's.performance_at >= :start AND s.performance_at < :end',
  's.agreement_effective_at >= :start AND s.agreement_effective_at < :end',
  's.confirmation_applied_on >= :fromDay AND s.confirmation_applied_on <= :toDay',
  's.outcome_at IS NULL AND s.accepted_at < :end',
  's.outcome_at >= :end AND s.accepted_at < :end',
];

interface StatisticsRow {
  id: string;
  stationId: string;
  source: CaseFacts['source'];
  disputeType: CaseFacts['disputeType'];
  risk: unknown;
  personsAtRisk: unknown;
  amountMinor: unknown;
  currency: string | null;
  acceptedAt: unknown;
  outcomeState: OutcomeState | null;
  outcomeAt: unknown;
  performanceState: 'performed' | 'not_performed' | null;
  performanceAt: unknown;
  nationalities: string | null;
  homeProvinces: string | null;
  mediatorKinds: string | null;
  languages: string | null;
  effectiveAt: unknown;
  amounts: string | null;
  confirmationAppliedOn: string | null;
}

const list = (value: string | null): string[] =>
  value ? value.split(LIST_SEPARATOR).filter(Boolean) : [];

/** A statistics row as the facts the report is built from. */
export function factsOf(row: StatisticsRow): CaseFacts {
  const amounts = row.amounts
    ? (JSON.parse(row.amounts) as { currency: string; amountMinor: string | number }[])
    : [];
  return {
    id: row.id,
    stationId: row.stationId,
    source: row.source,
    disputeType: row.disputeType,
    riskOfEscalation: row.risk === true || Number(row.risk) === 1,
    personsAtRisk: Number(row.personsAtRisk ?? 0),
    amount:
      row.amountMinor !== null && row.amountMinor !== undefined && row.currency
        ? { currency: row.currency, amountMinor: BigInt(String(row.amountMinor)) }
        : null,
    acceptedAt: row.acceptedAt ? instant(row.acceptedAt) : null,
    outcome:
      row.outcomeState && row.outcomeAt
        ? { state: row.outcomeState, at: instant(row.outcomeAt) }
        : null,
    performance:
      row.performanceState && row.performanceAt
        ? { state: row.performanceState, at: instant(row.performanceAt) }
        : null,
    foreignNationalities: list(row.nationalities),
    homeProvinces: list(row.homeProvinces),
    mediatorKinds: list(row.mediatorKinds),
    languages: list(row.languages),
    effectiveAgreement: row.effectiveAt
      ? {
          effectiveAt: instant(row.effectiveAt),
          amounts: amounts.map(
            (a): MoneyAmount => ({ currency: a.currency, amountMinor: BigInt(a.amountMinor) }),
          ),
        }
      : null,
    confirmationAppliedOn: row.confirmationAppliedOn
      ? String(row.confirmationAppliedOn).slice(0, 10)
      : null,
  };
}

/**
 * Loads the facts of every case in the caller's scope that the period's figures can depend on,
 * from the cases' statistics rows (case-statistics-row.ts): one indexed range query per way a
 * case can matter to the period, merged by case.
 */
@Injectable()
export class CaseFactsLoader {
  constructor(private readonly dataSource: DataSource) {}

  async load(
    period: ReportPeriod,
    scope: DataScope,
    narrowing: ScopeNarrowing,
  ): Promise<CaseFacts[]> {
    const params = { start: period.start, end: period.end, fromDay: period.from, toDay: period.to };
    const facts = new Map<string, CaseFacts>();
    for (const condition of PERIOD_CONDITIONS) {
      const query = this.dataSource
        .createQueryBuilder()
        .from('case_statistics', 's')
        .select('s.id', 'id')
        .addSelect('s.station_id', 'stationId')
        .addSelect('s.source', 'source')
        .addSelect('s.dispute_type', 'disputeType')
        .addSelect('s.risk_of_escalation', 'risk')
        .addSelect('s.persons_at_risk', 'personsAtRisk')
        .addSelect('s.amount_minor', 'amountMinor')
        .addSelect('s.currency', 'currency')
        .addSelect('s.accepted_at', 'acceptedAt')
        .addSelect('s.outcome_state', 'outcomeState')
        .addSelect('s.outcome_at', 'outcomeAt')
        .addSelect('s.performance_state', 'performanceState')
        .addSelect('s.performance_at', 'performanceAt')
        .addSelect('s.nationalities', 'nationalities')
        .addSelect('s.home_provinces', 'homeProvinces')
        .addSelect('s.mediator_kinds', 'mediatorKinds')
        .addSelect('s.languages', 'languages')
        .addSelect('s.agreement_effective_at', 'effectiveAt')
        .addSelect('s.agreement_amounts', 'amounts')
        .addSelect('CAST(s.confirmation_applied_on AS VARCHAR(10))', 'confirmationAppliedOn')
        .where(condition, params);
      for (const row of await scopedCases(query, scope, narrowing, 's').getRawMany<StatisticsRow>())
        if (!facts.has(row.id)) facts.set(row.id, factsOf(row));
    }
    return [...facts.values()];
  }
}
