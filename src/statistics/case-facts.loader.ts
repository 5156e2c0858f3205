import { Injectable } from '@nestjs/common';
import { DataSource, In, SelectQueryBuilder } from 'typeorm';
import { Agreement, AgreementVersion } from '../agreements/agreement.entity';
import { DataScope } from '../auth/authenticated-user';
import { applyCaseScope } from '../cases/case-scope';
import { MediationCase } from '../cases/mediation-case.entity';
import { provinceCodeOf } from '../reference/administrative-divisions';
import { CaseFacts, OUTCOME_STATES, OutcomeState } from './case-facts';
import { ReportPeriod } from './statistics-period';

/** Narrowing within the caller's scope: one station, or the stations of a county (or prefix). */
export interface ScopeNarrowing {
  stationId?: string;
  countyCode?: string;
}

/** Cases per detail query: few round trips, within SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 5000;

const parseJson = <T>(value: unknown, fallback: T): T => {
  if (typeof value !== 'string') return (value as T) ?? fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
};

/** Restricts a mediation_case query (alias c) to the caller's scope, then to the narrowing. */
export function scopedCases(
  query: SelectQueryBuilder<MediationCase>,
  scope: DataScope,
  narrowing: ScopeNarrowing,
): SelectQueryBuilder<MediationCase> {
  applyCaseScope(query, scope, 'c');
  if (narrowing.stationId)
    query.andWhere('c.station_id = :narrowStation', { narrowStation: narrowing.stationId });
  if (narrowing.countyCode)
    query.andWhere(
      'EXISTS (SELECT 1 FROM station narrow_s WHERE narrow_s.id = c.station_id AND narrow_s.county_code LIKE :narrowRegion)',
      { narrowRegion: `${narrowing.countyCode.replace(/(00)+$/, '')}%` },
    );
  return query;
}

/** States a case is in until it reaches an outcome (the lifecycle only moves forward). */
const OPEN_STATES = ['registered', 'accepted', 'mediating'];
/** The transitions the facts read: acceptance, outcomes, performance. */
const FACT_STATES = ['accepted', ...OUTCOME_STATES, 'performed', 'not_performed'];

interface CaseRow {
  id: string;
  stationId: string;
  source: CaseFacts['source'];
  disputeType: CaseFacts['disputeType'];
  riskOfEscalation: unknown;
  personsAtRisk: unknown;
  amountMinor: unknown;
  currency: string | null;
}

/** SQLite gives "YYYY-MM-DD HH:MM:SS.SSS" (UTC) for a datetime, PostgreSQL a Date. */
export function instant(value: unknown): Date {
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

/**
 * Loads the facts of every case the period's figures can depend on: a state change, an
 * agreement taking effect or a confirmation application within the period, or acceptance
 * before its end without an outcome before its start (pending). Scope is applied in the SQL.
 *
 * The period's own events are read by range from the indexes of 1764600000000-statistics-indexes.
 * Cases pending since before the period are found among the cases still open today and those
 * whose outcome came after the period's start (a case can only be pending at a start it has no
 * outcome before), then kept only when their timeline says they were pending.
 */
@Injectable()
export class CaseFactsLoader {
  constructor(private readonly dataSource: DataSource) {}

  async load(
    period: ReportPeriod,
    scope: DataScope,
    narrowing: ScopeNarrowing,
  ): Promise<CaseFacts[]> {
    const params = {
      start: period.start,
      end: period.end,
      fromDay: period.from,
      toDay: period.to,
      outcomes: [...OUTCOME_STATES],
      openStates: OPEN_STATES,
    };
    const inPeriod = await this.cases(
      `c.id IN (SELECT t.case_id FROM case_transition t WHERE t.at >= :start AND t.at < :end AND t.event = 'state_changed'
                UNION SELECT ag.case_id FROM agreement ag JOIN agreement_version av ON av.agreement_id = ag.id AND av.version = ag.current_version
                      WHERE av.state = 'effective' AND av.effective_at >= :start AND av.effective_at < :end
                UNION SELECT ac.case_id FROM agreement ac WHERE ac.confirmation_applied_on >= :fromDay AND ac.confirmation_applied_on <= :toDay)`,
      params,
      scope,
      narrowing,
    );
    const seen = new Set(inPeriod.map((c) => c.id));
    // Pending through the period without an event in it: no outcome before the start, and none
    // in the period either (that would be an event), so no outcome yet or one after the end.
    const maybePending: CaseRow[] = [];
    // Both accepted before the start (read from the index alone): acceptance in the period is an
    // event of the period.
    const acceptedBefore = (alias: string) =>
      `EXISTS (SELECT 1 FROM case_transition ${alias} WHERE ${alias}.case_id = c.id AND ${alias}.event = 'state_changed' AND ${alias}.to_state = 'accepted' AND ${alias}.at < :start)`;
    for (const where of [
      `c.state IN (:...openStates) AND ${acceptedBefore('a1')}`,
      `c.id IN (SELECT o.case_id FROM case_transition o WHERE o.to_state IN (:...outcomes) AND o.event = 'state_changed' AND o.at >= :end) AND ${acceptedBefore('a2')}`,
    ])
      for (const c of await this.cases(where, params, scope, narrowing))
        if (!seen.has(c.id)) {
          seen.add(c.id);
          maybePending.push(c);
        }

    const facts: CaseFacts[] = [];
    for (let i = 0; i < inPeriod.length; i += CHUNK)
      facts.push(...(await this.detail(inPeriod.slice(i, i + CHUNK))));
    // Without an event in the period a case counts only when it was pending through it.
    const pending = (acceptedAt?: Date, outcomeAt?: Date) =>
      !!acceptedAt && acceptedAt < period.end && !(outcomeAt && outcomeAt < period.start);
    for (let i = 0; i < maybePending.length; i += CHUNK) {
      const chunk = maybePending.slice(i, i + CHUNK);
      const transitions = await this.transitions(chunk.map((c) => c.id));
      const kept = chunk.filter((c) => {
        const steps = transitions.get(c.id) ?? [];
        const accepted = steps.find((s) => s.toState === 'accepted');
        const outcome = steps.find((s) =>
          (OUTCOME_STATES as readonly string[]).includes(s.toState),
        );
        return pending(accepted?.at, outcome?.at);
      });
      if (kept.length) facts.push(...(await this.detail(kept, transitions)));
    }
    return facts;
  }

  private cases(
    where: string,
    params: Record<string, unknown>,
    scope: DataScope,
    narrowing: ScopeNarrowing,
  ): Promise<CaseRow[]> {
    const query = this.dataSource
      .getRepository(MediationCase)
      .createQueryBuilder('c')
      .select('c.id', 'id')
      .addSelect('c.station_id', 'stationId')
      .addSelect('c.source', 'source')
      .addSelect('c.dispute_type', 'disputeType')
      .addSelect('c.risk_of_escalation', 'riskOfEscalation')
      .addSelect('c.persons_at_risk', 'personsAtRisk')
      .addSelect('c.amount_minor', 'amountMinor')
      .addSelect('c.currency', 'currency')
      .where(where, params);
    return scopedCases(query, scope, narrowing).getRawMany<CaseRow>();
  }

  /**
   * The first acceptance, outcome and performance of each case, in time order: the earliest
   * instant per state, read from the (case, event, state, instant) index alone.
   */
  private async transitions(ids: string[]): Promise<Map<string, { toState: string; at: Date }[]>> {
    const rows: { caseId: string; toState: string; at: unknown }[] = await this.dataSource
      .createQueryBuilder()
      .select('t.case_id', 'caseId')
      .addSelect('t.to_state', 'toState')
      .addSelect('MIN(t.at)', 'at')
      .from('case_transition', 't')
      .where("t.case_id IN (:...ids) AND t.event = 'state_changed'", { ids })
      .groupBy('t.case_id')
      .addGroupBy('t.to_state')
      .getRawMany();
    const byCase = new Map<string, { toState: string; at: Date }[]>();
    for (const row of rows) {
      if (!FACT_STATES.includes(row.toState)) continue;
      const list = byCase.get(row.caseId) ?? [];
      list.push({ toState: row.toState, at: instant(row.at) });
      byCase.set(row.caseId, list);
    }
    for (const list of byCase.values()) list.sort((a, b) => a.at.getTime() - b.at.getTime());
    return byCase;
  }

  private async detail(
    cases: CaseRow[],
    known?: Map<string, { toState: string; at: Date }[]>,
  ): Promise<CaseFacts[]> {
    const ids = cases.map((c) => c.id);
    const manager = this.dataSource.manager;
    const transitionsOf = known ?? (await this.transitions(ids));
    const parties: {
      caseId: string;
      nationality: string;
      homeRegion: string | null;
      languages: unknown;
    }[] = await manager
      .createQueryBuilder()
      .select('cp.case_id', 'caseId')
      .addSelect('p.nationality', 'nationality')
      .addSelect('p.home_region_code', 'homeRegion')
      .addSelect('p.preferred_languages', 'languages')
      .from('case_party', 'cp')
      .innerJoin('person', 'p', 'p.id = cp.person_id')
      .where('cp.case_id IN (:...ids)', { ids })
      .orderBy('cp.case_id', 'ASC')
      .addOrderBy('cp.position', 'ASC')
      .getRawMany();
    const panel: { caseId: string; kind: string }[] = await manager
      .createQueryBuilder()
      .select('pm.case_id', 'caseId')
      .addSelect('m.kind', 'kind')
      .from('panel_member', 'pm')
      .innerJoin('mediator', 'm', 'm.id = pm.mediator_id')
      .where('pm.case_id IN (:...ids) AND pm.removed_at IS NULL', { ids })
      .getRawMany();
    const sessions: { caseId: string; languages: unknown }[] = await manager
      .createQueryBuilder()
      .select('s.case_id', 'caseId')
      .addSelect('s.languages', 'languages')
      .from('mediation_session', 's')
      .where("s.case_id IN (:...ids) AND s.status <> 'cancelled'", { ids })
      .orderBy('s.case_id', 'ASC')
      .addOrderBy('s.number', 'ASC')
      .getRawMany();
    const agreements = await manager.getRepository(Agreement).find({ where: { caseId: In(ids) } });
    const versions = agreements.length
      ? await manager.getRepository(AgreementVersion).find({
          select: { agreementId: true, version: true, effectiveAt: true, amounts: true },
          where: { agreementId: In(agreements.map((a) => a.id)), state: 'effective' },
        })
      : [];

    const byCase = <T extends { caseId: string }>(rows: T[]) => {
      const map = new Map<string, T[]>();
      for (const row of rows) {
        const list = map.get(row.caseId);
        if (list) list.push(row);
        else map.set(row.caseId, [row]);
      }
      return map;
    };
    const partiesOf = byCase(parties);
    const panelOf = byCase(panel);
    const sessionsOf = byCase(sessions);
    const agreementOf = new Map(agreements.map((a) => [a.caseId, a]));

    return cases.map((c) => {
      const steps = transitionsOf.get(c.id) ?? [];
      const first = (states: readonly string[]) => steps.find((s) => states.includes(s.toState));
      const accepted = first(['accepted']);
      const outcome = first(OUTCOME_STATES);
      const performance = first(['performed', 'not_performed']);
      const people = partiesOf.get(c.id) ?? [];
      const sessionLanguages = (sessionsOf.get(c.id) ?? []).flatMap((s) =>
        parseJson<string[]>(s.languages, []),
      );
      const partyLanguages = people
        .map((p) => parseJson<string[]>(p.languages, [])[0])
        .filter((l): l is string => !!l);
      const agreement = agreementOf.get(c.id);
      const effective = agreement
        ? versions.find(
            (v) => v.agreementId === agreement.id && v.version === agreement.currentVersion,
          )
        : undefined;
      return {
        id: c.id,
        stationId: c.stationId,
        source: c.source,
        disputeType: c.disputeType,
        riskOfEscalation: c.riskOfEscalation === true || Number(c.riskOfEscalation) === 1,
        personsAtRisk: Number(c.personsAtRisk ?? 0),
        amount:
          c.amountMinor !== null && c.amountMinor !== undefined && c.currency
            ? { currency: c.currency, amountMinor: BigInt(String(c.amountMinor)) }
            : null,
        acceptedAt: accepted?.at ?? null,
        outcome: outcome ? { state: outcome.toState as OutcomeState, at: outcome.at } : null,
        performance: performance
          ? { state: performance.toState as 'performed' | 'not_performed', at: performance.at }
          : null,
        foreignNationalities: [
          ...new Set(people.map((p) => p.nationality).filter((n) => n && n !== 'CN')),
        ],
        homeProvinces: [
          ...new Set(people.filter((p) => p.homeRegion).map((p) => provinceCodeOf(p.homeRegion!))),
        ],
        mediatorKinds: [...new Set((panelOf.get(c.id) ?? []).map((m) => m.kind))],
        languages: [...new Set(sessionLanguages.length ? sessionLanguages : partyLanguages)],
        effectiveAgreement: effective?.effectiveAt
          ? {
              effectiveAt: effective.effectiveAt,
              amounts: effective.amounts.map((a) => ({
                currency: a.currency,
                amountMinor: BigInt(a.amountMinor),
              })),
            }
          : null,
        confirmationAppliedOn: agreement?.confirmationAppliedOn ?? null,
      };
    });
  }
}
