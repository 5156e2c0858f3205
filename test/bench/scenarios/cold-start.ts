// Cold start: spawning node dist/main.js to the first 200 of GET /health, on the loaded (migrated)
// database with SEED_DEMO=false; median of 5.
import { argValue, round, summarise } from '../support/common';
import { benchDb, requireDb, runMain, ScenarioResult } from '../support/scenario';
import { startServer } from '../support/server';

async function main(): Promise<ScenarioResult[]> {
  const db = benchDb();
  requireDb(db);
  const times: number[] = [];
  let peak: number | null = null;
  for (let i = 0; i < Number(argValue('runs', '5')); i++) {
    const server = await startServer({ sqlitePath: db, port: 3104, seedDemo: false });
    times.push(server.startMs);
    peak = Math.max(peak ?? 0, server.peakRss() ?? 0);
    await server.stop();
  }
  const s = summarise(times);
  return [
    {
      scenario: 'cold start to healthy /health',
      median: round(s.median, 0),
      p95: round(s.p95, 0),
      unit: 'ms',
      throughput: null,
      throughputUnit: '',
      peakRssMb: peak,
      target: '< 3000 ms',
      met: s.median < 3000,
      figures: { runs: times.map((t) => round(t, 0)) },
    },
  ];
}

runMain(main);
