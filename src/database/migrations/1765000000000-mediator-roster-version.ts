import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { bigintColumn, intColumn, isPostgresRunner } from '../migration-helpers';

/**
 * Every table a station's roster of candidates is read from (assignment/station-rosters.ts).
 * A later migration that rebuilds one of them on SQLite (TypeORM adds or changes a column by
 * copying the table) drops its triggers with it, and must create them again; the e2e test of the
 * kept roster changes a mediator straight in the database and expects the version to move.
 */
export const ROSTER_TABLES = [
  'mediator',
  'mediator_station',
  'mediator_leave',
  'mediator_conflict',
] as const;

/**
 * A number that grows with every committed change to the mediators' registry, their stations,
 * leave, conflicts and workload, so that a process may keep a station's roster in memory and know,
 * from one value read with the case, whether it still holds. Kept by the database itself, so that
 * no write path (a service, a bulk load, a hand-run fix) can change a roster without it.
 *
 * On PostgreSQL the counter is moved by deferred constraint triggers, which run at COMMIT after
 * everything else the transaction does: its row is the last lock any transaction takes, so two
 * transactions cannot wait on each other through it (an immediate trigger would take it in the
 * middle of a transaction, before the audit head for some and after it for others). On SQLite
 * writers are serialised by the database lock and a row trigger suffices.
 */
export class MediatorRosterVersion1765000000000 implements MigrationInterface {
  name = 'MediatorRosterVersion1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'mediator_roster_version',
        columns: [{ ...intColumn('id'), isPrimary: true }, bigintColumn('version', { default: 0 })],
      }),
    );
    await runner.query('INSERT INTO mediator_roster_version (id, version) VALUES (1, 0)');
    if (isPostgresRunner(runner)) {
      await runner.query(`CREATE OR REPLACE FUNCTION bump_mediator_roster_version() RETURNS trigger AS $$
        BEGIN UPDATE mediator_roster_version SET version = version + 1 WHERE id = 1; RETURN NULL; END;
        $$ LANGUAGE plpgsql`);
      for (const table of ROSTER_TABLES)
        await runner.query(`CREATE CONSTRAINT TRIGGER ${table}_roster_changed
          AFTER INSERT OR UPDATE OR DELETE ON ${table} DEFERRABLE INITIALLY DEFERRED
          FOR EACH ROW EXECUTE FUNCTION bump_mediator_roster_version()`);
    } else {
      for (const table of ROSTER_TABLES)
        for (const operation of ['INSERT', 'UPDATE', 'DELETE'])
          await runner.query(`CREATE TRIGGER ${table}_roster_changed_${operation.toLowerCase()}
            AFTER ${operation} ON ${table}
            BEGIN UPDATE mediator_roster_version SET version = version + 1 WHERE id = 1; END`);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    if (isPostgresRunner(runner)) {
      for (const table of ROSTER_TABLES)
        await runner.query(`DROP TRIGGER IF EXISTS ${table}_roster_changed ON ${table}`);
      await runner.query('DROP FUNCTION IF EXISTS bump_mediator_roster_version()');
    } else {
      for (const table of ROSTER_TABLES)
        for (const operation of ['insert', 'update', 'delete'])
          await runner.query(`DROP TRIGGER IF EXISTS ${table}_roster_changed_${operation}`);
    }
    await runner.dropTable('mediator_roster_version');
  }
}
