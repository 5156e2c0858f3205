import { EntityManager, In } from 'typeorm';
import { CaseParty } from '../cases/case-party.entity';
import { MediationCase } from '../cases/mediation-case.entity';
import { Organisation } from '../cases/organisation.entity';
import { Person } from '../cases/person.entity';
import { MediatorConflict } from '../mediators/mediator-conflict.entity';
import { MediatorLeave } from '../mediators/mediator-leave.entity';
import { MediatorStation } from '../mediators/mediator-station.entity';
import { Mediator } from '../mediators/mediator.entity';
import { CaseMediatorChoice } from './case-mediator-choice.entity';
import {
  CandidateMediator,
  CaseExclusionKind,
  MatchCase,
  MatchParty,
  PanelRole,
} from './match-types';
import { PanelMember } from './panel-member.entity';

/** The same facts for named mediators (a nominee, a chosen panel), with all their stations. */
export async function loadCandidatesById(
  manager: EntityManager,
  ids: string[],
  date: string,
): Promise<CandidateMediator[]> {
  if (!ids.length) return [];
  const mediators = await manager.getRepository(Mediator).find({ where: { id: In(ids) } });
  const stations = new Map<string, string[]>();
  for (const row of await manager
    .getRepository(MediatorStation)
    .find({ where: { mediatorId: In(ids) } }))
    stations.set(row.mediatorId, [...(stations.get(row.mediatorId) ?? []), row.stationId]);
  const leaves = await manager
    .getRepository(MediatorLeave)
    .createQueryBuilder('l')
    .where('l.mediator_id IN (:...ids) AND l.ends_on >= :date AND l.starts_on <= :date', {
      ids,
      date,
    })
    .getMany();
  const conflicts = await manager
    .getRepository(MediatorConflict)
    .find({ where: { mediatorId: In(ids) } });
  return assemble(mediators, stations, leaves, conflicts);
}

function assemble(
  mediators: Mediator[],
  stations: Map<string, string[]>,
  leaves: MediatorLeave[],
  conflicts: MediatorConflict[],
): CandidateMediator[] {
  const group = <T extends { mediatorId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.mediatorId, [...(map.get(row.mediatorId) ?? []), row]);
    return map;
  };
  const leavesOf = group(leaves);
  const conflictsOf = group(conflicts);
  return mediators.map((m) => ({
    id: m.id,
    kind: m.kind,
    roles: m.roles,
    displayName: m.nameOriginal,
    nameLatin: m.nameLatin,
    nameZh: m.nameZh,
    nationality: m.nationality,
    languages: m.languages,
    homeRegionCode: m.homeRegionCode,
    dialects: m.dialects,
    specialties: m.specialties,
    stationIds: stations.get(m.id) ?? [],
    capacity: m.capacity,
    status: m.status,
    leavePeriods: (leavesOf.get(m.id) ?? []).map((l) => ({
      startsOn: l.startsOn,
      endsOn: l.endsOn,
    })),
    conflicts: (conflictsOf.get(m.id) ?? []).map((c) => ({
      kind: c.kind,
      name: c.name,
      creditCode: c.creditCode,
      organisationId: c.organisationId,
      personId: c.personId,
      relation: c.relation,
    })),
    activeCaseCount: m.activeCaseCount,
  }));
}

/** What matchPartyOf reads of a party: its person or organisation, as entities or as read raw. */
export interface PartyToMatch {
  id: string;
  role: CaseParty['role'];
  person?: Pick<
    Person,
    | 'id'
    | 'nameOriginal'
    | 'nameLatin'
    | 'nameZh'
    | 'nationality'
    | 'homeRegionCode'
    | 'dialects'
    | 'preferredLanguages'
  > | null;
  organisation?: Pick<
    Organisation,
    'id' | 'nameOriginal' | 'nameLatin' | 'nameZh' | 'country' | 'creditCode'
  > | null;
}

/** A party as the matcher sees it; an organisation registered in China is addressed in Chinese. */
export function matchPartyOf(party: PartyToMatch): MatchParty {
  const person = party.person;
  const organisation = party.organisation;
  return {
    partyId: party.id,
    role: party.role,
    displayName: person?.nameOriginal ?? organisation?.nameOriginal ?? '',
    nameLatin: person?.nameLatin ?? organisation?.nameLatin ?? null,
    nameZh: person?.nameZh ?? organisation?.nameZh ?? null,
    kind: person ? 'person' : 'organisation',
    nationality: person?.nationality ?? organisation?.country ?? null,
    homeRegionCode: person?.homeRegionCode ?? null,
    dialects: person?.dialects ?? [],
    languages: person ? person.preferredLanguages : organisation?.country === 'CN' ? ['zh-CN'] : [],
    personId: person?.id ?? null,
    organisationId: organisation?.id ?? null,
    organisationName: organisation?.nameOriginal ?? null,
    creditCode: organisation?.creditCode ?? null,
    relatedPersonIds: [],
  };
}

/** The case, its parties' choices and its current panel, for the matcher. */
export async function loadMatchCase(
  manager: EntityManager,
  mediationCase: MediationCase,
  date: string,
): Promise<{ match: MatchCase; panel: PanelMember[] }> {
  const choices = await manager
    .getRepository(CaseMediatorChoice)
    .find({ where: { caseId: mediationCase.id }, order: { at: 'ASC' } });
  const panel = await manager
    .getRepository(PanelMember)
    .createQueryBuilder('pm')
    .where('pm.case_id = :caseId AND pm.removed_at IS NULL', { caseId: mediationCase.id })
    .orderBy('pm.assigned_at', 'ASC')
    .getMany();
  return { match: matchCaseOf(matchCaseFactsOf(mediationCase), choices, panel, date), panel };
}

/** What the matcher needs of a case itself; its parties already as the matcher sees them. */
export interface MatchCaseFacts {
  id: string;
  stationId: string;
  disputeType: MatchCase['disputeType'];
  parties: MatchParty[];
}

/** A loaded case's facts, its parties in their order. */
export function matchCaseFactsOf(mediationCase: MediationCase): MatchCaseFacts {
  return {
    id: mediationCase.id,
    stationId: mediationCase.stationId,
    disputeType: mediationCase.disputeType,
    parties: [...(mediationCase.parties ?? [])]
      .sort((a, b) => a.position - b.position)
      .map(matchPartyOf),
  };
}

/** The case as the matcher sees it, from its choices (in time order) and its current panel. */
export function matchCaseOf(
  facts: MatchCaseFacts,
  choices: { mediatorId: string; kind: string; partyId: string | null }[],
  panel: { mediatorId: string; role: PanelRole }[],
  date: string,
): MatchCase {
  return {
    caseId: facts.id,
    stationId: facts.stationId,
    disputeType: facts.disputeType,
    parties: facts.parties,
    excluded: choices
      .filter((c) => c.kind !== 'nominated')
      .map((c) => ({
        mediatorId: c.mediatorId,
        kind: c.kind as CaseExclusionKind,
        partyId: c.partyId,
      })),
    nominations: choices
      .filter((c) => c.kind === 'nominated' && c.partyId)
      .map((c) => ({ mediatorId: c.mediatorId, partyId: c.partyId! })),
    currentPanel: panel.map((p) => ({ mediatorId: p.mediatorId, role: p.role })),
    date,
  };
}
