// Case search with filters and paging, and mediator suggestions, against the built server on the
// loaded database (reads only; sequential requests, so latencies are per request).
import { argValue, prng, round, summarise } from '../support/common';
import { benchDb, queryDb, requireDb, runMain, ScenarioResult } from '../support/scenario';
import { login, startServer, timeGets } from '../support/server';

const COUNT = Number(argValue('requests', '200'));
const MAX_MS = Number(argValue('max-seconds', '20')) * 1000;

async function main(): Promise<ScenarioResult[]> {
  const db = benchDb();
  requireDb(db);
  const random = prng(7);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const open = await queryDb<{ id: string }>(
    db,
    "SELECT id FROM mediation_case WHERE state IN ('accepted', 'mediating') ORDER BY id LIMIT 5000",
  );
  const server = await startServer({ sqlitePath: db, port: 3103, seedDemo: false });
  const results: ScenarioResult[] = [];
  try {
    const admin = await login(server.url, 'admin', process.env.ADMIN_PASSWORD ?? 'Admin!2026');
    const clerk = await login(server.url, 'clerk.jincheng', 'Clerk!2026jc');
    const searches: [string, string, () => string][] = [
      [
        'search state+type, paged (admin, all stations)',
        admin,
        () =>
          `/api/v1/cases?state=mediating,agreement_reached&disputeType=contract&limit=20&offset=${20 * Math.floor(random() * 10)}`,
      ],
      [
        'search closed labour, deep page (admin)',
        admin,
        () =>
          `/api/v1/cases?state=closed&disputeType=labour&limit=20&offset=${20 * Math.floor(random() * 500)}`,
      ],
      [
        'search own station, paged (clerk)',
        clerk,
        () =>
          `/api/v1/cases?state=closed,performed&limit=20&offset=${20 * Math.floor(random() * 50)}`,
      ],
      [
        'search partyName (admin)',
        admin,
        () => `/api/v1/cases?partyName=${pick(['hassan', 'petrov', '恒达', 'rahimi'])}&limit=20`,
      ],
    ];
    for (const [name, token, path] of searches) {
      const sample = await timeGets(
        server.url,
        token,
        path,
        name.includes('partyName') ? 20 : COUNT,
        MAX_MS,
      );
      const s = summarise(sample.latencies);
      results.push({
        scenario: name,
        median: round(s.median),
        p95: round(s.p95),
        unit: 'ms',
        throughput: round(sample.latencies.length / sample.seconds, 1),
        throughputUnit: 'req/s (1 conn)',
        peakRssMb: server.peakRss(),
        target: '-',
        met: sample.errors === 0 ? null : false,
        figures: { requests: sample.latencies.length, errors: sample.errors, p99: round(s.p99) },
      });
    }
    const suggestions = await timeGets(
      server.url,
      admin,
      () => `/api/v1/cases/${pick(open).id}/mediator-suggestions`,
      COUNT,
      MAX_MS,
    );
    const s = summarise(suggestions.latencies);
    const [{ n: mediators }] = await queryDb<{ n: number }>(
      db,
      'SELECT COUNT(*) AS n FROM mediator',
    );
    const [{ n: cases }] = await queryDb<{ n: number }>(
      db,
      'SELECT COUNT(*) AS n FROM mediation_case',
    );
    results.push({
      scenario: 'mediator suggestions',
      median: round(s.median),
      p95: round(s.p95),
      unit: 'ms',
      throughput: round(suggestions.latencies.length / suggestions.seconds, 1),
      throughputUnit: 'req/s (1 conn)',
      peakRssMb: server.peakRss(),
      target: 'p95 < 20 ms',
      met: s.p95 < 20 && suggestions.errors === 0,
      figures: {
        requests: suggestions.latencies.length,
        errors: suggestions.errors,
        p99: round(s.p99),
        mediators,
        cases,
      },
    });
  } finally {
    await server.stop();
  }
  return results;
}

runMain(main);
