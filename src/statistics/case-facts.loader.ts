import { Injectable } from '@nestjs/common';
import { DataSource, In, SelectQueryBuilder } from 'typeorm';
import { Agreement, AgreementVersion } from '../agreements/agreement.entity';
import { DataScope } from '../auth/authenticated-user';
import { CaseTransition } from '../cases/case-transition.entity';
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

const CHUNK = 500;

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

/**
 * Loads the facts of every case the period's figures can depend on: a state change, an
 * agreement taking effect or a confirmation application within the period, or acceptance
 * before its end without an outcome before its start (pending). Scope is applied in the SQL.
 */
@Injectable()
export class CaseFactsLoader {
  constructor(private readonly dataSource: DataSource) {}

  async load(
    period: ReportPeriod,
    scope: DataScope,
    narrowing: ScopeNarrowing,
  ): Promise<CaseFacts[]> {
    const query = this.dataSource
      .getRepository(MediationCase)
      .createQueryBuilder('c')
      .select([
        'c.id',
        'c.stationId',
        'c.source',
        'c.disputeType',
        'c.riskOfEscalation',
        'c.personsAtRisk',
        'c.amountMinor',
        'c.currency',
      ])
      .where(
        `(EXISTS (SELECT 1 FROM case_transition rt WHERE rt.case_id = c.id AND rt.event = 'state_changed' AND rt.at >= :start AND rt.at < :end)
          OR (EXISTS (SELECT 1 FROM case_transition ra WHERE ra.case_id = c.id AND ra.event = 'state_changed' AND ra.to_state = 'accepted' AND ra.at < :end)
              AND NOT EXISTS (SELECT 1 FROM case_transition ro WHERE ro.case_id = c.id AND ro.event = 'state_changed' AND ro.to_state IN (:...outcomes) AND ro.at < :start))
          OR EXISTS (SELECT 1 FROM agreement ag JOIN agreement_version av ON av.agreement_id = ag.id AND av.version = ag.current_version
                     WHERE ag.case_id = c.id AND av.state = 'effective' AND av.effective_at >= :start AND av.effective_at < :end)
          OR EXISTS (SELECT 1 FROM agreement ac WHERE ac.case_id = c.id AND ac.confirmation_applied_on >= :fromDay AND ac.confirmation_applied_on <= :toDay))`,
        {
          start: period.start,
          end: period.end,
          fromDay: period.from,
          toDay: period.to,
          outcomes: [...OUTCOME_STATES],
        },
      );
    const cases = await scopedCases(query, scope, narrowing).getMany();
    const facts: CaseFacts[] = [];
    for (let i = 0; i < cases.length; i += CHUNK)
      facts.push(...(await this.detail(cases.slice(i, i + CHUNK))));
    return facts;
  }

  private async detail(cases: MediationCase[]): Promise<CaseFacts[]> {
    const ids = cases.map((c) => c.id);
    const manager = this.dataSource.manager;
    const transitions = await manager.getRepository(CaseTransition).find({
      select: { caseId: true, toState: true, at: true, ordinal: true },
      where: { caseId: In(ids), event: 'state_changed' },
      order: { at: 'ASC', ordinal: 'ASC' },
    });
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
      .orderBy('cp.position', 'ASC')
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
      .orderBy('s.number', 'ASC')
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
      for (const row of rows) map.set(row.caseId, [...(map.get(row.caseId) ?? []), row]);
      return map;
    };
    const transitionsOf = byCase(transitions);
    const partiesOf = byCase(parties);
    const panelOf = byCase(panel);
    const sessionsOf = byCase(sessions);
    const agreementOf = new Map(agreements.map((a) => [a.caseId, a]));

    return cases.map((c) => {
      const steps = transitionsOf.get(c.id) ?? [];
      const first = (states: readonly string[]) => steps.find((s) => states.includes(s.toState!));
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
        riskOfEscalation: !!c.riskOfEscalation,
        personsAtRisk: Number(c.personsAtRisk ?? 0),
        amount:
          c.amountMinor !== null && c.currency
            ? { currency: c.currency, amountMinor: c.amountMinor }
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
