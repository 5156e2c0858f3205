import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import {
  bigintColumn,
  boolColumn,
  dateColumn,
  intColumn,
  textColumn,
  timestampColumn,
  uuidColumn,
  varcharColumn,
} from '../migration-helpers';

/**
 * A statistics row per case (statistics/case-statistics-row.ts), kept by the transactions that
 * change a case. Indexed by each date a period's figures are selected by, and the open cases by
 * acceptance for "pending at the period's end".
 */
export class CaseStatistics1764900000000 implements MigrationInterface {
  name = 'CaseStatistics1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'case_statistics',
        columns: [
          { ...uuidColumn('id'), isPrimary: true },
          uuidColumn('station_id'),
          varcharColumn('source', 32),
          varcharColumn('dispute_type', 32),
          boolColumn('risk_of_escalation', false),
          intColumn('persons_at_risk', { default: 0 }),
          bigintColumn('amount_minor', { isNullable: true }),
          varcharColumn('currency', 3, { isNullable: true }),
          timestampColumn(runner, 'accepted_at', { isNullable: true }),
          varcharColumn('outcome_state', 24, { isNullable: true }),
          timestampColumn(runner, 'outcome_at', { isNullable: true }),
          varcharColumn('performance_state', 24, { isNullable: true }),
          timestampColumn(runner, 'performance_at', { isNullable: true }),
          textColumn('nationalities', true),
          textColumn('home_provinces', true),
          textColumn('mediator_kinds', true),
          textColumn('languages', true),
          timestampColumn(runner, 'agreement_effective_at', { isNullable: true }),
          textColumn('agreement_amounts', true),
          dateColumn('confirmation_applied_on', true),
        ],
        foreignKeys: [
          {
            columnNames: ['id'],
            referencedTableName: 'mediation_case',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [
          { name: 'IDX_case_statistics_accepted', columnNames: ['accepted_at'] },
          // Pending at an instant: no outcome (NULL) or one after it, accepted before it.
          { name: 'IDX_case_statistics_outcome', columnNames: ['outcome_at', 'accepted_at'] },
          { name: 'IDX_case_statistics_performance', columnNames: ['performance_at'] },
          { name: 'IDX_case_statistics_effective', columnNames: ['agreement_effective_at'] },
          { name: 'IDX_case_statistics_confirmation', columnNames: ['confirmation_applied_on'] },
        ],
      }),
    );
    // Filled by 1765000100000-case-statistics-export, once the table has all the columns that
    // the row's statement (case-statistics-row.ts) computes today.
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('case_statistics');
  }
}
