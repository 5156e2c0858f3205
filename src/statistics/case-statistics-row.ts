/*
 * One row per case with what the statistics read of it (case-facts.ts), kept in step with the
 * case by the transaction that changes it. The report reads a period's rows by range on their
 * dates instead of joining each case's timeline, parties, panel, sessions and agreement: that
 * join took 15-30 s for a month at a million cases.
 *
 * The row is always computed by the database from the case's sources with one statement (the same
 * for one case, a mediator's cases or all of them), so the row cannot say anything the sources do
 * not: the timeline gives the first acceptance, outcome and performance; the person parties their
 * nationalities, home provinces and first-choice languages; sessions their languages; the panel the
 * kinds of its seated members; the agreement its current effective version and confirmation day.
 */
import { DataSource, EntityManager } from 'typeorm';
import { beforeCommit } from '../database/before-commit';
import { OUTCOME_STATES } from './case-facts';

export type Dialect = 'sqlite' | 'postgres';

/** Separates the values of a list column (codes: ISO countries, GB/T 2260, BCP 47, kinds). */
export const LIST_SEPARATOR = ',';

/** Cases refreshed per statement: well inside both databases' parameter limits. */
const CHUNK = 500;

/** The columns the report reads (case-facts.loader.ts). */
export const CASE_FACT_COLUMNS = [
  'id',
  'station_id',
  'source',
  'dispute_type',
  'risk_of_escalation',
  'persons_at_risk',
  'amount_minor',
  'currency',
  'accepted_at',
  'outcome_state',
  'outcome_at',
  'performance_state',
  'performance_at',
  'nationalities',
  'home_provinces',
  'mediator_kinds',
  'languages',
  'agreement_effective_at',
  'agreement_amounts',
  'confirmation_applied_on',
] as const;

/**
 * The columns only the case-level export reads: the day of receipt it is ordered and paged by, and
 * the case's export row as JSON text, ready to be joined into a page (EXPORT_ROW_FIELDS). With
 * them a page is read from this one table, in (received_on, id) order from its index, instead of
 * joining each case to its parties, persons and organisations and building its JSON per export
 * (~20 µs and ~8 µs a case, which held the export near 20,000 and 37,000 rows/s). The row holds
 * no name or number; an identified export looks them up through the case's parties.
 */
export const CASE_EXPORT_COLUMNS = ['received_on', 'export_row'] as const;

/**
 * The export row's fields, in order. Days are China calendar days; the amount is text (bigint);
 * each party is [position, role, nationality, home region, country], in position order. No ids:
 * the row is parsed once per case exported, and ids were half its length.
 */
export const EXPORT_ROW_FIELDS = [
  'caseNumber',
  'stationId',
  'receivedOn',
  'disputeType',
  'source',
  'state',
  'acceptedOn',
  'concludedOn',
  'amountMinor',
  'currency',
  'parties',
] as const;

export const CASE_STATISTICS_COLUMNS = [...CASE_FACT_COLUMNS, ...CASE_EXPORT_COLUMNS] as const;

const PERFORMANCE_STATES = ['performed', 'not_performed'];

const quoted = (states: readonly string[]) => states.map((s) => `'${s}'`).join(', ');

/**
 * The statistics rows, computed from their sources, of the cases `where` selects (a condition on
 * mediation_case aliased c); columns named and ordered as CASE_STATISTICS_COLUMNS.
 */
export function caseStatisticsSelectSql(dialect: Dialect, where: string): string {
  const pg = dialect === 'postgres';
  const list = (expression: string) =>
    pg
      ? `string_agg(DISTINCT ${expression}, '${LIST_SEPARATOR}')`
      : `group_concat(DISTINCT ${expression})`;
  const firstTransition = (column: 'to_state' | 'at', states: readonly string[]) =>
    `(SELECT t.${column} FROM case_transition t
       WHERE t.case_id = c.id AND t.event = 'state_changed' AND t.to_state IN (${quoted(states)})
       ORDER BY t.at, t.ordinal LIMIT 1)`;
  const personParties = `case_party cp JOIN person p ON p.id = cp.person_id WHERE cp.case_id = c.id`;
  const allParties = `case_party cp
    LEFT JOIN person p ON p.id = cp.person_id
    LEFT JOIN organisation o ON o.id = cp.organisation_id
    WHERE cp.case_id = c.id`;
  const exportParty = 'cp.position, cp.role, p.nationality, p.home_region_code, o.country';
  const sessionLanguages = pg
    ? `(SELECT ${list('j.value')} FROM mediation_session s
         CROSS JOIN LATERAL jsonb_array_elements_text(s.languages::jsonb) AS j(value)
         WHERE s.case_id = c.id AND s.status <> 'cancelled')`
    : `(SELECT ${list('j.value')} FROM mediation_session s, json_each(s.languages) j
         WHERE s.case_id = c.id AND s.status <> 'cancelled')`;
  const firstLanguage = pg
    ? `(p.preferred_languages::jsonb ->> 0)`
    : `json_extract(p.preferred_languages, '$[0]')`;
  const effective = (column: string) =>
    `(SELECT av.${column} FROM agreement ag
       JOIN agreement_version av ON av.agreement_id = ag.id AND av.version = ag.current_version
       WHERE ag.case_id = c.id AND av.state = 'effective' AND av.effective_at IS NOT NULL)`;
  const acceptedAt = `(SELECT MIN(t.at) FROM case_transition t
      WHERE t.case_id = c.id AND t.event = 'state_changed' AND t.to_state = 'accepted')`;
  const chinaDay = (instant: string) =>
    pg
      ? `to_char(${instant} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`
      : `date(${instant}, '+8 hours')`;
  const exportRow: Record<(typeof EXPORT_ROW_FIELDS)[number], string> = {
    caseNumber: 'c.case_number',
    stationId: 'c.station_id',
    receivedOn: 'CAST(c.received_on AS VARCHAR(10))',
    disputeType: 'c.dispute_type',
    source: 'c.source',
    state: 'c.state',
    acceptedOn: chinaDay(acceptedAt),
    concludedOn: chinaDay('c.concluded_at'),
    amountMinor: 'CAST(c.amount_minor AS TEXT)',
    currency: 'c.currency',
    parties: pg
      ? `(SELECT json_agg(json_build_array(${exportParty}) ORDER BY cp.position) FROM ${allParties})`
      : // Aggregated from an ordered subquery (SQLite keeps its order); json() gives each party,
        // and the list, back the JSON type a subquery's column loses.
        `json((SELECT json_group_array(json(x.party)) FROM
          (SELECT json_array(${exportParty}) AS party FROM ${allParties} ORDER BY cp.position) x))`,
  };
  const exportFields = EXPORT_ROW_FIELDS.map((field) => exportRow[field]).join(', ');
  const values: Record<(typeof CASE_STATISTICS_COLUMNS)[number], string> = {
    id: 'c.id',
    station_id: 'c.station_id',
    source: 'c.source',
    dispute_type: 'c.dispute_type',
    risk_of_escalation: 'c.risk_of_escalation',
    persons_at_risk: 'c.persons_at_risk',
    amount_minor: 'c.amount_minor',
    currency: 'c.currency',
    accepted_at: acceptedAt,
    outcome_state: firstTransition('to_state', OUTCOME_STATES),
    outcome_at: firstTransition('at', OUTCOME_STATES),
    performance_state: firstTransition('to_state', PERFORMANCE_STATES),
    performance_at: firstTransition('at', PERFORMANCE_STATES),
    nationalities: `(SELECT ${list('p.nationality')} FROM ${personParties} AND p.nationality <> 'CN')`,
    home_provinces: `(SELECT ${list(`substr(p.home_region_code, 1, 2) || '0000'`)}
      FROM ${personParties} AND p.home_region_code IS NOT NULL)`,
    mediator_kinds: `(SELECT ${list('m.kind')} FROM panel_member pm JOIN mediator m ON m.id = pm.mediator_id
      WHERE pm.case_id = c.id AND pm.removed_at IS NULL)`,
    // Session languages when sessions name any, else each party's first choice.
    languages: `COALESCE(${sessionLanguages}, (SELECT ${list(firstLanguage)} FROM ${personParties}))`,
    agreement_effective_at: effective('effective_at'),
    agreement_amounts: effective('amounts'),
    confirmation_applied_on: `(SELECT ag.confirmation_applied_on FROM agreement ag WHERE ag.case_id = c.id)`,
    received_on: 'c.received_on',
    export_row: pg ? `json_build_array(${exportFields})::text` : `json_array(${exportFields})`,
  };
  return `SELECT ${CASE_STATISTICS_COLUMNS.map((column) => `${values[column]} AS ${column}`).join(',\n  ')}
    FROM mediation_case c WHERE ${where}`;
}

/** Writes (inserts or replaces) the statistics rows of the cases `where` selects. */
export function caseStatisticsUpsertSql(dialect: Dialect, where: string): string {
  const updates = CASE_STATISTICS_COLUMNS.filter((c) => c !== 'id')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  // The SELECT always has a WHERE, which SQLite needs to parse an upsert of a SELECT.
  return `INSERT INTO case_statistics (${CASE_STATISTICS_COLUMNS.join(', ')})
    ${caseStatisticsSelectSql(dialect, where)}
    ON CONFLICT (id) DO UPDATE SET ${updates}`;
}

type Query = (sql: string, parameters?: unknown[]) => Promise<unknown>;

/** Recomputes the statistics rows of the given cases. */
export async function refreshCaseStatistics(
  query: Query,
  dialect: Dialect,
  caseIds: readonly string[],
): Promise<void> {
  for (let i = 0; i < caseIds.length; i += CHUNK) {
    const ids = caseIds.slice(i, i + CHUNK);
    const marks = ids.map((_, n) => (dialect === 'postgres' ? `$${n + 1}` : '?')).join(', ');
    await query(caseStatisticsUpsertSql(dialect, `c.id IN (${marks})`), ids);
  }
}

/** Recomputes every case's statistics row (after a migration or a bulk load). */
export async function rebuildCaseStatistics(query: Query, dialect: Dialect): Promise<void> {
  await query(caseStatisticsUpsertSql(dialect, '1 = 1'));
}

/** The dialect of a data source (a manager's is `manager.connection`). */
export const dialectOf = (dataSource: DataSource): Dialect =>
  dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';

/**
 * Marks a case as changed by the caller's transaction: its statistics row is recomputed once,
 * just before that transaction commits, from everything the transaction wrote.
 */
export function caseChanged(manager: EntityManager, caseId: string): void {
  beforeCommit(manager, 'case-statistics', caseId, (m, ids) =>
    refreshCaseStatistics((sql, p) => m.query(sql, p), dialectOf(m.connection), ids),
  );
}

/** Marks the cases on which a mediator holds a seat as changed (their panel's kinds changed). */
export async function casesOfMediatorChanged(
  manager: EntityManager,
  mediatorId: string,
): Promise<void> {
  const rows: { caseId: string }[] = await manager
    .createQueryBuilder()
    .select('pm.case_id', 'caseId')
    .from('panel_member', 'pm')
    .where('pm.mediator_id = :mediatorId AND pm.removed_at IS NULL', { mediatorId })
    .getRawMany();
  for (const row of rows) caseChanged(manager, row.caseId);
}
