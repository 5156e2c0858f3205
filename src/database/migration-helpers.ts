import { QueryRunner, TableColumnOptions } from 'typeorm';

/**
 * Column definitions that read the same on SQLite and PostgreSQL, so that one hand-written
 * migration serves both databases.
 */
export const isPostgresRunner = (runner: QueryRunner) =>
  runner.connection.options.type === 'postgres';

export const idColumn = (): TableColumnOptions => ({
  name: 'id',
  type: 'uuid',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'uuid',
});

export const uuidColumn = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'uuid',
  isNullable: nullable,
});

export const varcharColumn = (
  name: string,
  length: number,
  options: Partial<TableColumnOptions> = {},
): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  ...options,
});

export const textColumn = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});

export const intColumn = (
  name: string,
  options: Partial<TableColumnOptions> = {},
): TableColumnOptions => ({
  name,
  type: 'integer',
  ...options,
});

export const bigintColumn = (
  name: string,
  options: Partial<TableColumnOptions> = {},
): TableColumnOptions => ({
  name,
  type: 'bigint',
  ...options,
});

export const boolColumn = (name: string, defaultValue?: boolean): TableColumnOptions => ({
  name,
  type: 'boolean',
  ...(defaultValue === undefined ? {} : { default: defaultValue }),
});

export const dateColumn = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'date',
  isNullable: nullable,
});

export const timestampColumn = (
  runner: QueryRunner,
  name: string,
  options: Partial<TableColumnOptions> = {},
): TableColumnOptions => ({
  name,
  type: isPostgresRunner(runner) ? 'timestamptz' : 'datetime',
  ...options,
});

export const createdAtColumns = (runner: QueryRunner): TableColumnOptions[] => [
  timestampColumn(runner, 'created_at', {
    default: isPostgresRunner(runner) ? 'now()' : "(datetime('now'))",
  }),
  timestampColumn(runner, 'updated_at', {
    default: isPostgresRunner(runner) ? 'now()' : "(datetime('now'))",
  }),
];

export const binaryColumn = (
  runner: QueryRunner,
  name: string,
  nullable = false,
): TableColumnOptions => ({
  name,
  type: isPostgresRunner(runner) ? 'bytea' : 'blob',
  isNullable: nullable,
});

/** Refuses UPDATE and DELETE on a table whose rows are evidence (audit entries, signed records). */
export async function makeAppendOnly(runner: QueryRunner, table: string): Promise<void> {
  if (isPostgresRunner(runner)) {
    await runner.query(`CREATE OR REPLACE FUNCTION refuse_change_${table}() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION '${table} is append-only'; END; $$ LANGUAGE plpgsql`);
    await runner.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON "${table}"
      FOR EACH ROW EXECUTE FUNCTION refuse_change_${table}()`);
  } else {
    await runner.query(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON "${table}"
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`);
    await runner.query(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON "${table}"
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`);
  }
}

export async function dropAppendOnly(runner: QueryRunner, table: string): Promise<void> {
  if (isPostgresRunner(runner)) {
    await runner.query(`DROP TRIGGER IF EXISTS ${table}_append_only ON "${table}"`);
    await runner.query(`DROP FUNCTION IF EXISTS refuse_change_${table}()`);
  } else {
    await runner.query(`DROP TRIGGER IF EXISTS ${table}_no_update`);
    await runner.query(`DROP TRIGGER IF EXISTS ${table}_no_delete`);
  }
}
