// Statistics against the built server on the loaded database (reads only): the report of a month
// and of a quarter over all stations (admin) and a bureau's month, the printable PDF of a month, and
// the case-level CSV and XLSX exports of a quarter, each export in a fresh server process so its peak
// RSS is the export's own. Targets (issue): report < 2 s over 1,000,000 cases; CSV >= 50,000
// rows/s with peak memory < 300 MB.
import { argValue, round, summarise } from '../support/common';
import { benchDb, queryDb, requireDb, runMain, ScenarioResult } from '../support/scenario';
import { login, RunningServer, startServer } from '../support/server';
import { namedPeriod } from '../../../src/statistics/statistics-period';

const RUNS = Number(argValue('runs', '5'));
const MONTH = argValue('month', '2026-10')!;
const QUARTER = argValue('quarter', '2026-Q3')!;
const EXPORT_PERIOD = argValue('export-period', '2026-Q3')!;
// The bureau sees one county: a year of it is about as many rows as a quarter of everything.
const BUREAU_EXPORT_PERIOD = argValue('bureau-export-period', '2026')!;
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? 'Admin!2026';
// The first start after a new migration builds its indexes on the loaded data: give it time.
const START_TIMEOUT_MS = 15 * 60_000;

async function get(server: RunningServer, token: string, path: string) {
  const t0 = process.hrtime.bigint();
  const response = await fetch(server.url + path, {
    headers: { authorization: `Bearer ${token}` },
  });
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  return { ms, bytes, lines };
}

async function timed(
  name: string,
  server: RunningServer,
  token: string,
  path: string,
  target: string,
  limitMs: number | null,
): Promise<ScenarioResult> {
  await get(server, token, path); // warm: fonts, statement cache, page cache
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const run = await get(server, token, path);
    samples.push(run.ms);
    bytes = run.bytes;
  }
  const s = summarise(samples);
  return {
    scenario: name,
    median: round(s.median),
    p95: round(s.p95),
    unit: 'ms',
    throughput: round(1000 / s.median, 2),
    throughputUnit: 'req/s (1 conn)',
    peakRssMb: server.peakRss(),
    target,
    met: limitMs === null ? null : s.p95 < limitMs,
    figures: { runs: samples.map((x) => Math.round(x)), responseKb: round(bytes / 1024) },
  };
}

/** Who exports what: an identified reader (names as initials, masked numbers) or a bureau's de-identified rows. */
interface Exporter {
  username: string;
  password: string;
  label: string;
  period: string;
  rows: number;
  /** A month (YYYY-MM) whose first week is exported first, before the measured export. */
  warmUpMonth: string;
}

async function exportRun(
  db: string,
  format: 'csv' | 'xlsx',
  exporter: Exporter,
  port: number,
): Promise<ScenarioResult> {
  const { rows } = exporter;
  const server = await startServer({
    sqlitePath: db,
    port,
    seedDemo: false,
    timeoutMs: START_TIMEOUT_MS,
  });
  try {
    const token = await login(server.url, exporter.username, exporter.password);
    // A first export of one week, so that the figure is the export's rate rather than the
    // process's first use of its code (compiled as it runs hot); its own rate is kept among the
    // figures.
    const warmUp = await get(
      server,
      token,
      `/api/v1/statistics/cases.${format}?from=${exporter.warmUpMonth}-01&to=${exporter.warmUpMonth}-07`,
    );
    const path = `/api/v1/statistics/cases.${format}?period=${exporter.period}`;
    const run = await get(server, token, path);
    // CSV: one line per case after the header; the XLSX's rows are the same pages' rows.
    if (format === 'csv' && run.lines - 1 !== rows)
      throw new Error(`CSV has ${run.lines - 1} rows, the database ${rows}`);
    const rate = rows / (run.ms / 1000);
    const peak = server.peakRss();
    return {
      scenario: `case-level ${format.toUpperCase()} export, ${exporter.period} (${exporter.label})`,
      median: round(run.ms),
      p95: null,
      unit: 'ms',
      throughput: Math.round(rate),
      throughputUnit: 'rows/s',
      peakRssMb: peak,
      target: format === 'csv' ? '>= 50000 rows/s, RSS < 300 MB' : '-',
      met: format === 'csv' ? rate >= 50_000 && peak !== null && peak < 300 : null,
      figures: {
        rows,
        responseKb: round(run.bytes / 1024),
        warmUpRowsPerSecond:
          format === 'csv' ? Math.round((warmUp.lines - 1) / (warmUp.ms / 1000)) : null,
      },
    };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<ScenarioResult[]> {
  const db = benchDb();
  requireDb(db);
  const exported = namedPeriod(EXPORT_PERIOD)!;
  const [{ n: exportRows }] = await queryDb<{ n: number }>(
    db,
    'SELECT COUNT(*) AS n FROM mediation_case WHERE received_on >= ? AND received_on <= ?',
    [exported.from, exported.to],
  );
  const bureauExported = namedPeriod(BUREAU_EXPORT_PERIOD)!;
  const [{ county }] = await queryDb<{ county: string }>(
    db,
    "SELECT county_code AS county FROM app_user WHERE username = 'bureau.yiwu'",
  );
  // As the bureau's scope reads its region (cases/case-scope.ts).
  const [{ n: bureauRows }] = await queryDb<{ n: number }>(
    db,
    `SELECT COUNT(*) AS n FROM mediation_case c
     JOIN station s ON s.id = c.station_id
     WHERE c.received_on >= ? AND c.received_on <= ? AND s.county_code LIKE ?`,
    [bureauExported.from, bureauExported.to, `${county.replace(/(00)+$/, '')}%`],
  );
  const admin: Exporter = {
    username: 'admin',
    password: ADMIN_PASSWORD,
    label: 'admin, identified',
    period: EXPORT_PERIOD,
    rows: exportRows,
    warmUpMonth: '2026-01',
  };
  const bureauExporter: Exporter = {
    username: 'bureau.yiwu',
    password: 'Bureau!2026yw',
    label: 'bureau, de-identified',
    period: BUREAU_EXPORT_PERIOD,
    rows: bureauRows,
    warmUpMonth: '2025-01',
  };
  const results: ScenarioResult[] = [];
  const server = await startServer({
    sqlitePath: db,
    port: 3107,
    seedDemo: false,
    timeoutMs: START_TIMEOUT_MS,
  });
  try {
    const admin = await login(server.url, 'admin', ADMIN_PASSWORD);
    const bureau = await login(server.url, 'bureau.yiwu', 'Bureau!2026yw');
    const report = (period: string) => `/api/v1/statistics/report?period=${period}`;
    results.push(
      await timed(`report ${MONTH} (admin, all)`, server, admin, report(MONTH), 'p95 < 2 s', 2000),
      await timed(`report ${QUARTER} (admin, all)`, server, admin, report(QUARTER), '-', null),
      await timed(`report ${MONTH} (bureau)`, server, bureau, report(MONTH), 'p95 < 2 s', 2000),
      await timed(
        `report PDF ${MONTH} zh-CN (admin)`,
        server,
        admin,
        `/api/v1/statistics/report.pdf?period=${MONTH}`,
        '-',
        null,
      ),
      await timed(
        `report PDF ${MONTH} ar (admin)`,
        server,
        admin,
        `/api/v1/statistics/report.pdf?period=${MONTH}&lang=ar`,
        '-',
        null,
      ),
    );
  } finally {
    await server.stop();
  }
  results.push(await exportRun(db, 'csv', bureauExporter, 3108));
  results.push(await exportRun(db, 'csv', admin, 3110));
  results.push(await exportRun(db, 'xlsx', admin, 3109));
  return results;
}

runMain(main);
