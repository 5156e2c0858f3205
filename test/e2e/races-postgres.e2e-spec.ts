import { Client } from 'pg';
import { yemeniMerchantCase } from './support/case-factory';
import { call, loginTo, ServerProcess, startServer } from './support/server-process';
import { DEMO } from './support/test-app';

/**
 * Two application processes on one PostgreSQL database, as a station with two app servers runs:
 * registrations fired at both at once get unique, gapless case numbers. Skipped without
 * DATABASE_URL (CI's PostgreSQL stage runs it).
 */
const baseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
const postgresOnly = baseUrl && /^postgres/.test(baseUrl) ? describe : describe.skip;

postgresOnly('Races on PostgreSQL with two app processes', () => {
  const name = `mediation_race_${process.pid}_${Date.now().toString(36)}`;
  const servers: ServerProcess[] = [];
  let url = '';

  beforeAll(async () => {
    const admin = new Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(baseUrl!);
    u.pathname = `/${name}`;
    url = u.toString();
    // The first runs the migrations and seeds; the second starts on the ready schema.
    servers.push(await startServer({ DATABASE_URL: url }));
    servers.push(await startServer({ DATABASE_URL: url, SEED_DEMO: 'false' }));
  }, 180_000);

  afterAll(async () => {
    for (const s of servers) await s.kill();
    const admin = new Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('keeps case numbers unique and gapless when both processes register at once', async () => {
    const [one, two] = servers;
    const tokens = [
      await loginTo(one.url, DEMO.clerkJincheng.username, DEMO.clerkJincheng.password),
      await loginTo(two.url, DEMO.clerkJincheng.username, DEMO.clerkJincheng.password),
    ];
    const station = (await call(one.url, tokens[0], 'GET', '/api/v1/stations')).body[0].id;
    const total = 60;
    const results = await Promise.all(
      Array.from({ length: total }, (_, i) =>
        call(
          servers[i % 2].url,
          tokens[i % 2],
          'POST',
          '/api/v1/cases',
          yemeniMerchantCase(station),
        ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(total).fill(201));
    const numbers = results.map((r) => r.body.caseNumber as string);
    expect(new Set(numbers).size).toBe(total);
    const sequences = numbers.map((n) => Number(/(\d+)号$/.exec(n)![1])).sort((a, b) => a - b);
    expect(sequences[total - 1] - sequences[0] + 1).toBe(total);
    process.stdout.write(
      `races: ${total} registrations over two processes numbered ${sequences[0]}..${sequences[total - 1]}\n`,
    );
  }, 120_000);
});
