// Intake: POST /api/v1/cases with two parties, autocannon 30 s at 32 connections, against the built
// server on a copy of the loaded database; then the same load against the floor server (SQLite
// only: on PostgreSQL the app alone runs, on a TEMPLATE copy).
import autocannon from 'autocannon';
import { join } from 'path';
import { argValue, round, ROOT, summarise } from '../support/common';
import { intakeBodies } from '../support/intake-bodies';
import {
  benchDb,
  copyDb,
  isPostgres,
  queryDb,
  requireDb,
  runMain,
  ScenarioResult,
} from '../support/scenario';
import { login, RunningServer, startServer } from '../support/server';

const DURATION = Number(argValue('duration', '30'));
const CONNECTIONS = Number(argValue('connections', '32'));
const TAG_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

interface LoadFigures {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  median: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

async function load(
  url: string,
  token: string | null,
  stationId: string,
  seconds: number,
): Promise<LoadFigures> {
  const tag = Array.from(
    { length: 2 },
    () => TAG_CHARS[Math.floor(Math.random() * TAG_CHARS.length)],
  ).join('');
  const next = intakeBodies(stationId, tag);
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const instance = autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/cases',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        setupRequest: (request) => ({ ...request, body: next() }),
      },
    ],
  });
  instance.on(
    'response',
    (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    },
  );
  const result = await instance;
  const summary = summarise(latencies);
  return {
    requestsPerSecond: round(result.requests.average, 0),
    p50: round(summary.median, 1),
    p95: round(summary.p95, 1),
    p99: round(summary.p99, 1),
    median: round(summary.median, 1),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}

async function measure(
  server: RunningServer,
  token: string | null,
  stationId: string,
): Promise<LoadFigures & { peakRssMb: number | null }> {
  await load(server.url, token, stationId, 3); // warm-up
  const figures = await load(server.url, token, stationId, DURATION);
  return { ...figures, peakRssMb: server.peakRss() };
}

async function main(): Promise<ScenarioResult[]> {
  const source = benchDb();
  requireDb(source);
  const [{ id: stationId }] = await queryDb<{ id: string }>(
    source,
    "SELECT id FROM station WHERE code = 'YW-JC'",
  );
  const [{ n: cases }] = await queryDb<{ n: number }>(
    source,
    'SELECT COUNT(*) AS n FROM mediation_case',
  );

  // The app writes into a scratch copy (a copied file, or a TEMPLATE copy on PostgreSQL), so the
  // loaded database stays as it was for later runs.
  const postgres = isPostgres(source);
  const appCopy = await copyDb(source, 'intake-app');
  let app: LoadFigures & { peakRssMb: number | null };
  try {
    const server = await startServer({ sqlitePath: appCopy.path, port: 3101, seedDemo: true });
    try {
      const token = await login(server.url, 'clerk.jincheng', 'Clerk!2026jc');
      app = await measure(server, token, stationId);
    } finally {
      await server.stop();
    }
  } finally {
    await appCopy.remove();
  }

  const failures = app.non2xx + app.errors + app.timeouts;
  const appResult = (ratio: number | null, note?: string): ScenarioResult => ({
    scenario: 'intake POST /api/v1/cases',
    median: app.p50,
    p95: app.p95,
    unit: 'ms',
    throughput: app.requestsPerSecond,
    throughputUnit: 'req/s',
    peakRssMb: app.peakRssMb,
    target: '≥ 1000 req/s, ≥ 0.4 × floor, p99 < 50 ms, 0 errors',
    met:
      app.requestsPerSecond >= 1000 &&
      (ratio === null || ratio >= 0.4) &&
      app.p99 < 50 &&
      failures === 0,
    figures: {
      ...app,
      ...(ratio === null ? {} : { ratioToFloor: ratio }),
      ...(note ? { note } : {}),
      connections: CONNECTIONS,
      seconds: DURATION,
      casesInDatabase: cases,
      database: postgres ? 'postgres' : 'sqlite',
    },
  });
  // The floor server is bare http + sqlite3: there is no PostgreSQL floor to compare with.
  if (postgres)
    return [appResult(null, 'PostgreSQL (scratch TEMPLATE copy); floor server is SQLite-only')];

  const floorCopy = await copyDb(source, 'intake-floor');
  let floor: LoadFigures & { peakRssMb: number | null };
  try {
    const server = await startServer({
      sqlitePath: floorCopy.path,
      port: 3102,
      script: join(ROOT, 'test', 'bench', 'floor-server.js'),
    });
    try {
      floor = await measure(server, null, stationId);
    } finally {
      await server.stop();
    }
  } finally {
    await floorCopy.remove();
  }

  return [
    appResult(round(app.requestsPerSecond / floor.requestsPerSecond, 2)),
    {
      scenario: 'intake floor (bare http + sqlite3)',
      median: floor.p50,
      p95: floor.p95,
      unit: 'ms',
      throughput: floor.requestsPerSecond,
      throughputUnit: 'req/s',
      peakRssMb: floor.peakRssMb,
      target: 'reference',
      met: null,
      figures: { ...floor, connections: CONNECTIONS, seconds: DURATION },
    },
  ];
}

runMain(main);
