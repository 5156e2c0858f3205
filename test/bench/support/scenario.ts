import { copyFileSync, existsSync, mkdirSync, rmSync } from 'fs';
import { join, resolve } from 'path';
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

export const benchDb = (): string =>
  resolve(argValue('db') ?? process.env.SQLITE_PATH ?? join(ROOT, 'data', 'bench.sqlite'));

export function requireDb(path: string): void {
  if (!existsSync(path))
    throw new Error(`${path} does not exist: run npm run bench:data -- --cases 1000000 first`);
}

/** A throw-away copy of the loaded database for scenarios that write. */
export function copyDb(source: string, name: string): { path: string; remove: () => void } {
  const dir = join(ROOT, 'bench-results', 'work');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.sqlite`);
  const remove = () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  };
  remove();
  copyFileSync(source, path);
  return { path, remove };
}

export function queryDb<T>(path: string, sql: string, params: unknown[] = []): Promise<T[]> {
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
