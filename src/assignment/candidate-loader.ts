import { EntityManager, In } from 'typeorm';
import { CaseParty } from '../cases/case-party.entity';
import { MediationCase } from '../cases/mediation-case.entity';
import { ConflictKind, MediatorConflict } from '../mediators/mediator-conflict.entity';
import { MediatorLeave } from '../mediators/mediator-leave.entity';
import { MediatorStation } from '../mediators/mediator-station.entity';
import { Mediator, MediatorKind, MediatorStatus } from '../mediators/mediator.entity';
import { CaseMediatorChoice } from './case-mediator-choice.entity';
import { CandidateMediator, MatchCase, MatchParty } from './match-types';
import { PanelMember } from './panel-member.entity';

/**
 * Loads what the matcher needs with a fixed number of queries, whatever the number of mediators:
 * the station's active mediators (one indexed join), their current leave, their declared
 * conflicts (one query each); active case counts are stored on the mediator. Never one query per
 * mediator. Runs on every suggestion for ~300 mediators, so it reads plain rows of the columns
 * the matcher uses rather than hydrating entities, and parses each distinct JSON text once.
 */
export async function loadStationCandidates(
  manager: EntityManager,
  stationId: string,
  date: string,
): Promise<CandidateMediator[]> {
  const rows = await rawRows<StationMediatorRow>(
    manager,
    `SELECT m.id, m.kind, m.roles, m.name_original, m.name_latin, m.name_zh, m.nationality,
       m.languages, m.home_region_code, m.dialects, m.specialties, m.capacity, m.status,
       m.active_case_count
     FROM mediator m
     INNER JOIN mediator_station ms ON ms.mediator_id = m.id AND ms.station_id = :stationId
     WHERE m.status = :active
     ORDER BY ms.mediator_id`,
    { stationId, active: 'active' },
  );
  const leaves = await rawRows<{ mediator_id: string; starts_on: unknown; ends_on: unknown }>(
    manager,
    `SELECT l.mediator_id, l.starts_on, l.ends_on
     FROM mediator_leave l
     INNER JOIN mediator_station ms ON ms.mediator_id = l.mediator_id AND ms.station_id = :stationId
     WHERE l.ends_on >= :date AND l.starts_on <= :date`,
    { stationId, date },
  );
  const conflicts = await rawRows<ConflictRow>(
    manager,
    `SELECT x.mediator_id, x.kind, x.name, x.credit_code, x.organisation_id, x.person_id, x.relation
     FROM mediator_conflict x
     INNER JOIN mediator_station ms ON ms.mediator_id = x.mediator_id AND ms.station_id = :stationId`,
    { stationId },
  );
  const leavesOf = groupBy(leaves, (l) => ({
    startsOn: dateString(l.starts_on),
    endsOn: dateString(l.ends_on),
  }));
  const conflictsOf = groupBy(conflicts, (c) => ({
    kind: c.kind,
    name: c.name,
    creditCode: c.credit_code,
    organisationId: c.organisation_id,
    personId: c.person_id,
    relation: c.relation,
  }));
  const stationIds = [stationId];
  return rows.map((m) => ({
    id: m.id,
    kind: m.kind,
    roles: parsedJson(m.roles),
    displayName: m.name_original,
    nameLatin: m.name_latin,
    nameZh: m.name_zh,
    nationality: m.nationality,
    languages: parsedJson(m.languages),
    homeRegionCode: m.home_region_code,
    dialects: parsedJson(m.dialects),
    specialties: parsedJson(m.specialties),
    stationIds,
    capacity: Number(m.capacity),
    status: m.status,
    leavePeriods: leavesOf.get(m.id) ?? [],
    conflicts: conflictsOf.get(m.id) ?? [],
    activeCaseCount: Number(m.active_case_count),
  }));
}

interface StationMediatorRow {
  id: string;
  kind: MediatorKind;
  roles: string;
  name_original: string;
  name_latin: string | null;
  name_zh: string | null;
  nationality: string;
  languages: string;
  home_region_code: string | null;
  dialects: string;
  specialties: string;
  capacity: number | string;
  status: MediatorStatus;
  active_case_count: number | string;
}

interface ConflictRow {
  mediator_id: string;
  kind: ConflictKind;
  name: string | null;
  credit_code: string | null;
  organisation_id: string | null;
  person_id: string | null;
  relation: string;
}

async function rawRows<T>(
  manager: EntityManager,
  sql: string,
  parameters: Record<string, unknown>,
): Promise<T[]> {
  const [query, values] = manager.connection.driver.escapeQueryWithParameters(sql, parameters, {});
  return (await manager.query(query, values)) as T[];
}

function groupBy<R extends { mediator_id: string }, T>(rows: R[], map: (row: R) => T) {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.mediator_id);
    if (list) list.push(map(row));
    else grouped.set(row.mediator_id, [map(row)]);
  }
  return grouped;
}

/**
 * The value of a simple-json column, shared (and frozen) between the mediators and requests that
 * hold the same text: a station's mediators have a few dozen distinct language lists, role sets
 * and specialties between them. Keyed by the text itself, so an edited mediator gets a new entry.
 */
const parsed = new Map<string, unknown>();
function parsedJson<T>(text: string): T {
  let value = parsed.get(text);
  if (value === undefined) {
    if (parsed.size >= 20_000) parsed.clear();
    value = deepFreeze(JSON.parse(text));
    parsed.set(text, value);
  }
  return value as T;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** A DATE column as YYYY-MM-DD: text on SQLite, a local-midnight Date from node-postgres. */
function dateString(value: unknown): string {
  if (!(value instanceof Date)) return String(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

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

/** A party as the matcher sees it; an organisation registered in China is addressed in Chinese. */
export function matchPartyOf(party: CaseParty): MatchParty {
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
  const match: MatchCase = {
    caseId: mediationCase.id,
    stationId: mediationCase.stationId,
    disputeType: mediationCase.disputeType,
    parties: [...(mediationCase.parties ?? [])]
      .sort((a, b) => a.position - b.position)
      .map(matchPartyOf),
    excluded: choices
      .filter((c) => c.kind !== 'nominated')
      .map((c) => ({
        mediatorId: c.mediatorId,
        kind: c.kind as 'refused' | 'recused' | 'withdrew',
        partyId: c.partyId,
      })),
    nominations: choices
      .filter((c) => c.kind === 'nominated' && c.partyId)
      .map((c) => ({ mediatorId: c.mediatorId, partyId: c.partyId! })),
    currentPanel: panel.map((p) => ({ mediatorId: p.mediatorId, role: p.role })),
    date,
  };
  return { match, panel };
}
