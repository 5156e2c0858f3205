import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Client } from 'pg';
import { Database, OPEN_READONLY } from 'sqlite3';

/**
 * One database for several server processes: a fresh PostgreSQL database on the server in
 * DATABASE_URL (or TEST_DATABASE_URL), else a fresh SQLite file. `env` is what each process is
 * started with; `query` reads the rows behind the API's back, to check what was stored.
 */
export interface SharedDatabase {
  kind: 'sqlite' | 'postgres';
  env: Record<string, string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows, read by tests
  query<T = any>(sql: string): Promise<T[]>;
  drop(): Promise<void>;
}

export async function sharedDatabase(label: string): Promise<SharedDatabase> {
  const baseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (baseUrl && /^postgres/.test(baseUrl)) {
    const name = `mediation_${label}_${process.pid}_${Date.now().toString(36)}`;
    const admin = new Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(baseUrl);
    u.pathname = `/${name}`;
    const url = u.toString();
    return {
      kind: 'postgres',
      env: { DATABASE_URL: url },
      async query(sql) {
        const client = new Client({ connectionString: url });
        await client.connect();
        try {
          return (await client.query(sql)).rows;
        } finally {
          await client.end();
        }
      },
      async drop() {
        const client = new Client({ connectionString: baseUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), `mediation-${label}-`));
  const file = join(dir, `${label}.sqlite`);
  return {
    kind: 'sqlite',
    env: { SQLITE_PATH: file },
    query: (sql) =>
      new Promise((resolve, reject) => {
        const db = new Database(file, OPEN_READONLY, (err) => {
          if (err) return reject(err);
          db.configure('busyTimeout', 10_000);
          db.all(sql, (error, rows) => {
            db.close();
            if (error) reject(error);
            else resolve(rows as never[]);
          });
        });
      }),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
