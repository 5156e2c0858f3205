import fc from 'fast-check';
import { mediatingCase, yemeniMerchantCase } from './support/case-factory';
import { changedTables, databaseSnapshot } from './support/database-snapshot';
import { HostileRequest, hostileRequests, pathValue } from './support/hostile-bodies';
import { inPool, RawClient, RawResponse } from './support/raw-client';
import { RouteShape, writeRoutes } from './support/route-shapes';
import { ADMIN, DEMO, startTestApp, TestApp } from './support/test-app';

/**
 * Every write route, found in Nest's route metadata (so routes added later are covered without
 * touching this file), gets a thousand generated malformed bodies from an administrator, with
 * real ids, random UUIDs and non-ids in its path. Each answer must be a 4xx in our error shape
 * and the database must be exactly as before (row counts and content checksums of every table).
 */
const RUNS = Number(process.env.HOSTILE_RUNS ?? 1000);
// Every other write route gets fewer by default to keep the run near a minute and a half;
// HOSTILE_RUNS_OTHER=1000 runs the full thousand everywhere.
const RUNS_OTHER = Number(process.env.HOSTILE_RUNS_OTHER ?? 500);
const MAIN_ROUTES = new Set([
  'POST /api/v1/cases',
  'POST /api/v1/users',
  'POST /api/v1/stations',
  'PUT /api/v1/cases/:id/panel',
  'POST /api/v1/cases/:id/agreements',
  'PUT /api/v1/agreements/:id/draft',
  'POST /api/v1/mediators',
]);
const SEED = Number(process.env.HOSTILE_SEED ?? 20260509);

function draftFor(c: { parties: { id: string; role: string }[] }) {
  const both = (zh: string, ar: string) => ({
    original: { language: 'zh-CN', text: zh },
    translations: [{ language: 'ar', text: ar, translatedBy: '金城站翻译 李娜', checked: true }],
  });
  return {
    facts: both('到货时120箱破损。', 'وصلت 120 منها مكسورة.'),
    mattersInDispute: both('破损货物的赔偿金额。', 'مقدار التعويض.'),
    responsibilities: both('被申请人承担责任。', 'يتحمل المدعى عليه المسؤولية.'),
    terms: [
      {
        kind: 'clause',
        clause: 'lump_sum_payment',
        params: {
          payer: 'respondent:1',
          payee: 'applicant:1',
          amount: { amount: '20760.00', currency: 'USD' },
          dueDate: '2026-12-15',
          method: 'bank_transfer',
        },
      },
      { kind: 'clause', clause: 'chinese_text_prevails', params: {} },
    ],
    performance: {
      method: both('银行转账', 'تحويل مصرفي'),
      place: both('浙江省义乌市', 'مدينة ييوو'),
      deadline: '2026-12-15',
    },
    copies: 3,
    mediators: [{ name: '王建华' }],
    partyLanguages: c.parties.slice(0, 1).map((p) => ({ partyId: p.id, language: 'ar' })),
  };
}

interface Failure {
  route: string;
  path: string;
  kind: string;
  status: number;
  sent: string;
  answer: string;
}

function inOurShape(res: RawResponse): boolean {
  const body = res.json as Record<string, unknown> | undefined;
  return (
    !!body &&
    body.statusCode === res.status &&
    typeof body.code === 'string' &&
    body.code.length > 0 &&
    typeof body.message === 'string' &&
    Array.isArray(body.details)
  );
}

describe('Hostile input: malformed bodies on every write route change nothing', () => {
  let t: TestApp;
  let client: RawClient;
  let token: string;
  const ids: Record<string, string> = {};
  const seeds: Record<string, Record<string, unknown>> = {};
  const tried: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    client = new RawClient(t.http);
    token = await t.login(ADMIN.username, ADMIN.password);
    const api = t.as(token);
    const clerk = await t.login(DEMO.clerkJincheng.username, DEMO.clerkJincheng.password);
    const station = (await t.as(clerk).get('/api/v1/stations').expect(200)).body[0].id as string;
    const c = await mediatingCase(api, yemeniMerchantCase(station));
    const panel = (await api.get(`/api/v1/cases/${c.id}/panel`).expect(200)).body;
    const agreement = (
      await api.post(`/api/v1/cases/${c.id}/agreements`).send(draftFor(c)).expect(201)
    ).body;
    const user = (
      await api
        .post('/api/v1/users')
        .send({
          username: `fuzz.clerk${Date.now().toString(36)}`,
          displayName: '测试 文员',
          password: 'Fuzz!2026clerk',
          role: 'clerk',
          stationId: station,
        })
        .expect(201)
    ).body;
    const mediators = (await api.get('/api/v1/mediators').expect(200)).body;
    const mediatorList = (Array.isArray(mediators) ? mediators : mediators.items) as {
      id: string;
    }[];
    Object.assign(ids, {
      case: c.id,
      party: c.parties[0].id,
      agreement: agreement.id,
      user: user.id,
      station,
      mediator: mediatorList[0].id,
    });
    const seats = (panel.members ?? panel.seats ?? []) as { mediatorId: string; role: string }[];
    Object.assign(seeds, {
      'POST /api/v1/auth/login': { username: 'admin', password: 'wrong-password' },
      'POST /api/v1/cases': yemeniMerchantCase(station),
      'POST /api/v1/persons/matches': yemeniMerchantCase(station).parties[0],
      'POST /api/v1/users': {
        username: 'fuzz.user',
        displayName: 'Fuzz User',
        password: 'Fuzz!2026abcd',
        role: 'clerk',
        stationId: station,
        preferredLanguage: 'en',
      },
      'PATCH /api/v1/users/:id': { displayName: 'Fuzz', preferredLanguage: 'en', disabled: false },
      'POST /api/v1/stations': {
        code: 'FZ-1',
        nameZh: '模糊测试站',
        nameEn: 'Fuzz station',
        kind: 'mediation_committee',
        countyCode: '330481',
        caseNumberFormat: '（{year}）模字第{seq:4}号',
        panelPolicy: {
          staffMediatorForForeignParty: true,
          everyPartyLanguageCovered: true,
          maxMediators: 3,
        },
      },
      'PATCH /api/v1/stations/:id': { nameZh: '模糊', nameEn: 'Fuzz' },
      'PUT /api/v1/cases/:id/panel': {
        leadId: seats.find((s) => s.role === 'lead')?.mediatorId ?? ids.mediator,
        coMediatorIds: seats.filter((s) => s.role === 'co_mediator').map((s) => s.mediatorId),
        interpreterIds: seats.filter((s) => s.role === 'interpreter').map((s) => s.mediatorId),
      },
      'POST /api/v1/cases/:id/agreements': draftFor(c),
      'PUT /api/v1/agreements/:id/draft': draftFor(c),
      'POST /api/v1/agreements/:id/revise': draftFor(c),
      'POST /api/v1/cases/:id/transitions': { to: 'closed', reason: 'test' },
      'POST /api/v1/mediators': {
        kind: 'staff',
        sex: 'female',
        nameOriginal: '周敏',
        nationality: 'CN',
        stationIds: [station],
        capacity: 10,
        languages: [{ tag: 'zh-CN', level: 'native' }],
      },
    });
  });

  afterAll(async () => {
    client?.close();
    await t?.close();
    const counts = Object.entries(tried).map(([r, n]) => `${n}\t${r}`);
    const total = Object.values(tried).reduce((a, b) => a + b, 0);
    process.stdout.write(
      `hostile input: ${total} requests over ${counts.length} write routes\n${counts.join('\n')}\n`,
    );
  });

  /** Real ids for the path parameters this route names, by the resource its path is about. */
  function realIdFor(route: RouteShape, param: string): string | undefined {
    if (!route.takesBody) return undefined; // a body-less write with a real id would just succeed
    const resource = route.path.split('/')[3];
    if (param === 'partyId') return ids.party;
    if (param !== 'id') return undefined;
    return {
      cases: ids.case,
      agreements: ids.agreement,
      users: ids.user,
      stations: ids.station,
      mediators: ids.mediator,
    }[resource];
  }

  async function attack(route: RouteShape, runs: number): Promise<Failure[]> {
    const key = `${route.method} ${route.path}`;
    const requests = fc.sample(
      fc.record({
        request: hostileRequests(seeds[key]),
        path: fc.tuple(...route.params.map((p) => pathValue(realIdFor(route, p)))),
      }),
      { numRuns: runs, seed: SEED + key.length },
    );
    const failures: Failure[] = [];
    await inPool(
      requests,
      6,
      async ({ request, path }: { request: HostileRequest; path: string[] }) => {
        let i = 0;
        const url = route.path.replace(/:[A-Za-z]+/g, () => path[i++]);
        const headers: Record<string, string> = {
          Authorization: `Bearer ${token}`,
          'Accept-Language': 'en',
        };
        if (request.contentType) headers['Content-Type'] = request.contentType;
        const res = await client.send(route.method, url, { body: request.body, headers });
        tried[key] = (tried[key] ?? 0) + 1;
        if (res.status >= 400 && res.status < 500 && inOurShape(res)) return;
        failures.push({
          route: key,
          path: url.slice(0, 200),
          kind: request.kind,
          status: res.status,
          sent: request.body.subarray(0, 300).toString('utf8'),
          answer: res.text.slice(0, 300),
        });
      },
    );
    return failures;
  }

  it('answers every malformed body on every write route with a 4xx in our shape, changing nothing', async () => {
    const routes = writeRoutes(t.app);
    expect(routes.length).toBeGreaterThan(20);
    // Sign-in last: its rate limit answers 429 after twenty attempts, which is fine but ends the run.
    routes.sort((a, b) => Number(a.isPublic) - Number(b.isPublic));
    const failures: Failure[] = [];
    const changed: string[] = [];
    for (const route of routes) {
      const before = await databaseSnapshot(t.dataSource);
      const key = `${route.method} ${route.path}`;
      const found = await attack(route, MAIN_ROUTES.has(key) ? RUNS : Math.min(RUNS, RUNS_OTHER));
      const after = await databaseSnapshot(t.dataSource);
      // One example of each kind of failure is enough to reproduce it.
      const seen = new Set<string>();
      for (const f of found) {
        const sig = `${f.kind} ${f.status}`;
        if (!seen.has(sig)) failures.push(f);
        seen.add(sig);
      }
      const tables = changedTables(before, after);
      if (tables.length) changed.push(`${route.method} ${route.path}: ${tables.join(', ')}`);
    }
    expect(failures).toEqual([]);
    expect(changed).toEqual([]);
    // The same process served every request: a polluted prototype would show here.
    const probe = {} as Record<string, unknown>;
    expect([probe.polluted, probe.isAdmin]).toEqual([undefined, undefined]);
    // The administrator's token still works: no body reached the account.
    expect((await t.as(token).get('/api/v1/auth/me')).status).toBe(200);
  }, 600_000);
});
