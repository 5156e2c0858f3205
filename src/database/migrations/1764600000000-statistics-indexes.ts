import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the statistics read by (src/statistics/case-facts.loader.ts, case-export.service.ts).
 * Without them a month's report checked every case's timeline (86 s at a million cases) and each
 * page of the case-level export scanned and sorted every case.
 *
 * - transitions by instant: the state changes within a period (a range, read from the index);
 * - transitions by state and instant: outcomes after a period's end (cases pending through it);
 * - transitions by case, state and instant: each case's first acceptance, outcome and
 *   performance read from the index alone, without the rows and their payloads;
 * - cases by date of receipt and id: the export's keyset order, whatever the scope;
 * - agreements by the instant they took effect and by the day confirmation was applied for.
 */
const INDEXES: { name: string; table: string; columns: string[] }[] = [
  {
    name: 'IDX_statistics_transition_at',
    table: 'case_transition',
    columns: ['at', 'event', 'case_id'],
  },
  {
    name: 'IDX_statistics_transition_state_at',
    table: 'case_transition',
    columns: ['to_state', 'event', 'at', 'case_id'],
  },
  {
    name: 'IDX_statistics_transition_case',
    table: 'case_transition',
    columns: ['case_id', 'event', 'to_state', 'at'],
  },
  { name: 'IDX_statistics_case_received', table: 'mediation_case', columns: ['received_on', 'id'] },
  {
    name: 'IDX_statistics_agreement_version_effective',
    table: 'agreement_version',
    columns: ['effective_at'],
  },
  {
    name: 'IDX_statistics_agreement_confirmation',
    table: 'agreement',
    columns: ['confirmation_applied_on'],
  },
];

export class StatisticsIndexes1764600000000 implements MigrationInterface {
  name = 'StatisticsIndexes1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const index of INDEXES)
      await runner.query(
        `CREATE INDEX "${index.name}" ON "${index.table}" (${index.columns.map((c) => `"${c}"`).join(', ')})`,
      );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const index of [...INDEXES].reverse()) await runner.query(`DROP INDEX "${index.name}"`);
  }
}
