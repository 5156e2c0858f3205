import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { bijieWageCase, mediatingCase, yemeniMerchantCase } from './support/case-factory';
import { call, loginTo, ServerProcess, startServer } from './support/server-process';
import { ADMIN, DEMO } from './support/test-app';

/**
 * Runs a representative slice of the API against the real service with its JSON logs on, then
 * scans everything it wrote for the identity numbers, phone numbers, passwords and bearer
 * tokens used in the run: none may appear, not even in the logs of refused requests.
 */
interface Party {
  phone?: string;
  identityDocument: { type: string; number: string; country?: string };
}

describe('Logs: no identity number, phone, password or token ever reaches them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mediation-logs-'));
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps personal data and secrets out of a full request slice, errors included', async () => {
    const dbPath = join(dir, 'logs.sqlite');
    server = await startServer({ SQLITE_PATH: dbPath, LOG_LEVEL: 'trace' });
    const url = server.url;
    const secrets: string[] = [ADMIN.password, DEMO.clerkJincheng.password];
    const admin = await loginTo(url, ADMIN.username, ADMIN.password);
    const clerk = await loginTo(url, DEMO.clerkJincheng.username, DEMO.clerkJincheng.password);
    secrets.push(admin, clerk, admin.split('.')[2], clerk.split('.')[2]);
    const station = (await call(url, clerk, 'GET', '/api/v1/stations')).body[0].id;

    // A failed and a locked-out sign-in with a distinctive password.
    const wrong = 'Wrong!Password-7319';
    secrets.push(wrong);
    for (let i = 0; i < 6; i++) {
      await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: DEMO.clerkXishan.username, password: wrong }),
      });
    }

    // Registrations, reads, searches with personal data in the query string, a case file.
    const body = yemeniMerchantCase(station, {});
    const person = (body.parties as { person: Party }[])[0].person;
    person.phone = '+8613912345678';
    secrets.push(person.identityDocument.number, '+8613912345678', '13912345678');
    const api = {
      post: (path: string) => ({ send: (b: unknown) => callAs('POST', path, b) }),
      put: (path: string) => ({ send: (b: unknown) => callAs('PUT', path, b) }),
      get: (path: string) => callAs('GET', path),
    };
    function callAs(method: string, path: string, b?: unknown) {
      const p = call(url, clerk, method, path, b);
      return Object.assign(p, {
        expect: async (status: number) => {
          const res = await p;
          expect(res.status).toBe(status);
          return res;
        },
      });
    }
    const c = await mediatingCase(api as never, body);
    const wage = bijieWageCase(station);
    const resident = (wage.parties as { person: Party }[])[0].person;
    secrets.push(resident.identityDocument.number);
    await call(url, clerk, 'POST', '/api/v1/cases', wage);
    const q = encodeURIComponent;
    await call(url, clerk, 'GET', `/api/v1/cases?partyName=${q('الحسن')}`);
    await call(url, clerk, 'GET', `/api/v1/cases?caseNumber=${q(person.identityDocument.number)}`);
    await call(url, clerk, 'GET', `/api/v1/cases/${c.id}`);
    await call(url, clerk, 'GET', `/api/v1/cases/${c.id}/file`);
    await call(url, clerk, 'POST', '/api/v1/persons/matches', {
      identityDocument: person.identityDocument,
      phone: '+8613912345678',
    });

    // Refusals that echo what was sent: a bad phone, a bad document, malformed JSON, a user.
    const badPhone = '+861391234567899';
    const badId = '52050219900101123X';
    secrets.push(badPhone, badId);
    const refused = yemeniMerchantCase(station);
    const refusedPerson = (refused.parties as { person: Party }[])[0].person;
    refusedPerson.phone = badPhone;
    refusedPerson.identityDocument = { type: 'resident_id', number: badId };
    expect((await call(url, clerk, 'POST', '/api/v1/cases', refused)).status).toBe(400);
    await fetch(`${url}/api/v1/cases`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${clerk}`, 'Content-Type': 'application/json' },
      body: `{"parties":[{"person":{"phone":"${badPhone}"`,
    });
    const newPassword = 'Fresh!Password-4471';
    secrets.push(newPassword);
    await call(url, admin, 'POST', '/api/v1/users', {
      username: 'logs.clerk',
      displayName: '日志 测试',
      password: newPassword,
      role: 'clerk',
      stationId: station,
    });
    const fresh = await loginTo(url, 'logs.clerk', newPassword);
    secrets.push(fresh);
    await fetch(`${url}/api/v1/cases`, { headers: { Authorization: `Bearer ${fresh}x` } });
    await call(url, admin, 'GET', '/api/v1/audit?limit=50');
    await server.stop();

    const logs = server.output();
    writeFileSync(join(__dirname, '..', '..', 'test-artifacts', 'log-hygiene.log'), logs);
    const jsonLines = logs.split('\n').filter((l) => l.startsWith('{'));
    expect(jsonLines.length).toBeGreaterThan(30); // the logs were really on
    expect(logs).toContain(`/api/v1/cases/${c.id}`); // and did log the requests
    const found = secrets.filter((s) => logs.includes(s));
    expect(found).toEqual([]);
    process.stdout.write(
      `log hygiene: ${jsonLines.length} log lines scanned for ${secrets.length} secrets\n`,
    );
  }, 180_000);
});
