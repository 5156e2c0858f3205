import { EntityManager } from 'typeorm';
import { remembered } from '../common/remembered';
import { MediationCase } from '../cases/mediation-case.entity';
import { ConflictKind } from '../mediators/mediator-conflict.entity';
import { MediatorKind, MediatorStatus } from '../mediators/mediator.entity';
import { matchCaseOf } from './candidate-loader';
import { CandidateMediator, MatchCase, PanelRole } from './match-types';

/**
 * Everything a ranking reads, in one statement whatever the number of mediators: the station's
 * active mediators (one indexed join; active case counts are stored on the mediator), their
 * current leave and declared conflicts, and the case's choices and current panel. Suggestions
 * run it for ~300 mediators per request, so:
 * - one round trip instead of five (each costs a trip through the driver's thread pool);
 * - each part crosses the driver as one JSON text: the sqlite3 driver spends longer building
 *   row objects of fourteen columns than SQLite spends finding them (as the statistics loader);
 * - the simple-json columns travel as the text they are stored as, and each distinct text is
 *   parsed once per process (a station's mediators share a few dozen).
 */
export async function loadRankingInputs(
  manager: EntityManager,
  mediationCase: MediationCase,
  date: string,
): Promise<{ match: MatchCase; candidates: CandidateMediator[] }> {
  const postgres = manager.connection.driver.options.type === 'postgres';
  const [sql, values] = manager.connection.driver.escapeQueryWithParameters(
    rankingSql(postgres),
    { stationId: mediationCase.stationId, caseId: mediationCase.id, active: 'active', date },
    {},
  );
  const [row] = (await manager.query(sql, values)) as Record<keyof Parts, unknown>[];
  const part = <K extends keyof Parts>(name: K): Parts[K] => {
    const value = row[name];
    return (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as Parts[K];
  };

  const leavesOf = groupByMediator(part('leaves'), ([, startsOn, endsOn]) => ({
    startsOn,
    endsOn,
  }));
  const conflictsOf = groupByMediator(
    part('conflicts'),
    ([, kind, name, creditCode, organisationId, personId, relation]) => ({
      kind,
      name,
      creditCode,
      organisationId,
      personId,
      relation,
    }),
  );
  const stationIds = [mediationCase.stationId];
  const candidates = part('mediators')
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
    // An aggregate keeps no order of its own: mediator id order on both databases, the order in
    // which exclusions are listed.
    .sort((a, b) => compare(a.id, b.id));

  const choices = part('choices')
    .sort((a, b) => compare(a[3], b[3]))
    .map(([mediatorId, kind, partyId]) => ({ mediatorId, kind, partyId }));
  const panel = part('panel')
    .sort((a, b) => compare(a[2], b[2]))
    .map(([mediatorId, role]) => ({ mediatorId, role }));
  return { match: matchCaseOf(mediationCase, choices, panel, date), candidates };
}

/** Each part as the JSON arrays the statement builds, in their column order. */
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

function rankingSql(postgres: boolean): string {
  const rows = (values: string[], from: string) =>
    postgres
      ? `(SELECT COALESCE(json_agg(json_build_array(${values.join(', ')})), '[]'::json) ${from})`
      : `(SELECT json_group_array(json_array(${values.join(', ')})) ${from})`;
  // Timestamps to sort by after parsing (aggregates keep no order): PostgreSQL's JSON text of a
  // timestamp varies in its number of fractional digits, so it sends a number instead.
  const instant = (column: string) => (postgres ? `EXTRACT(EPOCH FROM ${column})` : column);
  const ofStation = (alias: string) =>
    `INNER JOIN mediator_station ms ON ms.mediator_id = ${alias}.mediator_id AND ms.station_id = :stationId`;
  const parts: Record<keyof Parts, string> = {
    mediators: rows(
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
    leaves: rows(
      ['l.mediator_id', 'l.starts_on', 'l.ends_on'],
      `FROM mediator_leave l ${ofStation('l')} WHERE l.ends_on >= :date AND l.starts_on <= :date`,
    ),
    conflicts: rows(
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
    choices: rows(
      ['c.mediator_id', 'c.kind', 'c.party_id', instant('c.at')],
      'FROM case_mediator_choice c WHERE c.case_id = :caseId',
    ),
    panel: rows(
      ['pm.mediator_id', 'pm.role', instant('pm.assigned_at')],
      'FROM panel_member pm WHERE pm.case_id = :caseId AND pm.removed_at IS NULL',
    ),
  };
  return `SELECT ${Object.entries(parts)
    .map(([name, expression]) => `${expression} AS ${name}`)
    .join(',\n  ')}`;
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

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
