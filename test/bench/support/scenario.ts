import { copyFileSync, existsSync, mkdirSync, rmSync } from 'fs';
import { join, resolve } from 'path';
import { Client, types } from 'pg';
import { Database, OPEN_READONLY } from 'sqlite3';
import { argValue, ROOT } from './common';

/** One row of the results table; `figures` holds everything else the scenario measured. */
export interface ScenarioResult {
  scenario: string;
  median: number | null;
  p95: number | null;
  unit: string;
  throughput: number | null;
  throughputUnit: string;
  peakRssMb: number | null;
  target: string;
  met: boolean | null;
  figures: Record<string, unknown>;
}

/** A postgres:// URL of the loaded database rather than a SQLite file. */
export const isPostgres = (db: string): boolean => /^postgres(ql)?:\/\//.test(db);

/**
 * The loaded database: the PostgreSQL one when DATABASE_URL points at PostgreSQL (as for the
 * app), else the SQLite file (--db, SQLITE_PATH or data/bench.sqlite).
 */
export const benchDb = (): string =>
  isPostgres(process.env.DATABASE_URL ?? '')
    ? process.env.DATABASE_URL!
    : resolve(argValue('db') ?? process.env.SQLITE_PATH ?? join(ROOT, 'data', 'bench.sqlite'));

/** The database as it may be printed: a URL without its password. */
export const describeDb = (db: string): string =>
  isPostgres(db) ? db.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@') : db;

export function requireDb(path: string): void {
  if (!isPostgres(path) && !existsSync(path))
    throw new Error(`${path} does not exist: run npm run bench:data -- --cases 1000000 first`);
}

/** The URL of another database on the same PostgreSQL server. */
function withDatabase(url: string, name: string): string {
  const target = new URL(url);
  target.pathname = `/${encodeURIComponent(name)}`;
  return target.toString();
}

const databaseOf = (url: string): string => decodeURIComponent(new URL(url).pathname.slice(1));

async function onServer(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * A throw-away copy of the loaded database for scenarios that write: a copied file on SQLite, a
 * database made with CREATE DATABASE ... TEMPLATE on PostgreSQL (nothing may be connected to the
 * loaded database meanwhile). `path` is the copy's file or URL.
 */
export async function copyDb(
  source: string,
  name: string,
): Promise<{ path: string; remove: () => Promise<void> }> {
  if (isPostgres(source)) {
    const copy = `${databaseOf(source)}_${name.replace(/\W/g, '_')}`;
    await onServer(source, `DROP DATABASE IF EXISTS ${quoteIdent(copy)} WITH (FORCE)`);
    await onServer(
      source,
      `CREATE DATABASE ${quoteIdent(copy)} TEMPLATE ${quoteIdent(databaseOf(source))}`,
    );
    return {
      path: withDatabase(source, copy),
      remove: () => onServer(source, `DROP DATABASE IF EXISTS ${quoteIdent(copy)} WITH (FORCE)`),
    };
  }
  const dir = join(ROOT, 'bench-results', 'work');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.sqlite`);
  const remove = () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  };
  remove();
  copyFileSync(source, path);
  return { path, remove: async () => remove() };
}

/**
 * One read of the loaded database outside the server, SQLite file or PostgreSQL URL. The SQL is
 * written for both (? placeholders become $n; bigint counts come back as numbers).
 */
export async function queryDb<T>(path: string, sql: string, params: unknown[] = []): Promise<T[]> {
  if (isPostgres(path)) {
    const client = new Client({
      connectionString: path,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === types.builtins.INT8
            ? (value: string) => Number(value)
            : types.getTypeParser(oid, format as 'text')) as typeof types.getTypeParser,
      },
    });
    await client.connect();
    try {
      let n = 0;
      const text = params.length ? sql.replace(/\?/g, () => `$${++n}`) : sql;
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  }
  return new Promise((resolvePromise, reject) => {
    const db = new Database(path, OPEN_READONLY, (error) => {
      if (error) return reject(error);
      db.all(sql, params, (queryError, rows) => {
        db.close();
        if (queryError) reject(queryError);
        else resolvePromise(rows as T[]);
      });
    });
  });
}

/** Prints the result for the runner (one marked JSON line) and a readable line for a person. */
export function report(results: ScenarioResult[]): void {
  for (const r of results)
    console.log(
      `${r.scenario}: median ${r.median} ${r.unit}, p95 ${r.p95} ${r.unit}, ${r.throughput} ${r.throughputUnit}, peak RSS ${r.peakRssMb} MB`,
    );
  console.log(`BENCH_JSON ${JSON.stringify(results)}`);
}

export function runMain(main: () => Promise<ScenarioResult[]>): void {
  main()
    .then((results) => {
      report(results);
      process.exit(0);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
