import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { rebuildCaseStatistics } from '../../statistics/case-statistics-row';
import { dateColumn, isPostgresRunner, textColumn } from '../migration-helpers';

/**
 * What the case-level export reads of a case, on its statistics row (CASE_EXPORT_COLUMNS in
 * statistics/case-statistics-row.ts), indexed in the export's (received_on, id) order; then every
 * row computed afresh from its case's sources (1764900000000 left that to this migration).
 * The rows are computed by today's statement (case-statistics-row.ts), which names every column:
 * a later migration that adds one must take the filling over from this one, or a fresh
 * database's migrations fail here.
 */
export class CaseStatisticsExport1765000100000 implements MigrationInterface {
  name = 'CaseStatisticsExport1765000100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns('case_statistics', [
      new TableColumn(dateColumn('received_on', true)),
      new TableColumn(textColumn('export_row', true)),
    ]);
    // On SQLite the index covers the export's page query (the scope's station and the row
    // itself): a page is read from one range of the index instead of from table rows scattered
    // by the order cases changed in. PostgreSQL limits an index entry to a third of a page, which
    // a case with many parties could pass; there the row is read from the table.
    await runner.createIndex(
      'case_statistics',
      new TableIndex({
        name: 'IDX_case_statistics_received',
        columnNames: isPostgresRunner(runner)
          ? ['received_on', 'id', 'station_id']
          : ['received_on', 'id', 'station_id', 'export_row'],
      }),
    );
    await rebuildCaseStatistics(
      (sql, parameters) => runner.query(sql, parameters),
      isPostgresRunner(runner) ? 'postgres' : 'sqlite',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('case_statistics', 'IDX_case_statistics_received');
    for (const column of ['export_row', 'received_on'])
      await runner.dropColumn('case_statistics', column);
  }
}
