import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Name search scans search_names with LIKE '%…%', which no B-tree can seek. With the id in the
 * same index the scan reads the index alone (SQLite's covering index; PostgreSQL's index-only
 * scan) instead of every person row with its encrypted fields: at county scale that is the
 * difference between tens of seconds and a fraction of one.
 */
const NAME_TABLES = ['person', 'organisation'];

export class SearchIndexes1764800100000 implements MigrationInterface {
  name = 'SearchIndexes1764800100000';

  async up(runner: QueryRunner): Promise<void> {
    for (const name of NAME_TABLES) {
      await dropIndexOn(runner, name, ['search_names']);
      await runner.createIndex(name, new TableIndex({ columnNames: ['search_names', 'id'] }));
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const name of NAME_TABLES) {
      await dropIndexOn(runner, name, ['search_names', 'id']);
      await runner.createIndex(name, new TableIndex({ columnNames: ['search_names'] }));
    }
  }
}

async function dropIndexOn(runner: QueryRunner, tableName: string, columns: string[]) {
  const table = await runner.getTable(tableName);
  const index = table?.indices.find((i) => i.columnNames.join() === columns.join());
  if (table && index) await runner.dropIndex(table, index);
}
