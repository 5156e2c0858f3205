import { randomUUID } from 'crypto';
import { PERMISSIONS, Role, roleHasPermission, Permission } from '../../src/auth/roles';
import { bijieWageCase, mediatingCase, yemeniMerchantCase } from './support/case-factory';
import { RawClient } from './support/raw-client';
import { routeShapes, RouteShape } from './support/route-shapes';
import { ADMIN, DEMO, startTestApp, TestApp } from './support/test-app';

/**
 * Who may see what: every route from Nest's metadata, called by every role, against a record in
 * the caller's scope and one outside it. Without the permission: 403. Outside the scope: 403 or
 * 404, or (for lists) a 2xx in which nothing of the other scope appears. Inside: never 401/403,
 * and a read of real records answers 2xx. Routes added later are checked without editing this.
 */
interface RecordSet {
  label: string;
  caseId: string;
  caseNumber: string;
  partyIds: string[];
  stationId: string;
  mediatorId: string;
  agreementId?: string;
  /** Strings that must never appear in a body served to a caller outside this scope. */
  markers: string[];
}

interface Caller {
  name: string;
  role: Role;
  token: string;
  inside: RecordSet;
  outside?: RecordSet;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

describe('Access matrix: every route × every role, in and out of scope', () => {
  let t: TestApp;
  let client: RawClient;
  const callers: Caller[] = [];
  let checks = 0;

  async function recordSet(
    label: string,
    token: string,
    body: Record<string, unknown>,
  ): Promise<RecordSet> {
    const api = t.as(token);
    const c = await mediatingCase(api, body);
    const full = (await api.get(`/api/v1/cases/${c.id}`).expect(200)).body;
    const panel = (await api.get(`/api/v1/cases/${c.id}/panel`).expect(200)).body;
    const members = (panel.members ?? panel.seats ?? []) as { mediatorId: string }[];
    const parties = body.parties as { person?: Record<string, unknown> }[];
    const person = parties[0].person!;
    return {
      label,
      caseId: c.id,
      caseNumber: c.caseNumber,
      partyIds: c.parties.map((p) => p.id),
      stationId: full.stationId ?? full.station?.id,
      mediatorId: members[0]?.mediatorId,
      markers: [
        c.id,
        c.caseNumber,
        ...c.parties.map((p) => p.id),
        String(person.nameOriginal),
        String((person.identityDocument as { number: string }).number),
      ],
    };
  }

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    client = new RawClient(t.http);
    const admin = await t.login(ADMIN.username, ADMIN.password);
    const clerkA = await t.login(DEMO.clerkJincheng.username, DEMO.clerkJincheng.password);
    const clerkB = await t.login(DEMO.clerkXishan.username, DEMO.clerkXishan.password);
    const bureauA = await t.login(DEMO.bureauYiwu.username, DEMO.bureauYiwu.password);
    const bureauOther = await t.login(DEMO.bureauJiaxing.username, DEMO.bureauJiaxing.password);
    const mediator = await t.login('mediator.jincheng', 'Mediator!2026jc');
    const stationA = (await t.as(clerkA).get('/api/v1/stations').expect(200)).body[0].id;
    const stationB = (await t.as(clerkB).get('/api/v1/stations').expect(200)).body[0].id;
    const A = await recordSet('station A', clerkA, yemeniMerchantCase(stationA));
    const B = await recordSet('station B', clerkB, bijieWageCase(stationB));
    // The mediator's own record: a case at A on whose panel the account's mediator sits.
    const me = (await t.as(mediator).get('/api/v1/auth/me').expect(200)).body;
    const mine = (await t.as(mediator).get('/api/v1/cases').expect(200)).body;
    const list = (Array.isArray(mine) ? mine : mine.items) as { id: string; caseNumber: string }[];
    expect(list.length).toBeGreaterThan(0);
    const mc = (await t.as(mediator).get(`/api/v1/cases/${list[0].id}`).expect(200)).body;
    const M: RecordSet = {
      label: 'mediator panel',
      caseId: mc.id,
      caseNumber: mc.caseNumber,
      partyIds: mc.parties.map((p: { id: string }) => p.id),
      stationId: mc.stationId ?? stationA,
      mediatorId: me.mediatorId ?? A.mediatorId,
      markers: [mc.id, mc.caseNumber],
    };
    callers.push(
      { name: 'admin', role: 'admin', token: admin, inside: A },
      { name: 'clerk A', role: 'clerk', token: clerkA, inside: A, outside: B },
      {
        name: 'mediator on a panel at A',
        role: 'mediator',
        token: mediator,
        inside: M,
        outside: B,
      },
      { name: "bureau of A's county", role: 'bureau', token: bureauA, inside: A, outside: B },
      { name: 'clerk B', role: 'clerk', token: clerkB, inside: B, outside: A },
      {
        name: 'bureau of another county',
        role: 'bureau',
        token: bureauOther,
        inside: B,
        outside: A,
      },
    );
  });

  afterAll(async () => {
    client?.close();
    await t?.close();
    process.stdout.write(`access matrix: ${checks} route × role × scope checks\n`);
  });

  /** The path with ids from a record set; `real` is false when some id had to be made up. */
  function pathFor(route: RouteShape, records: RecordSet): { url: string; real: boolean } {
    let real = true;
    const resource = route.path.split('/')[3];
    const url = route.path.replace(/:([A-Za-z]+)/g, (_m, param: string) => {
      const byResource: Record<string, string | undefined> = {
        cases: records.caseId,
        stations: records.stationId,
        mediators: records.mediatorId,
        agreements: records.agreementId,
      };
      const value =
        param === 'id'
          ? byResource[resource]
          : param === 'partyId'
            ? records.partyIds[0]
            : param === 'mediatorId'
              ? records.mediatorId
              : undefined;
      if (!value) real = false;
      return value ?? randomUUID();
    });
    return { url, real };
  }

  it('has a declared, known permission on every non-public route', () => {
    const undeclared = routeShapes(t.app)
      .filter(
        (r) => !r.isPublic && !(PERMISSIONS as readonly string[]).includes(r.permission ?? ''),
      )
      .map((r) => `${r.method} ${r.path}`);
    expect(undeclared).toEqual([]);
  });

  it('answers each role, in and out of its scope, as its permissions and scope allow', async () => {
    const routes = routeShapes(t.app).filter((r) => !r.isPublic);
    const problems: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const isWrite = WRITES.has(route.method);
      for (const caller of callers) {
        const allowed = roleHasPermission(caller.role, route.permission as Permission);
        const scopes: [string, RecordSet][] = [['in', caller.inside]];
        if (caller.outside) scopes.push(['out', caller.outside]);
        for (const [which, records] of scopes) {
          const { url, real } = pathFor(route, records);
          // Writes inside the scope would change the records the other checks use; a write
          // without a body could even succeed. Inside the scope, writes are checked for 403 only.
          if (isWrite && which === 'in' && (allowed || !route.takesBody)) continue;
          const res = await client.send(route.method, url, {
            body: isWrite ? '{}' : undefined,
            headers: {
              Authorization: `Bearer ${caller.token}`,
              'Content-Type': 'application/json',
            },
          });
          checks++;
          const where = `${key} as ${caller.name} (${which}: ${records.label}) → ${res.status}`;
          if (!allowed) {
            if (res.status !== 403) problems.push(`${where}, expected 403`);
            continue;
          }
          if (res.status === 401 || res.status >= 500) {
            problems.push(where);
            continue;
          }
          if (which === 'in') {
            if (res.status === 403) problems.push(`${where}, refused in scope`);
            else if (!isWrite && real && route.params.length > 0 && res.status >= 400)
              problems.push(`${where}, a real record in scope was not served`);
            continue;
          }
          if (res.status >= 200 && res.status < 300) {
            // A POST without ids (a search such as persons/matches) names no record to be out of.
            if (isWrite && route.params.length > 0)
              problems.push(`${where}, a write outside the scope succeeded`);
            const leaked = records.markers.filter((m) => res.text.includes(m));
            if (leaked.length) problems.push(`${where}, leaked ${leaked.join(', ')}`);
          } else if (!isWrite && route.params.length > 0 && ![403, 404].includes(res.status)) {
            problems.push(`${where}, expected 403 or 404 outside the scope`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checks).toBeGreaterThan(routes.length * 6);
  }, 300_000);

  // The person register is shared for de-duplication at intake: a clerk who already holds a
  // person's name and document learns that the person exists, never the other station's case.
  it("matches a person across stations without revealing the other station's case or the full document number", async () => {
    const clerkA = callers.find((c) => c.name === 'clerk A')!;
    const B = clerkA.outside!;
    const bParty = (
      await t.as(callers.find((c) => c.name === 'clerk B')!.token).get(`/api/v1/cases/${B.caseId}`)
    ).body.parties[0].person;
    const res = await t
      .as(clerkA.token)
      .post('/api/v1/persons/matches')
      .send({ nameOriginal: bParty.nameOriginal, identityDocument: bParty.identityDocument });
    checks++;
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    const caseMarkers = [B.caseId, B.caseNumber, ...B.partyIds, bParty.identityDocument.number];
    expect(caseMarkers.filter((m) => text.includes(m))).toEqual([]);
  });

  it('refuses a valid write to a record outside the caller scope, changing nothing', async () => {
    const clerkA = callers.find((c) => c.name === 'clerk A')!;
    const B = clerkA.outside!;
    const api = t.as(clerkA.token);
    await api.post(`/api/v1/cases/${B.caseId}/transitions`).send({ to: 'closed' }).expect(404);
    const panel = await api
      .put(`/api/v1/cases/${B.caseId}/panel`)
      .send({ leadId: B.mediatorId, coMediatorIds: [], interpreterIds: [] });
    expect([403, 404]).toContain(panel.status);
    const b = callers.find((c) => c.name === 'clerk B')!;
    const mine = await t.as(b.token).get(`/api/v1/cases/${B.caseId}`).expect(200);
    expect(mine.body.state).toBe('mediating');
  });
});
