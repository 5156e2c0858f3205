import { DataSource } from 'typeorm';
import { CaseTransition } from '../../../src/cases/case-transition.entity';
import {
  caseStatisticsSelectSql,
  dialectOf,
  LIST_SEPARATOR,
  refreshCaseStatistics,
} from '../../../src/statistics/case-statistics-row';

/**
 * Moves a case's state changes to the given instants, so a test can arrange a history in a past
 * period, then recomputes the case's statistics row from the rewritten timeline (the system does
 * this in the transaction of every change it makes itself).
 */
export async function backdateTransitions(
  dataSource: DataSource,
  caseId: string,
  dates: Record<string, string>,
): Promise<void> {
  for (const [toState, iso] of Object.entries(dates))
    await dataSource
      .getRepository(CaseTransition)
      .update({ caseId, toState, event: 'state_changed' }, { at: new Date(iso) });
  await refreshCaseStatistics((sql, p) => dataSource.query(sql, p), dialectOf(dataSource), [
    caseId,
  ]);
}

type Rows = Record<string, unknown>[];

/**
 * Checks that every case has a statistics row and that the rows the writes kept equal the rows
 * computed afresh from the cases' sources (read only: the check changes nothing); answers how
 * many cases were checked.
 */
export async function expectStatisticsRowsCurrent(
  query: (sql: string) => Promise<Rows>,
  dialect: 'sqlite' | 'postgres',
): Promise<number> {
  const kept = await query('SELECT * FROM case_statistics ORDER BY id');
  const computed = await query(`${caseStatisticsSelectSql(dialect, '1 = 1')} ORDER BY c.id`);
  const [{ n }] = await query('SELECT COUNT(*) AS n FROM mediation_case');
  expect(kept.length).toBe(Number(n));
  // Lists are sets: the database may concatenate a group in any order.
  const normalised = (rows: Rows) =>
    rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [
          k,
          LIST_COLUMNS.includes(k) && typeof v === 'string'
            ? v.split(LIST_SEPARATOR).sort().join(LIST_SEPARATOR)
            : v,
        ]),
      ),
    );
  expect(normalised(kept)).toEqual(normalised(computed));
  return kept.length;
}

const LIST_COLUMNS = ['nationalities', 'home_provinces', 'mediator_kinds', 'languages'];

/** expectStatisticsRowsCurrent on an app's own data source. */
export const expectStatisticsRowsCurrentIn = (dataSource: DataSource) =>
  expectStatisticsRowsCurrent((sql) => dataSource.query(sql), dialectOf(dataSource));
