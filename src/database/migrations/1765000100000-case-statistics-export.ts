import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { rebuildCaseStatistics } from '../../statistics/case-statistics-row';
import { dateColumn, isPostgresRunner, textColumn } from '../migration-helpers';

/**
 * What the case-level export reads of a case, on its statistics row (CASE_EXPORT_COLUMNS in
 * statistics/case-statistics-row.ts), indexed in the export's (received_on, id) order; then every
 * row computed afresh from its case's sources (1764900000000 left that to this migration).
 */
export class CaseStatisticsExport1765000100000 implements MigrationInterface {
  name = 'CaseStatisticsExport1765000100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumns('case_statistics', [
      new TableColumn(dateColumn('received_on', true)),
      new TableColumn(textColumn('export_row', true)),
    ]);
    await runner.createIndex(
      'case_statistics',
      new TableIndex({
        name: 'IDX_case_statistics_received',
        columnNames: ['received_on', 'id'],
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
