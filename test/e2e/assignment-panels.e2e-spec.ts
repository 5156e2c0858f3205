import { AssignmentService } from '../../src/assignment/assignment.service';
import { CaseQueries } from '../../src/cases/case-queries.service';
import { countActiveCases } from '../../src/mediators/mediator-workload';
import { yemeniMerchantCase } from './support/case-factory';
import { ADMIN, DEMO, startTestApp, tableCounts, TestApp } from './support/test-app';
import { expectStatisticsRowsCurrentIn } from './support/case-history';

describe('Suggestions, panels, recusal and withdrawal through the API', () => {
  let t: TestApp;
  let admin: string;
  let clerk: string;
  let station: string;
  const ids: Record<string, string> = {};

  const register = async (body: Record<string, unknown>) =>
    (await t.as(admin).post('/api/v1/mediators').send(body).expect(201)).body.id as string;
  const acceptedCase = async () => {
    const c = (
      await t.as(clerk).post('/api/v1/cases').send(yemeniMerchantCase(station)).expect(201)
    ).body;
    await t
      .as(clerk)
      .post(`/api/v1/cases/${c.id}/transitions`)
      .send({ to: 'accepted' })
      .expect(200);
    return c as { id: string; parties: { id: string; role: string }[] };
  };

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    admin = await t.login(ADMIN.username, ADMIN.password);
    clerk = await t.login(DEMO.clerkJincheng.username, DEMO.clerkJincheng.password);
    // A station of its own, so demo mediators do not take part in these rankings.
    station = (
      await t
        .as(admin)
        .post('/api/v1/stations')
        .send({
          code: `T-${Date.now().toString(36).toUpperCase()}`,
          nameZh: '测试服务站',
          nameEn: 'Test station',
          kind: 'immigration_service_station',
          countyCode: '330782',
          caseNumberFormat: '（{year}）测字第{seq:4}号',
        })
        .expect(201)
    ).body.id;
    const clerkUser = await t
      .as(admin)
      .post('/api/v1/users')
      .send({
        username: `clerk.t${Date.now().toString(36)}`,
        displayName: '测试站 书记员',
        password: 'Clerk!2026test',
        role: 'clerk',
        stationId: station,
      })
      .expect(201);
    clerk = await t.login(clerkUser.body.username, 'Clerk!2026test');
    const base = { sex: 'male', stationIds: [station], capacity: 5 };
    ids.yemeni = await register({
      ...base,
      kind: 'foreign',
      nameOriginal: 'سالم باوزير',
      nameLatin: 'Salem Bawazir',
      nationality: 'YE',
      languages: [
        { tag: 'ar', level: 'native' },
        { tag: 'en', level: 'fluent' },
        { tag: 'zh-CN', level: 'working' },
      ],
      specialties: ['contract'],
    });
    ids.egyptian = await register({
      ...base,
      kind: 'foreign',
      nameOriginal: 'محمود فهمي',
      nameLatin: 'Mahmoud Fahmy',
      nationality: 'EG',
      languages: [
        { tag: 'ar', level: 'native' },
        { tag: 'en', level: 'fluent' },
      ],
    });
    ids.staffWang = await register({
      ...base,
      kind: 'staff',
      nameOriginal: '王建华',
      nationality: 'CN',
      languages: [
        { tag: 'zh-CN', level: 'native' },
        { tag: 'en', level: 'working' },
      ],
      specialties: ['contract'],
    });
    ids.staffZhou = await register({
      ...base,
      kind: 'staff',
      sex: 'female',
      nameOriginal: '周敏',
      nationality: 'CN',
      languages: [{ tag: 'zh-CN', level: 'native' }],
    });
  });
  afterAll(() => t.close());

  it('suggests the Arabic-speaking Yemeni mediator with reasons in the caller language, and a staff co-mediator', async () => {
    const c = await acceptedCase();
    const en = await t
      .as(clerk, 'en')
      .get(`/api/v1/cases/${c.id}/mediator-suggestions`)
      .expect(200);
    expect(en.body.mediators[0]).toMatchObject({ mediatorId: ids.yemeni, kind: 'foreign' });
    expect(en.body.mediators[0].reasons.map((r: { text: string }) => r.text)).toContain(
      'speaks Arabic (native), the language of applicant Ahmed Al-Hassan',
    );
    expect(en.body.proposal).toEqual({
      seats: [
        { mediatorId: ids.yemeni, role: 'lead', name: 'سالم باوزير' },
        { mediatorId: ids.staffWang, role: 'co_mediator', name: '王建华' },
      ],
      missing: [],
    });
    const zh = await t.as(clerk, 'zh-CN').get(`/api/v1/cases/${c.id}/mediator-suggestions`);
    expect(zh.body.mediators[0].reasons.map((r: { text: string }) => r.text)).toContain(
      '会讲阿拉伯语（母语），是申请人Ahmed Al-Hassan使用的语言',
    );
  });

  it('refuses a panel without a staff mediator with 422 naming what is missing, and changes nothing', async () => {
    const c = await acceptedCase();
    const before = await tableCounts(t.dataSource);
    const res = await t
      .as(clerk, 'en')
      .put(`/api/v1/cases/${c.id}/panel`)
      .send({ leadId: ids.yemeni })
      .expect(422);
    expect(res.body).toMatchObject({
      code: 'PANEL_POLICY_VIOLATED',
      message:
        "The panel does not meet the station's requirements. Still missing: at least one staff mediator (a party is foreign).",
    });
    expect(await tableCounts(t.dataSource)).toEqual(before);
    expect((await t.as(clerk).get(`/api/v1/cases/${c.id}`)).body.state).toBe('accepted');
  });

  it('assigns, moves the case to mediating, then recuses and replaces a member at a party’s request', async () => {
    const c = await acceptedCase();
    const assigned = await t
      .as(clerk)
      .put(`/api/v1/cases/${c.id}/panel`)
      .send({ leadId: ids.yemeni, coMediatorIds: [ids.staffWang] })
      .expect(200);
    expect(assigned.body).toMatchObject({ state: 'mediating', missing: [] });
    expect(
      assigned.body.members.map((m: { mediatorId: string; role: string }) => [
        m.mediatorId,
        m.role,
      ]),
    ).toEqual([
      [ids.yemeni, 'lead'],
      [ids.staffWang, 'co_mediator'],
    ]);

    const respondent = c.parties.find((p) => p.role === 'respondent')!;
    const recused = await t
      .as(clerk)
      .post(`/api/v1/cases/${c.id}/panel/recusals`)
      .send({
        partyId: respondent.id,
        mediatorId: ids.staffWang,
        reason: '被申请人认为其曾为申请人提供咨询',
      })
      .expect(200);
    expect(
      recused.body.members.map((m: { mediatorId: string; role: string }) => [m.mediatorId, m.role]),
    ).toEqual([
      [ids.yemeni, 'lead'],
      [ids.staffZhou, 'co_mediator'],
    ]);
    expect(recused.body.former).toEqual([
      expect.objectContaining({ mediatorId: ids.staffWang, removalReason: 'recused' }),
    ]);
    expect(recused.body.missing).toEqual([]);

    const suggestions = await t.as(clerk, 'en').get(`/api/v1/cases/${c.id}/mediator-suggestions`);
    expect(
      suggestions.body.mediators.map((m: { mediatorId: string }) => m.mediatorId),
    ).not.toContain(ids.staffWang);
    const excluded = suggestions.body.excluded.find(
      (e: { mediatorId: string }) => e.mediatorId === ids.staffWang,
    );
    expect(excluded.reasons).toEqual([
      expect.stringMatching(
        /^stepped aside from this case at the request of respondent 义乌市恒达/,
      ),
    ]);
    // Putting the recused mediator back is refused, with the reason.
    const back = await t
      .as(clerk, 'en')
      .put(`/api/v1/cases/${c.id}/panel`)
      .send({ leadId: ids.yemeni, coMediatorIds: [ids.staffWang] })
      .expect(422);
    expect(back.body.code).toBe('MEDIATOR_NOT_ELIGIBLE');

    const timeline = (await t.as(clerk).get(`/api/v1/cases/${c.id}/timeline`).expect(200)).body;
    expect(timeline.map((e: { event: string }) => e.event)).toEqual(
      expect.arrayContaining(['panel_assigned', 'state_changed', 'mediator_recused']),
    );
    expect(timeline.find((e: { toState: string }) => e.toState === 'mediating')).toBeTruthy();
  });

  it('gives a mediator account only the cases on its panels, and lets it withdraw itself', async () => {
    const onPanel = await acceptedCase();
    const elsewhere = await acceptedCase();
    await t
      .as(clerk)
      .put(`/api/v1/cases/${onPanel.id}/panel`)
      .send({ leadId: ids.egyptian, coMediatorIds: [ids.staffZhou] })
      .expect(200);
    const account = await t
      .as(admin)
      .post('/api/v1/users')
      .send({
        username: `mediator.t${Date.now().toString(36)}`,
        displayName: 'Mahmoud Fahmy',
        password: 'Mediator!2026test',
        role: 'mediator',
        mediatorId: ids.egyptian,
      })
      .expect(201);
    const token = await t.login(account.body.username, 'Mediator!2026test');
    const list = await t.as(token).get('/api/v1/cases').expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([onPanel.id]);
    await t.as(token).get(`/api/v1/cases/${onPanel.id}`).expect(200);
    const hidden = await t.as(token, 'en').get(`/api/v1/cases/${elsewhere.id}`).expect(404);
    expect(hidden.body.code).toBe('CASE_NOT_FOUND');
    await t.as(token).get(`/api/v1/cases/${elsewhere.id}/panel`).expect(404);

    const other = await t
      .as(token)
      .post(`/api/v1/cases/${onPanel.id}/panel/withdrawals`)
      .send({ mediatorId: ids.staffZhou, reason: 'not mine to withdraw' })
      .expect(403);
    expect(other.body.code).toBe('WITHDRAWAL_NOT_OWN');
    const withdrawn = await t
      .as(token)
      .post(`/api/v1/cases/${onPanel.id}/panel/withdrawals`)
      .send({ reason: '本人与被申请人法定代表人系远亲' })
      .expect(200);
    expect(withdrawn.body).toMatchObject({ caseId: onPanel.id, mediatorId: ids.egyptian });
    const panel = (await t.as(clerk).get(`/api/v1/cases/${onPanel.id}/panel`).expect(200)).body;
    // The next best mediator takes the lead seat; the staff mediator stays.
    expect(
      panel.members.map((m: { mediatorId: string; role: string }) => [m.mediatorId, m.role]),
    ).toEqual([
      [withdrawn.body.replacementId, 'lead'],
      [ids.staffZhou, 'co_mediator'],
    ]);
    expect(withdrawn.body.replacementId).not.toBe(ids.egyptian);
    expect(panel.former).toEqual([
      expect.objectContaining({ mediatorId: ids.egyptian, removalReason: 'withdrew' }),
    ]);
    // Off the panel, the case is out of the mediator's sight.
    await t.as(token).get(`/api/v1/cases/${onPanel.id}`).expect(404);
  });

  it('honours a party’s nomination when the rules allow, and explains when they do not', async () => {
    const c = await acceptedCase();
    const applicant = c.parties.find((p) => p.role === 'applicant')!;
    const ok = await t
      .as(clerk)
      .post(`/api/v1/cases/${c.id}/panel/nominations`)
      .send({ partyId: applicant.id, mediatorId: ids.egyptian })
      .expect(201);
    expect(ok.body).toMatchObject({ honoured: true });
    expect(ok.body.mediators[0]).toMatchObject({ mediatorId: ids.egyptian });
    await t
      .as(admin)
      .post(`/api/v1/mediators/${ids.staffZhou}/leave-periods`)
      .send({ startsOn: '2020-01-01', endsOn: '2099-12-31' })
      .expect(201);
    const refused = await t
      .as(clerk, 'en')
      .post(`/api/v1/cases/${c.id}/panel/nominations`)
      .send({ partyId: applicant.id, mediatorId: ids.staffZhou })
      .expect(422);
    expect(refused.body).toMatchObject({
      code: 'MEDIATOR_NOT_ELIGIBLE',
      message: '周敏 cannot sit on this case: is on leave until 2099-12-31.',
    });
  });
  it('keeps each mediator’s stored active-case count equal to its seats on open cases', async () => {
    // Staff mediators of their own, so the capacity other tests used up plays no part.
    const staff = { sex: 'female', stationIds: [station], capacity: 5, kind: 'staff' };
    const zh = [
      { tag: 'zh-CN', level: 'native' },
      { tag: 'en', level: 'fluent' },
    ];
    ids.staffLi = await register({
      ...staff,
      nameOriginal: '李娟',
      nationality: 'CN',
      languages: zh,
    });
    ids.staffSun = await register({
      ...staff,
      nameOriginal: '孙丽',
      nationality: 'CN',
      languages: zh,
    });
    const everyone = Object.values(ids);
    const stored = async () => {
      const out: Record<string, number> = {};
      for (const id of everyone)
        out[id] = (await t.as(admin).get(`/api/v1/mediators/${id}`).expect(200)).body.activeCases;
      return out;
    };
    const recounted = async () => {
      const counts = await countActiveCases(t.dataSource.manager, everyone);
      return Object.fromEntries(everyone.map((id) => [id, counts.get(id) ?? 0]));
    };
    expect(await stored()).toEqual(await recounted());
    const before = await stored();

    const c = await acceptedCase();
    await t
      .as(clerk)
      .put(`/api/v1/cases/${c.id}/panel`)
      .send({ leadId: ids.yemeni, coMediatorIds: [ids.staffSun] })
      .expect(200);
    // Re-panelling the same case moves one seat from one staff mediator to the other.
    await t
      .as(clerk)
      .put(`/api/v1/cases/${c.id}/panel`)
      .send({ leadId: ids.yemeni, coMediatorIds: [ids.staffLi] })
      .expect(200);
    const seated = await stored();
    expect(seated).toEqual(await recounted());
    expect(seated[ids.yemeni]).toBe(before[ids.yemeni] + 1);
    expect(seated[ids.staffSun]).toBe(0);
    expect(seated[ids.staffLi]).toBe(1);

    await t
      .as(clerk)
      .post(`/api/v1/cases/${c.id}/transitions`)
      .send({ to: 'terminated', reason: '双方分歧过大，申请人表示将起诉' })
      .expect(200);
    const concluded = await stored();
    expect(concluded).toEqual(await recounted());
    expect(concluded).toEqual(before);
  });

  it('counts a panel by its members’ current kinds once a mediator’s kind changes', async () => {
    const c = await acceptedCase();
    await t
      .as(clerk)
      .put(`/api/v1/cases/${c.id}/panel`)
      .send({ leadId: ids.yemeni, coMediatorIds: [ids.staffSun] })
      .expect(200);
    const kinds = async () =>
      (
        await t.dataSource.query(`SELECT mediator_kinds FROM case_statistics WHERE id = '${c.id}'`)
      )[0].mediator_kinds
        .split(',')
        .sort();
    expect(await kinds()).toEqual(['foreign', 'staff']);
    // Registered as staff by mistake: Sun is a lawyer mediator.
    await t
      .as(admin)
      .patch(`/api/v1/mediators/${ids.staffSun}`)
      .send({ kind: 'lawyer' })
      .expect(200);
    expect(await kinds()).toEqual(['foreign', 'lawyer']);
  });

  it('lists who is on leave or related to a party among the excluded, and ranks a nominee first', async () => {
    // Excluded from every case of this file (their leave never ends; every case has these
    // parties), so the other rankings here do not change.
    const onLeave = await register({
      sex: 'female',
      stationIds: [station],
      capacity: 5,
      kind: 'volunteer',
      nameOriginal: '钱芳',
      nationality: 'CN',
      languages: [{ tag: 'zh-CN', level: 'native' }],
    });
    await t
      .as(admin)
      .post(`/api/v1/mediators/${onLeave}/leave-periods`)
      .send({ startsOn: '2020-01-01', endsOn: '2099-12-30' })
      .expect(201);
    const related = await register({
      sex: 'male',
      stationIds: [station],
      capacity: 5,
      kind: 'foreign',
      nameOriginal: 'عمر الحسن',
      nameLatin: 'Omar Al-Hassan',
      nationality: 'YE',
      languages: [{ tag: 'ar', level: 'native' }],
    });
    for (const conflict of [
      { kind: 'person', name: 'Ahmed Al-Hassan', relation: 'brother' },
      { kind: 'organisation', name: 'Yiwu Hengda Daily Necessities Co., Ltd.', relation: 'agent' },
    ])
      await t.as(admin).post(`/api/v1/mediators/${related}/conflicts`).send(conflict).expect(201);
    // A leave long over keeps no one out.
    await t
      .as(admin)
      .post(`/api/v1/mediators/${ids.egyptian}/leave-periods`)
      .send({ startsOn: '2020-01-01', endsOn: '2020-01-31' })
      .expect(201);

    const c = await acceptedCase();
    const applicant = c.parties.find((p) => p.role === 'applicant')!;
    await t
      .as(clerk)
      .post(`/api/v1/cases/${c.id}/panel/nominations`)
      .send({ partyId: applicant.id, mediatorId: ids.egyptian })
      .expect(201);
    const body = (
      await t.as(clerk, 'en').get(`/api/v1/cases/${c.id}/mediator-suggestions`).expect(200)
    ).body;
    const reasonsOf = (id: string) =>
      body.excluded.find((e: { mediatorId: string }) => e.mediatorId === id)?.reasons;
    expect(reasonsOf(onLeave)).toEqual(['is on leave until 2099-12-30']);
    expect(reasonsOf(related)).toEqual([
      'has declared a relation to applicant Ahmed Al-Hassan: brother',
      // The factory's company names end in Latin letters, so an English reader gets them as written.
      expect.stringMatching(
        /^has declared a relation to respondent 义乌市恒达日用品有限公司\w+: agent$/,
      ),
    ]);
    expect(reasonsOf(ids.egyptian)).toBeUndefined();
    expect(body.mediators[0].mediatorId).toBe(ids.egyptian);
    expect(body.mediators[0].reasons.map((r: { text: string }) => r.text)).toContain(
      'nominated by applicant Ahmed Al-Hassan',
    );
  });

  it('ranks from a kept roster only while the registry is unchanged, whoever changed it', async () => {
    const c = await acceptedCase();
    const suggest = async () =>
      (await t.as(clerk, 'en').get(`/api/v1/cases/${c.id}/mediator-suggestions`).expect(200))
        .body as {
        mediators: { mediatorId: string; total: number }[];
        excluded: { mediatorId: string; reasons: string[] }[];
      };
    const version = async () =>
      Number(
        (await t.dataSource.query('SELECT version FROM mediator_roster_version WHERE id = 1'))[0]
          .version,
      );
    const first = await suggest();
    // The same ranking as one read afresh inside a transaction, as a panel assignment reads it.
    const loaded = await t.app.get(CaseQueries).load(c.id, { role: 'admin' } as never);
    const fresh = await t.dataSource.transaction((manager) =>
      t.app.get(AssignmentService).rank(manager, loaded),
    );
    expect(first.mediators.map((m) => [m.mediatorId, m.total])).toEqual(
      fresh.result.mediators.slice(0, 10).map((m) => [m.mediatorId, m.total]),
    );
    expect(first.excluded.map((e) => e.mediatorId)).toEqual(
      fresh.result.excluded.slice(0, 50).map((e) => e.mediatorId),
    );
    expect((await suggest()).mediators).toEqual(first.mediators);

    // Straight in the database, as another instance or a hand-run fix would: the triggers move
    // the version, and the next suggestions see the change.
    const top = first.mediators[0].mediatorId;
    const before = await version();
    await t.dataSource.query(
      t.databaseKind === 'postgres'
        ? 'UPDATE mediator SET capacity = active_case_count WHERE id = $1'
        : 'UPDATE mediator SET capacity = active_case_count WHERE id = ?',
      [top],
    );
    expect(await version()).toBeGreaterThan(before);
    const full = await suggest();
    expect(full.mediators.map((m) => m.mediatorId)).not.toContain(top);
    expect(full.excluded.find((e) => e.mediatorId === top)?.reasons).toEqual([
      expect.stringMatching(/capacity/),
    ]);

    // Through the API.
    await t.as(admin).patch(`/api/v1/mediators/${top}`).send({ capacity: 5 }).expect(200);
    const again = await suggest();
    expect(again.mediators).toEqual(first.mediators);
  });

  it('kept each case’s statistics row equal to one computed afresh from its sources', async () => {
    expect(await expectStatisticsRowsCurrentIn(t.dataSource)).toBeGreaterThan(0);
  });
});
