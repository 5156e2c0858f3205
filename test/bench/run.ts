// npm run bench: builds if needed, runs every scenario in its own process (so each peak RSS is its
// own), prints one table and writes bench-results/latest.json. Figures, not pass/fail tests.
// With DATABASE_URL=postgres://… the scenarios run against that (loaded) PostgreSQL database.
import { spawnSync } from 'child_process';
import { cpus, totalmem } from 'os';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { ensureBuilt, ROOT } from './support/common';
import {
  benchDb,
  describeDb,
  isPostgres,
  queryDb,
  requireDb,
  ScenarioResult,
} from './support/scenario';

const SCENARIOS = ['agreement-pdf', 'cold-start', 'reads', 'intake', 'statistics'];

async function main(): Promise<void> {
  ensureBuilt();
  const db = benchDb();
  requireDb(db);
  const [{ n: cases }] = await queryDb<{ n: number }>(
    db,
    'SELECT COUNT(*) AS n FROM mediation_case',
  );
  const only = process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice(7)
    .split(',');
  const results: ScenarioResult[] = [];
  const failures: string[] = [];
  for (const name of SCENARIOS.filter((s) => !only || only.includes(s))) {
    console.log(`\n▶ ${name}`);
    const child = spawnSync(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        join(__dirname, 'scenarios', `${name}.ts`),
        ...process.argv.slice(2),
      ],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: process.env },
    );
    const line = child.stdout.split('\n').find((l) => l.startsWith('BENCH_JSON '));
    process.stdout.write(
      child.stdout
        .split('\n')
        .filter((l) => !l.startsWith('BENCH_JSON '))
        .join('\n'),
    );
    if (child.status !== 0 || !line) {
      failures.push(name);
      console.error(`${name} failed:\n${child.stderr.slice(-3000)}`);
      continue;
    }
    results.push(...(JSON.parse(line.slice('BENCH_JSON '.length)) as ScenarioResult[]));
  }
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGb: Math.round(totalmem() / 1073741824),
    node: process.version,
    casesInDatabase: cases,
    database: describeDb(db),
    engine: isPostgres(db) ? 'postgresql' : 'sqlite',
    at: new Date().toISOString(),
  };
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(
    join(ROOT, 'bench-results', 'latest.json'),
    JSON.stringify({ machine, results, failures }, null, 2),
  );
  console.log(`\n${table(results)}`);
  console.log(
    `\n${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGb} GB, node ${machine.node}, ` +
      `${cases.toLocaleString('en')} cases on ${machine.engine} (${machine.database}). JSON: bench-results/latest.json`,
  );
  if (isPostgres(db))
    console.log('The floor server is bare http + sqlite3: on PostgreSQL it is not run.');
  if (failures.length) {
    console.error(`Failed scenarios: ${failures.join(', ')}`);
    process.exitCode = 1;
  }
}

function table(results: ScenarioResult[]): string {
  const extra = (r: ScenarioResult) => {
    const f = r.figures;
    const parts: string[] = [];
    if (f.p99 !== undefined) parts.push(`p99 ${f.p99} ms`);
    if (f.ratioToFloor !== undefined) parts.push(`${f.ratioToFloor} × floor`);
    if (f.non2xx !== undefined) parts.push(`non-2xx ${f.non2xx}, errors ${f.errors}`);
    if (f.sizeKb !== undefined) parts.push(`${f.sizeKb} KB, ${f.pages} pages`);
    if (f.runs !== undefined && Array.isArray(f.runs)) parts.push(`runs ${f.runs.join('/')}`);
    if (typeof f.warmUpRowsPerSecond === 'number')
      parts.push(`after a week's export first (${f.warmUpRowsPerSecond} rows/s)`);
    if (f.note !== undefined) parts.push(String(f.note));
    return parts.join('; ');
  };
  const rows = [
    ['Scenario', 'Median', 'p95', 'Throughput', 'Peak RSS', 'Target', 'Met', 'Notes'],
    ...results.map((r) => [
      r.scenario,
      r.median === null ? '-' : `${r.median} ${r.unit}`,
      r.p95 === null ? '-' : `${r.p95} ${r.unit}`,
      r.throughput === null ? '-' : `${r.throughput} ${r.throughputUnit}`,
      r.peakRssMb === null ? '-' : `${r.peakRssMb} MB`,
      r.target,
      r.met === null ? '-' : r.met ? 'yes' : 'NO',
      extra(r),
    ]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row: string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  return [
    line(rows[0]),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.slice(1).map(line),
  ].join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
