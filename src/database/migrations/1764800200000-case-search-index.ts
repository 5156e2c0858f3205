import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Case lists filter by dispute type and state and page by date of receipt (newest first). With
 * only single-column indexes SQLite picked the state index (two thirds of all cases are closed),
 * read every closed case's row to test its type and sorted the lot: seconds per page at county
 * scale. This index seeks the (type, state) range already in page order, and answers the count
 * from the index alone.
 */
const COLUMNS = ['dispute_type', 'state', 'received_on', 'id'];

export class CaseSearchIndex1764800200000 implements MigrationInterface {
  name = 'CaseSearchIndex1764800200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createIndex('mediation_case', new TableIndex({ columnNames: COLUMNS }));
  }

  async down(runner: QueryRunner): Promise<void> {
    const table = await runner.getTable('mediation_case');
    const index = table?.indices.find((i) => i.columnNames.join() === COLUMNS.join());
    if (table && index) await runner.dropIndex(table, index);
  }
}
