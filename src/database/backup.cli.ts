import { existsSync, mkdirSync, renameSync, rmSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { Database, OPEN_READONLY, OPEN_READWRITE } from 'sqlite3';

/**
 * `npm run backup`: a consistent copy of the SQLite database while the service runs.
 *
 * `VACUUM INTO` reads the database inside one read transaction, so the copy is the state after
 * some commit and before the next, however busy the writers are (WAL lets them go on), and the
 * copy is a single file with no -wal beside it. The copy is checked with integrity_check before
 * it takes its final name. Restore: stop the service, copy the file over SQLITE_PATH (removing any
 * -wal and -shm files beside it), start the service.
 *
 * Reads SQLITE_PATH (default ./data/mediation.sqlite) and BACKUP_PATH (default
 * ./data/backups/mediation-<timestamp>.sqlite). PostgreSQL is backed up with pg_dump instead.
 */
function open(file: string, mode: number): Promise<Database> {
  return new Promise((ok, fail) => {
    const db = new Database(file, mode, (err) => (err ? fail(err) : ok(db)));
  });
}

function run(db: Database, sql: string, params: unknown[] = []): Promise<void> {
  return new Promise((ok, fail) => db.run(sql, params, (err) => (err ? fail(err) : ok())));
}

function get<T>(db: Database, sql: string): Promise<T> {
  return new Promise((ok, fail) => db.get(sql, (err, row) => (err ? fail(err) : ok(row as T))));
}

function close(db: Database): Promise<void> {
  return new Promise((ok, fail) => db.close((err) => (err ? fail(err) : ok())));
}

export async function backupSqlite(source: string, target: string): Promise<string> {
  if (!existsSync(source)) throw new Error(`No database at ${source}`);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const db = await open(source, OPEN_READWRITE);
  try {
    await run(db, 'PRAGMA busy_timeout = 10000');
    await run(db, 'VACUUM INTO ?', [partial]);
  } finally {
    await close(db);
  }
  const copy = await open(partial, OPEN_READONLY);
  try {
    const row = await get<{ integrity_check: string }>(copy, 'PRAGMA integrity_check');
    if (row.integrity_check !== 'ok')
      throw new Error(`Backup failed integrity_check: ${row.integrity_check}`);
  } finally {
    await close(copy);
  }
  renameSync(partial, target);
  return target;
}

async function main(): Promise<void> {
  if (process.env.DATABASE_URL) {
    throw new Error('DATABASE_URL is set: back PostgreSQL up with pg_dump, not this script.');
  }
  const source = resolve(process.env.SQLITE_PATH || './data/mediation.sqlite');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = resolve(
    process.env.BACKUP_PATH || join('data', 'backups', `mediation-${stamp}.sqlite`),
  );
  process.stdout.write(`${await backupSqlite(source, target)}\n`);
}

if (require.main === module) {
  main().catch((error: Error) => {
    process.stderr.write(`backup failed: ${error.message}\n`);
    process.exit(1);
  });
}
