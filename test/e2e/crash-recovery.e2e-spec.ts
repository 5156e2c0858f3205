import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Database } from 'sqlite3';
import { yemeniMerchantCase } from './support/case-factory';
import { call, loginTo, ServerProcess, startServer } from './support/server-process';
import { ADMIN, DEMO } from './support/test-app';

/**
 * The real service, killed with SIGKILL in the middle of an intake load and restarted on the same
 * SQLite file: every registration it acknowledged (201) is there in full (the case, both parties,
 * the registration in the timeline), the file passes integrity_check and the audit chain is valid.
 * SQLite only: on PostgreSQL durability is the server's business.
 */
const sqliteOnly = process.env.DATABASE_URL ? describe.skip : describe;

function sqliteQuery<T = Record<string, unknown>>(file: string, sql: string): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const db = new Database(file, (err) => {
      if (err) return reject(err);
      db.all(sql, (error, rows) => {
        db.close();
        if (error) reject(error);
        else resolve(rows as T[]);
      });
    });
  });
}

sqliteOnly('Crash recovery: SIGKILL during intake loses no acknowledged write', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mediation-crash-'));
  const file = join(dir, 'crash.sqlite');
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds every acknowledged case complete after a restart, the file intact and the audit chain valid', async () => {
    server = await startServer({ SQLITE_PATH: file });
    const clerk = await loginTo(
      server.url,
      DEMO.clerkJincheng.username,
      DEMO.clerkJincheng.password,
    );
    const station = (await call(server.url, clerk, 'GET', '/api/v1/stations')).body[0].id;

    const acknowledged: { id: string; caseNumber: string }[] = [];
    let failed = 0;
    let stop = false;
    const url = server.url;
    const worker = async () => {
      while (!stop) {
        try {
          const res = await call(url, clerk, 'POST', '/api/v1/cases', yemeniMerchantCase(station));
          if (res.status === 201) acknowledged.push(res.body);
          else failed++;
        } catch {
          failed++; // the connection died with the process: not acknowledged
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    // Kill once the load is well under way, at an arbitrary moment of some write.
    while (acknowledged.length < 120) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 50)));
    stop = true;
    await server.kill();
    await Promise.all(workers);
    expect(acknowledged.length).toBeGreaterThanOrEqual(120);

    server = await startServer({ SQLITE_PATH: file, SEED_DEMO: 'false' });
    const admin = await loginTo(server.url, ADMIN.username, ADMIN.password);
    const incomplete: string[] = [];
    for (const ack of acknowledged) {
      const c = await call(server.url, admin, 'GET', `/api/v1/cases/${ack.id}`);
      const timeline = await call(server.url, admin, 'GET', `/api/v1/cases/${ack.id}/timeline`);
      const complete =
        c.status === 200 &&
        c.body.caseNumber === ack.caseNumber &&
        c.body.parties?.length === 2 &&
        c.body.state === 'registered' &&
        timeline.status === 200 &&
        JSON.stringify(timeline.body).includes('registered');
      if (!complete) incomplete.push(`${ack.caseNumber} (${c.status}/${timeline.status})`);
    }
    expect(incomplete).toEqual([]);
    const numbers = new Set(acknowledged.map((a) => a.caseNumber));
    expect(numbers.size).toBe(acknowledged.length);

    const audit = await call(server.url, admin, 'GET', '/api/v1/audit/verify');
    expect(audit.status).toBe(200);
    expect(audit.body.valid).toBe(true);
    // The restarted service still takes registrations: the counter survived too.
    const after = await call(
      server.url,
      clerk,
      'POST',
      '/api/v1/cases',
      yemeniMerchantCase(station),
    );
    expect(after.status).toBe(201);
    expect(numbers.has(after.body.caseNumber)).toBe(false);
    await server.stop();

    const [integrity] = await sqliteQuery<{ integrity_check: string }>(
      file,
      'PRAGMA integrity_check',
    );
    expect(integrity.integrity_check).toBe('ok');
    const transitions = await sqliteQuery<{ n: number }>(
      file,
      `SELECT COUNT(DISTINCT case_id) AS n FROM case_transition WHERE case_id IN (${acknowledged
        .map((a) => `'${a.id}'`)
        .join(',')})`,
    );
    expect(transitions[0].n).toBe(acknowledged.length);
    process.stdout.write(
      `crash recovery: ${acknowledged.length} acknowledged registrations verified after SIGKILL (${failed} in flight or refused, never acknowledged)\n`,
    );
  }, 240_000);
});
