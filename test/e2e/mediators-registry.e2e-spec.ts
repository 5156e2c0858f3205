import { ADMIN, DEMO, startTestApp, tableCounts, TestApp } from './support/test-app';

/** A foreign mediator at a station, as a station clerk would register one. */
export function yemeniMediator(stationId: string, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'foreign',
    roles: ['mediator'],
    nameOriginal: 'أحمد منصور',
    nameLatin: 'Ahmed Mansour',
    nameZh: '艾哈迈德·曼苏尔',
    sex: 'male',
    nationality: 'YE',
    languages: [
      { tag: 'ar', level: 'native' },
      { tag: 'en', level: 'fluent' },
      { tag: 'zh-CN', level: 'working' },
    ],
    specialties: ['contract', 'business_operation'],
    stationIds: [stationId],
    capacity: 6,
    ...overrides,
  };
}

describe('Mediator registry through the API', () => {
  let t: TestApp;
  let admin: string;
  let clerkJc: string;
  let clerkXs: string;
  let bureauJx: string;
  let jincheng: string;
  let xishan: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(ADMIN.username, ADMIN.password);
    clerkJc = await t.login(DEMO.clerkJincheng.username, DEMO.clerkJincheng.password);
    clerkXs = await t.login(DEMO.clerkXishan.username, DEMO.clerkXishan.password);
    bureauJx = await t.login(DEMO.bureauJiaxing.username, DEMO.bureauJiaxing.password);
    const stations = (await t.as(admin).get('/api/v1/stations').expect(200)).body;
    jincheng = stations.find((s: { code: string }) => s.code === 'YW-JC').id;
    xishan = stations.find((s: { code: string }) => s.code === 'HN-XS').id;
  });
  afterAll(() => t.close());

  it('registers a foreign mediator, reads it back and finds it by language and kind', async () => {
    const created = await t
      .as(clerkJc)
      .post('/api/v1/mediators')
      .send(yemeniMediator(jincheng))
      .expect(201);
    expect(created.body).toMatchObject({
      kind: 'foreign',
      roles: ['mediator'],
      nationality: 'YE',
      stationIds: [jincheng],
      status: 'active',
      activeCases: 0,
      leavePeriods: [],
      conflicts: [],
    });
    const got = await t.as(clerkJc).get(`/api/v1/mediators/${created.body.id}`).expect(200);
    expect(got.body.nameOriginal).toBe('أحمد منصور');

    const byLanguage = await t
      .as(clerkJc)
      .get(`/api/v1/mediators?language=ar&kind=foreign&stationId=${jincheng}`)
      .expect(200);
    expect(byLanguage.body.items.map((m: { id: string }) => m.id)).toContain(created.body.id);
    const notKorean = await t.as(clerkJc).get('/api/v1/mediators?language=ko&kind=foreign');
    expect(notKorean.body.items.map((m: { id: string }) => m.id)).not.toContain(created.body.id);
  });

  it('registers a native-place mediator with home region and dialect, found by region', async () => {
    const created = await t
      .as(clerkXs, 'zh-CN')
      .post('/api/v1/mediators')
      .send({
        kind: 'native_place',
        nameOriginal: '龙光荣',
        sex: 'male',
        nationality: 'CN',
        languages: [{ tag: 'zh-CN', level: 'native' }],
        homeRegionCode: '520502',
        dialects: ['guizhou'],
        specialties: ['labour'],
        stationIds: [xishan],
      })
      .expect(201);
    expect(created.body.homeRegion).toBe('贵州省毕节市七星关区');
    const inBijie = await t.as(clerkXs).get('/api/v1/mediators?region=520500').expect(200);
    expect(inBijie.body.items.map((m: { id: string }) => m.id)).toContain(created.body.id);
    const inSichuan = await t.as(clerkXs).get('/api/v1/mediators?region=510000').expect(200);
    expect(inSichuan.body.items.map((m: { id: string }) => m.id)).not.toContain(created.body.id);
  });

  it('explains in the caller language what a registration lacks, and writes nothing', async () => {
    const before = await tableCounts(t.dataSource);
    const res = await t
      .as(clerkXs, 'en')
      .post('/api/v1/mediators')
      .send({
        kind: 'native_place',
        nameOriginal: '王五',
        sex: 'male',
        nationality: 'CN',
        languages: [{ tag: 'zh-CN', level: 'native' }],
        stationIds: [xishan],
      })
      .expect(400);
    expect(res.body.details).toEqual([
      {
        field: 'homeRegionCode',
        code: 'homeRegionRequired',
        message: 'A native-place mediator needs a home county.',
      },
    ]);
    const bad = await t
      .as(clerkXs, 'en')
      .post('/api/v1/mediators')
      .send({ ...yemeniMediator(xishan), languages: [{ tag: 'xx', level: 'expert' }] })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(await tableCounts(t.dataSource)).toEqual(before);
  });

  it('keeps each clerk to their own station: other stations are 403 to write and 404 to read', async () => {
    const res = await t
      .as(clerkXs, 'en')
      .post('/api/v1/mediators')
      .send(yemeniMediator(jincheng))
      .expect(403);
    expect(res.body.code).toBe('MEDIATOR_STATION_NOT_ALLOWED');
    const atJincheng = await t
      .as(admin)
      .post('/api/v1/mediators')
      .send(yemeniMediator(jincheng, { nameOriginal: 'سالم' }))
      .expect(201);
    const hidden = await t
      .as(clerkXs, 'en')
      .get(`/api/v1/mediators/${atJincheng.body.id}`)
      .expect(404);
    expect(hidden.body).toMatchObject({
      code: 'MEDIATOR_NOT_FOUND',
      message: 'No such mediator, or not one you may see.',
    });
    await t
      .as(clerkXs)
      .patch(`/api/v1/mediators/${atJincheng.body.id}`)
      .send({ capacity: 9 })
      .expect(404);
    // The Jiaxing bureau supervises Haining, not Yiwu.
    await t.as(bureauJx).get(`/api/v1/mediators/${atJincheng.body.id}`).expect(404);
    await t.as(bureauJx).post('/api/v1/mediators').send(yemeniMediator(xishan)).expect(403);
  });

  it('updates a mediator, records leave and declared conflicts, and audits each step', async () => {
    const m = (
      await t.as(clerkJc).post('/api/v1/mediators').send(yemeniMediator(jincheng)).expect(201)
    ).body;
    const updated = await t
      .as(clerkJc)
      .patch(`/api/v1/mediators/${m.id}`)
      .send({ capacity: 3, languages: [{ tag: 'ar', level: 'native' }] })
      .expect(200);
    expect(updated.body).toMatchObject({
      capacity: 3,
      languages: [{ tag: 'ar', level: 'native' }],
    });
    const withoutEnglish = await t.as(clerkJc).get('/api/v1/mediators?language=en&limit=200');
    expect(withoutEnglish.body.items.map((x: { id: string }) => x.id)).not.toContain(m.id);

    const backwards = await t
      .as(clerkJc, 'en')
      .post(`/api/v1/mediators/${m.id}/leave-periods`)
      .send({ startsOn: '2026-12-20', endsOn: '2026-12-01' })
      .expect(400);
    expect(backwards.body.details[0]).toMatchObject({ field: 'endsOn', code: 'endsBeforeStarts' });
    const leave = await t
      .as(clerkJc)
      .post(`/api/v1/mediators/${m.id}/leave-periods`)
      .send({ startsOn: '2026-12-01', endsOn: '2026-12-20', reason: '回国探亲' })
      .expect(201);
    expect(leave.body.leavePeriods).toEqual([
      expect.objectContaining({ startsOn: '2026-12-01', endsOn: '2026-12-20' }),
    ]);
    const conflict = await t
      .as(clerkJc)
      .post(`/api/v1/mediators/${m.id}/conflicts`)
      .send({
        kind: 'organisation',
        name: '义乌市恒达日用品有限公司',
        relation: '妻弟在该公司任经理',
      })
      .expect(201);
    expect(conflict.body.conflicts).toHaveLength(1);
    const noIdentity = await t
      .as(clerkJc, 'en')
      .post(`/api/v1/mediators/${m.id}/conflicts`)
      .send({ kind: 'person', relation: 'cousin' })
      .expect(400);
    expect(noIdentity.body.details[0].code).toBe('conflictNeedsIdentity');

    await t
      .as(clerkJc)
      .delete(`/api/v1/mediators/${m.id}/leave-periods/${leave.body.leavePeriods[0].id}`)
      .expect(200);
    const gone = await t
      .as(clerkJc)
      .delete(`/api/v1/mediators/${m.id}/conflicts/${conflict.body.conflicts[0].id}`)
      .expect(200);
    expect(gone.body).toMatchObject({ leavePeriods: [], conflicts: [] });

    const audit = await t
      .as(admin)
      .get(`/api/v1/audit?entityType=mediator&entityId=${m.id}`)
      .expect(200);
    const entries = Array.isArray(audit.body) ? audit.body : audit.body.items;
    expect(entries.map((e: { action: string }) => e.action)).toEqual([
      'mediator.created',
      'mediator.updated',
      'mediator.leave_added',
      'mediator.conflict_declared',
      'mediator.leave_removed',
      'mediator.conflict_removed',
    ]);
    expect(JSON.stringify(entries)).not.toContain('恒达');
  });

  it('seeds the demo mediators and the mediator.jincheng account, which sees only the demo case it is seated on', async () => {
    const atJincheng = await t
      .as(clerkJc)
      .get(`/api/v1/mediators?stationId=${jincheng}&limit=200`)
      .expect(200);
    const names = atJincheng.body.items.map((m: { nameLatin: string | null }) => m.nameLatin);
    expect(names).toEqual(
      expect.arrayContaining(['Abdullah Bawazir', 'Fatima Malik', 'Kim Min-jun']),
    );
    const nativePlace = await t
      .as(clerkXs)
      .get(`/api/v1/mediators?stationId=${xishan}&kind=native_place&region=520500`)
      .expect(200);
    expect(nativePlace.body.total).toBeGreaterThanOrEqual(2);

    const token = await t.login('mediator.jincheng', 'Mediator!2026jc');
    const me = await t.as(token).get('/api/v1/auth/me').expect(200);
    expect(me.body.role).toBe('mediator');
    const own = await t.as(token).get(`/api/v1/mediators/${me.body.mediatorId}`).expect(200);
    expect(own.body).toMatchObject({ nameLatin: 'Abdullah Bawazir', nationality: 'YE' });
    const cases = (await t.as(token).get('/api/v1/cases').expect(200)).body;
    expect(cases.total).toBe(1);
    expect(cases.items[0]).toMatchObject({ state: 'mediating' });
    const panel = (await t.as(token).get(`/api/v1/cases/${cases.items[0].id}/panel`).expect(200))
      .body;
    expect(panel.members.map((m: { mediatorId: string; role: string }) => m.role)).toEqual([
      'lead',
      'co_mediator',
    ]);
    expect(panel.members[0].mediatorId).toBe(me.body.mediatorId);
    expect(own.body.activeCases).toBe(1);
    expect(panel.missing).toEqual([]);
  });
});
