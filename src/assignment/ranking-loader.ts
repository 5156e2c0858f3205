import { EntityManager } from 'typeorm';
import { DataScope } from '../auth/authenticated-user';
import { applyCaseScope } from '../cases/case-scope';
import { MediationCase } from '../cases/mediation-case.entity';
import { remembered } from '../common/remembered';
import { ConflictKind } from '../mediators/mediator-conflict.entity';
import { MediatorKind, MediatorStatus } from '../mediators/mediator.entity';
import { DisputeType } from '../reference/dispute-types';
import { PanelPolicy } from '../stations/station.entity';
import { matchCaseFactsOf, matchCaseOf, matchPartyOf, PartyToMatch } from './candidate-loader';
import { CandidateMediator, MatchCase, MatchParty, PanelRole } from './match-types';

/*
 * What a ranking reads, in as few statements as the matcher allows. Suggestions run for ~300
 * mediators per request, so:
 * - each list crosses the driver as one JSON text: the sqlite3 driver spends longer building
 *   row objects of fourteen columns than SQLite spends finding them (as the statistics loader);
 * - the simple-json columns travel as the text they are stored as, and each distinct text is
 *   parsed once per process (a station's mediators share a few dozen);
 * - a station's roster (its active mediators, their leave and conflicts) is read with the
 *   roster version (1765000000000-mediator-roster-version), so that it can be kept in memory
 *   (station-rosters.ts) and read again only when the registry has changed.
 */

/** A station's candidates on a day, as of a roster version. Frozen: shared between requests. */
export interface StationRoster {
  stationId: string;
  date: string;
  version: string;
  candidates: CandidateMediator[];
}

/** The station's roster as of now, in one statement (the version from the same snapshot). */
export async function loadStationRoster(
  manager: EntityManager,
  stationId: string,
  date: string,
): Promise<StationRoster> {
  const postgres = isPostgres(manager);
  const [sql, values] = manager.connection.driver.escapeQueryWithParameters(
    `SELECT ${selectList({ ...rosterParts(postgres), version: ROSTER_VERSION })}`,
    { stationId, active: 'active', date },
    {},
  );
  const [row] = (await manager.query(sql, values)) as Record<string, unknown>[];
  return {
    stationId,
    date,
    version: String(row.version),
    // Kept and shared by every request that reads it: none may change it.
    candidates: deepFreeze(candidatesOf(row, stationId)),
  };
}

/**
 * Everything a ranking inside a transaction reads (the roster, the case's choices and current
 * panel) in one statement, never from memory: what is assigned is checked against what the
 * transaction sees.
 */
export async function loadRankingInputs(
  manager: EntityManager,
  mediationCase: MediationCase,
  date: string,
): Promise<{ match: MatchCase; candidates: CandidateMediator[] }> {
  const postgres = isPostgres(manager);
  const [sql, values] = manager.connection.driver.escapeQueryWithParameters(
    `SELECT ${selectList({ ...rosterParts(postgres), ...caseParts(postgres, ':caseId') })}`,
    { stationId: mediationCase.stationId, caseId: mediationCase.id, active: 'active', date },
    {},
  );
  const [row] = (await manager.query(sql, values)) as Record<string, unknown>[];
  const { choices, panel } = choicesAndPanelOf(row);
  return {
    match: matchCaseOf(matchCaseFactsOf(mediationCase), choices, panel, date),
    candidates: candidatesOf(row, mediationCase.stationId),
  };
}

/** A case as its suggestions need it, read through the caller's scope. */
export interface SuggestionCase {
  match: MatchCase;
  panelPolicy: PanelPolicy | null;
  /** The roster version when the case was read: a kept roster of the same version still holds. */
  rosterVersion: string;
}

/**
 * The case, its parties, choices and current panel, its station's panel policy and the roster
 * version, in one statement through the caller's scope; null when the caller may not see it.
 * (CaseQueries.load would hydrate the case, its station, parties, persons and organisations as
 * entities: more than the whole ranking costs.)
 */
export async function loadSuggestionCase(
  manager: EntityManager,
  caseId: string,
  scope: DataScope,
  date: string,
): Promise<SuggestionCase | null> {
  const postgres = isPostgres(manager);
  const query = manager
    .getRepository(MediationCase)
    .createQueryBuilder('c')
    .select('c.id', 'id')
    .addSelect('c.station_id', 'stationId')
    .addSelect('c.dispute_type', 'disputeType')
    .addSelect('(SELECT st.panel_policy FROM station st WHERE st.id = c.station_id)', 'panelPolicy')
    .addSelect(ROSTER_VERSION, 'rosterVersion')
    .addSelect(partiesPart(postgres), 'parties')
    .where('c.id = :caseId', { caseId });
  for (const [name, expression] of Object.entries(caseParts(postgres, 'c.id')))
    query.addSelect(expression, name);
  const row = await applyCaseScope(query, scope).getRawOne<Record<string, unknown>>();
  if (!row) return null;
  const { choices, panel } = choicesAndPanelOf(row);
  const parties = jsonPart<PartyRow>(row, 'parties')
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map(partyToMatch)
    .map(matchPartyOf);
  const stationId = row.stationId as string;
  return {
    match: matchCaseOf(
      {
        id: caseId,
        stationId,
        disputeType: row.disputeType as DisputeType,
        parties,
      },
      choices,
      panel,
      date,
    ),
    panelPolicy:
      typeof row.panelPolicy === 'string' ? parsedJson<PanelPolicy>(row.panelPolicy) : null,
    rosterVersion: String(row.rosterVersion),
  };
}

const ROSTER_VERSION = '(SELECT rv.version FROM mediator_roster_version rv WHERE rv.id = 1)';

const isPostgres = (manager: EntityManager) =>
  manager.connection.driver.options.type === 'postgres';

/** Each list as the JSON arrays the statements build, in their column order. */
interface Parts {
  mediators: [
    id: string,
    kind: MediatorKind,
    roles: string,
    nameOriginal: string,
    nameLatin: string | null,
    nameZh: string | null,
    nationality: string,
    languages: string,
    homeRegionCode: string | null,
    dialects: string,
    specialties: string,
    capacity: number | string,
    status: MediatorStatus,
    activeCaseCount: number | string,
  ][];
  leaves: [mediatorId: string, startsOn: string, endsOn: string][];
  conflicts: [
    mediatorId: string,
    kind: ConflictKind,
    name: string | null,
    creditCode: string | null,
    organisationId: string | null,
    personId: string | null,
    relation: string,
  ][];
  /** `at` sorts: stored text on SQLite, epoch seconds on PostgreSQL. */
  choices: [mediatorId: string, kind: string, partyId: string | null, at: string | number][];
  panel: [mediatorId: string, role: PanelRole, assignedAt: string | number][];
}

type PartyRow = [
  partyId: string,
  position: number | string,
  role: MatchParty['role'],
  personId: string | null,
  personName: string | null,
  personNameLatin: string | null,
  personNameZh: string | null,
  nationality: string | null,
  homeRegionCode: string | null,
  dialects: string | null,
  preferredLanguages: string | null,
  organisationId: string | null,
  organisationName: string | null,
  organisationNameLatin: string | null,
  organisationNameZh: string | null,
  country: string | null,
  creditCode: string | null,
];

const jsonRows = (postgres: boolean, values: string[], from: string) =>
  postgres
    ? `(SELECT COALESCE(json_agg(json_build_array(${values.join(', ')})), '[]'::json) ${from})`
    : `(SELECT json_group_array(json_array(${values.join(', ')})) ${from})`;

// Timestamps to sort by after parsing (aggregates keep no order): PostgreSQL's JSON text of a
// timestamp varies in its number of fractional digits, so it sends a number instead.
const instant = (postgres: boolean, column: string) =>
  postgres ? `EXTRACT(EPOCH FROM ${column})` : column;

function rosterParts(postgres: boolean): Record<'mediators' | 'leaves' | 'conflicts', string> {
  const ofStation = (alias: string) =>
    `INNER JOIN mediator_station ms ON ms.mediator_id = ${alias}.mediator_id AND ms.station_id = :stationId`;
  return {
    mediators: jsonRows(
      postgres,
      [
        'm.id',
        'm.kind',
        'm.roles',
        'm.name_original',
        'm.name_latin',
        'm.name_zh',
        'm.nationality',
        'm.languages',
        'm.home_region_code',
        'm.dialects',
        'm.specialties',
        'm.capacity',
        'm.status',
        'm.active_case_count',
      ],
      `FROM mediator m
       INNER JOIN mediator_station ms ON ms.mediator_id = m.id AND ms.station_id = :stationId
       WHERE m.status = :active`,
    ),
    leaves: jsonRows(
      postgres,
      ['l.mediator_id', 'l.starts_on', 'l.ends_on'],
      `FROM mediator_leave l ${ofStation('l')} WHERE l.ends_on >= :date AND l.starts_on <= :date`,
    ),
    conflicts: jsonRows(
      postgres,
      [
        'x.mediator_id',
        'x.kind',
        'x.name',
        'x.credit_code',
        'x.organisation_id',
        'x.person_id',
        'x.relation',
      ],
      `FROM mediator_conflict x ${ofStation('x')}`,
    ),
  };
}

/** The case's choices and current panel; `caseId` is a parameter or a column of the outer query. */
function caseParts(postgres: boolean, caseId: string): Record<'choices' | 'panel', string> {
  return {
    choices: jsonRows(
      postgres,
      ['ch.mediator_id', 'ch.kind', 'ch.party_id', instant(postgres, 'ch.at')],
      `FROM case_mediator_choice ch WHERE ch.case_id = ${caseId}`,
    ),
    panel: jsonRows(
      postgres,
      ['pm.mediator_id', 'pm.role', instant(postgres, 'pm.assigned_at')],
      `FROM panel_member pm WHERE pm.case_id = ${caseId} AND pm.removed_at IS NULL`,
    ),
  };
}

function partiesPart(postgres: boolean): string {
  return jsonRows(
    postgres,
    [
      'cp.id',
      'cp.position',
      'cp.role',
      'p.id',
      'p.name_original',
      'p.name_latin',
      'p.name_zh',
      'p.nationality',
      'p.home_region_code',
      'p.dialects',
      'p.preferred_languages',
      'o.id',
      'o.name_original',
      'o.name_latin',
      'o.name_zh',
      'o.country',
      'o.credit_code',
    ],
    `FROM case_party cp
     LEFT JOIN person p ON p.id = cp.person_id
     LEFT JOIN organisation o ON o.id = cp.organisation_id
     WHERE cp.case_id = c.id`,
  );
}

const selectList = (parts: Record<string, string>) =>
  Object.entries(parts)
    .map(([name, expression]) => `${expression} AS ${name}`)
    .join(',\n  ');

/** A list the statement sent as JSON: text on SQLite, already parsed by the PostgreSQL driver. */
function jsonPart<T>(row: Record<string, unknown>, name: string): T[] {
  const value = row[name];
  return (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as T[];
}

function candidatesOf(row: Record<string, unknown>, stationId: string): CandidateMediator[] {
  const leavesOf = groupByMediator(jsonPart<Parts['leaves'][number]>(row, 'leaves'), (l) => ({
    startsOn: l[1],
    endsOn: l[2],
  }));
  const conflictsOf = groupByMediator(
    jsonPart<Parts['conflicts'][number]>(row, 'conflicts'),
    ([, kind, name, creditCode, organisationId, personId, relation]) => ({
      kind,
      name,
      creditCode,
      organisationId,
      personId,
      relation,
    }),
  );
  const stationIds = [stationId];
  return (
    jsonPart<Parts['mediators'][number]>(row, 'mediators')
      .map(
        ([
          id,
          kind,
          roles,
          displayName,
          nameLatin,
          nameZh,
          nationality,
          languages,
          homeRegionCode,
          dialects,
          specialties,
          capacity,
          status,
          activeCaseCount,
        ]): CandidateMediator => ({
          id,
          kind,
          roles: parsedJson(roles),
          displayName,
          nameLatin,
          nameZh,
          nationality,
          languages: parsedJson(languages),
          homeRegionCode,
          dialects: parsedJson(dialects),
          specialties: parsedJson(specialties),
          stationIds,
          capacity: Number(capacity),
          status,
          leavePeriods: leavesOf.get(id) ?? [],
          conflicts: conflictsOf.get(id) ?? [],
          activeCaseCount: Number(activeCaseCount),
        }),
      )
      // An aggregate keeps no order of its own: mediator id order on both databases, the order
      // in which exclusions are listed.
      .sort((a, b) => compare(a.id, b.id))
  );
}

function choicesAndPanelOf(row: Record<string, unknown>) {
  const choices = jsonPart<Parts['choices'][number]>(row, 'choices')
    .sort((a, b) => compare(a[3], b[3]))
    .map(([mediatorId, kind, partyId]) => ({ mediatorId, kind, partyId }));
  const panel = jsonPart<Parts['panel'][number]>(row, 'panel')
    .sort((a, b) => compare(a[2], b[2]))
    .map(([mediatorId, role]) => ({ mediatorId, role }));
  return { choices, panel };
}

/** A party as read raw, in the shape matchPartyOf reads from the entities. */
function partyToMatch([
  id,
  ,
  role,
  personId,
  nameOriginal,
  nameLatin,
  nameZh,
  nationality,
  homeRegionCode,
  dialects,
  preferredLanguages,
  organisationId,
  organisationName,
  organisationNameLatin,
  organisationNameZh,
  country,
  creditCode,
]: PartyRow): PartyToMatch {
  return {
    id,
    role,
    person:
      personId === null
        ? null
        : {
            id: personId,
            nameOriginal: nameOriginal ?? '',
            nameLatin,
            nameZh,
            nationality: nationality ?? '',
            homeRegionCode,
            dialects: dialects ? parsedJson(dialects) : [],
            preferredLanguages: preferredLanguages ? parsedJson(preferredLanguages) : [],
          },
    organisation:
      organisationId === null
        ? null
        : {
            id: organisationId,
            nameOriginal: organisationName ?? '',
            nameLatin: organisationNameLatin,
            nameZh: organisationNameZh,
            country: country ?? '',
            creditCode,
          },
  };
}

const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

function groupByMediator<R extends [string, ...unknown[]], T>(rows: R[], map: (row: R) => T) {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const list = grouped.get(row[0]);
    if (list) list.push(map(row));
    else grouped.set(row[0], [map(row)]);
  }
  return grouped;
}

/**
 * The value of a simple-json column, shared between the mediators and requests holding the same
 * text, and frozen so that none of them can change it for the others. Keyed by the text itself:
 * an edited mediator brings a new text.
 */
const parsedText = remembered((text) => deepFreeze(JSON.parse(text) as unknown));
const parsedJson = <T>(text: string): T => parsedText(text) as T;

/** Freezes a value and everything in it; what is frozen already (a shared parsed text) is left. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
