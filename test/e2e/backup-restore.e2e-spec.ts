import { execFile } from 'child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import { Database } from 'sqlite3';
import { yemeniMerchantCase } from './support/case-factory';
import { call, loginTo, ServerProcess, startServer } from './support/server-process';
import { ADMIN, DEMO } from './support/test-app';

/**
 * `npm run backup` under an intake load, then the documented restore (stop, copy the file over
 * SQLITE_PATH, start) into a fresh service: the copy is one consistent moment (every case has
 * its parties and its registration; counts unchanged by the restore) and the audit chain is valid.
 */
const sqliteOnly = process.env.DATABASE_URL ? describe.skip : describe;
const ROOT = join(__dirname, '..', '..');

function sqliteAll<T>(file: string, sql: string): Promise<T[]> {
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

async function counts(file: string): Promise<Record<string, number>> {
  const tables = await sqliteAll<{ name: string }>(
    file,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  const result: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await sqliteAll<{ n: number }>(file, `SELECT COUNT(*) AS n FROM "${name}"`);
    result[name] = row.n;
  }
  return result;
}

sqliteOnly('Backup: a consistent copy under load, restored into a fresh service', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mediation-backup-'));
  const live = join(dir, 'live.sqlite');
  const backup = join(dir, 'backups', 'copy.sqlite');
  const restored = join(dir, 'restored.sqlite');
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes the copy while registrations go on, and the restored service serves it whole', async () => {
    server = await startServer({ SQLITE_PATH: live });
    const url = server.url;
    const clerk = await loginTo(url, DEMO.clerkJincheng.username, DEMO.clerkJincheng.password);
    const station = (await call(url, clerk, 'GET', '/api/v1/stations')).body[0].id;
    const acknowledged: string[] = [];
    let stop = false;
    const worker = async () => {
      while (!stop) {
        const res = await call(url, clerk, 'POST', '/api/v1/cases', yemeniMerchantCase(station));
        expect(res.status).toBe(201);
        acknowledged.push(res.body.id);
      }
    };
    const workers = Array.from({ length: 6 }, worker);
    while (acknowledged.length < 20) await new Promise((r) => setTimeout(r, 20));
    const before = acknowledged.length;
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'backup'], {
      cwd: ROOT,
      env: { ...process.env, SQLITE_PATH: live, BACKUP_PATH: backup, DATABASE_URL: '' },
    });
    const during = acknowledged.length;
    stop = true;
    await Promise.all(workers);
    expect(stdout.trim()).toBe(backup);
    expect(existsSync(`${backup}.partial`)).toBe(false);
    expect(during).toBeGreaterThan(before); // writes went on while the copy was taken

    const copied = await counts(backup);
    expect(copied.mediation_case).toBeGreaterThanOrEqual(before);
    // One consistent moment: no registration is half in the copy.
    const [orphans] = await sqliteAll<{ n: number }>(
      backup,
      `SELECT COUNT(*) AS n FROM mediation_case c WHERE
         (SELECT COUNT(*) FROM case_party p WHERE p.case_id = c.id) < 2
         OR NOT EXISTS (SELECT 1 FROM case_transition t WHERE t.case_id = c.id)`,
    );
    expect(orphans.n).toBe(0);
    await server.stop();

    // The documented restore: the service stopped, the file copied over SQLITE_PATH, started.
    copyFileSync(backup, restored);
    server = await startServer({ SQLITE_PATH: restored, SEED_DEMO: 'false' });
    const admin = await loginTo(server.url, ADMIN.username, ADMIN.password);
    const audit = await call(server.url, admin, 'GET', '/api/v1/audit/verify');
    expect(audit.body.valid).toBe(true);
    const inCopy = await sqliteAll<{ id: string }>(backup, 'SELECT id FROM mediation_case');
    for (const { id } of inCopy.slice(-10)) {
      const c = await call(server.url, admin, 'GET', `/api/v1/cases/${id}`);
      expect([c.status, c.body.parties?.length]).toEqual([200, 2]);
    }
    await server.stop();
    server = undefined;
    expect(await counts(restored)).toEqual(copied);
    process.stdout.write(
      `backup: ${copied.mediation_case} cases in a copy taken while ${during - before} registrations were acknowledged\n`,
    );
  }, 240_000);
});
