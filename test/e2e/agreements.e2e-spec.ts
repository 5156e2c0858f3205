import request from 'supertest';
import { mediatingCase, yemeniAgreementDraft, yemeniMerchantCase } from './support/case-factory';
import { DEMO, startTestApp, tableCounts, TestApp } from './support/test-app';
import { expectStatisticsRowsCurrentIn } from './support/case-history';

describe('Agreements: drafting, issuing, signing, the confirmation window and verification', () => {
  let t: TestApp;
  let clerk: string;
  let station: string;

  beforeAll(async () => {
    t = await startTestApp();
    clerk = await t.login(DEMO.clerkJincheng.username, DEMO.clerkJincheng.password);
    station = (await t.as(clerk).get('/api/v1/stations').expect(200)).body[0].id;
  });
  afterAll(() => t.close());

  const api = () => t.as(clerk, 'en');

  it('refuses to issue until every free text has a checked translation, naming each gap, and changes nothing', async () => {
    const c = await mediatingCase(api(), yemeniMerchantCase(station));
    const unchecked = yemeniAgreementDraft();
    unchecked.facts.translations[0].checked = false;
    unchecked.performance.place = {
      original: { language: 'zh-CN', text: '浙江省义乌市' },
      translations: [],
    };
    const drafted = await api()
      .post(`/api/v1/cases/${c.id}/agreements`)
      .send(unchecked)
      .expect(201);
    expect(drafted.body).toMatchObject({
      state: 'draft',
      currentVersion: 1,
      languages: ['zh-CN', 'ar'],
    });
    const before = await tableCounts(t.dataSource);
    const refused = await api().post(`/api/v1/agreements/${drafted.body.id}/issue`).expect(422);
    expect(refused.body.code).toBe('TRANSLATIONS_MISSING');
    expect(
      refused.body.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`),
    ).toEqual(['facts:translationUnchecked', 'performance.place:translationMissing']);
    expect(refused.body.details[1].message).toBe('“performance.place” has no ar translation.');
    expect(await tableCounts(t.dataSource)).toEqual(before);
  });

  it('drafts, issues, signs, takes effect, moves the case and lists the closing confirmation window', async () => {
    const c = await mediatingCase(api(), yemeniMerchantCase(station));
    const agreement = (
      await api().post(`/api/v1/cases/${c.id}/agreements`).send(yemeniAgreementDraft()).expect(201)
    ).body;
    const again = await api()
      .post(`/api/v1/cases/${c.id}/agreements`)
      .send(yemeniAgreementDraft())
      .expect(409);
    expect(again.body.code).toBe('AGREEMENT_EXISTS');

    const issued = (await api().post(`/api/v1/agreements/${agreement.id}/issue`).expect(200)).body;
    expect(issued).toMatchObject({ state: 'issued', currentVersion: 1 });
    expect(issued.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(issued.verificationCode).toMatch(/^[A-Z2-9]{10}$/);
    expect(issued.missingSignatures).toHaveLength(5);
    await api()
      .put(`/api/v1/agreements/${agreement.id}/draft`)
      .send(yemeniAgreementDraft())
      .expect(409);

    const signers = [
      ...c.parties.map((p) => ({
        signerKind: 'party',
        signerRef: p.id,
        method: p.role === 'applicant' ? 'fingerprinted' : 'sealed',
      })),
      { signerKind: 'mediator', signerRef: 'mediator:1', method: 'signed' },
      { signerKind: 'mediator', signerRef: 'mediator:2', method: 'signed' },
    ];
    for (const signer of signers)
      await api().post(`/api/v1/agreements/${agreement.id}/signatures`).send(signer).expect(201);
    const twice = await api()
      .post(`/api/v1/agreements/${agreement.id}/signatures`)
      .send(signers[0])
      .expect(409);
    expect(twice.body.code).toBe('ALREADY_SIGNED');
    const stranger = await api()
      .post(`/api/v1/agreements/${agreement.id}/signatures`)
      .send({ signerKind: 'mediator', signerRef: 'mediator:9', method: 'signed' })
      .expect(422);
    expect(stranger.body.code).toBe('SIGNER_NOT_EXPECTED');
    expect((await api().get(`/api/v1/cases/${c.id}`).expect(200)).body.state).toBe('mediating');

    const effective = (
      await api()
        .post(`/api/v1/agreements/${agreement.id}/signatures`)
        .send({ signerKind: 'committee', signerRef: 'committee', method: 'sealed' })
        .expect(201)
    ).body;
    expect(effective.state).toBe('effective');
    expect(
      new Date(effective.confirmationDeadline).getTime() -
        new Date(effective.effectiveAt).getTime(),
    ).toBe(30 * 86_400_000);
    expect((await api().get(`/api/v1/cases/${c.id}`).expect(200)).body.state).toBe(
      'agreement_reached',
    );

    // Took effect today: its window closes in 30 days, not within 7.
    const soon = await api()
      .get('/api/v1/agreements/confirmation-windows?withinDays=7')
      .expect(200);
    expect(soon.body.map((w: { agreementId: string }) => w.agreementId)).not.toContain(
      agreement.id,
    );
    const month = await api()
      .get('/api/v1/agreements/confirmation-windows?withinDays=30')
      .expect(200);
    expect(
      month.body.find((w: { agreementId: string }) => w.agreementId === agreement.id),
    ).toMatchObject({ caseNumber: c.caseNumber, daysLeft: 30 });

    await api()
      .post(`/api/v1/agreements/${agreement.id}/revise`)
      .send(yemeniAgreementDraft())
      .expect(409);
  });

  it('revising an issued version makes a new version; the old code then verifies as superseded', async () => {
    const c = await mediatingCase(api(), yemeniMerchantCase(station));
    const agreement = (
      await api().post(`/api/v1/cases/${c.id}/agreements`).send(yemeniAgreementDraft()).expect(201)
    ).body;
    const v1 = (await api().post(`/api/v1/agreements/${agreement.id}/issue`).expect(200)).body;
    const revised = (
      await api()
        .post(`/api/v1/agreements/${agreement.id}/revise`)
        .send(yemeniAgreementDraft({ copies: 4 }))
        .expect(201)
    ).body;
    expect(revised).toMatchObject({ currentVersion: 2, state: 'draft' });
    expect(
      revised.versions.map((v: { version: number; state: string }) => `${v.version}:${v.state}`),
    ).toEqual(['1:superseded', '2:draft']);
    const old = await request(t.http).get(`/api/v1/verify/${v1.verificationCode}`).expect(200);
    expect(old.body).toMatchObject({
      valid: false,
      intact: true,
      state: 'superseded',
      version: 1,
      latestVersion: 2,
    });
  });

  it('verifies a code without personal data, and fails it once the stored agreement is tampered with', async () => {
    const c = await mediatingCase(api(), yemeniMerchantCase(station));
    const agreement = (
      await api().post(`/api/v1/cases/${c.id}/agreements`).send(yemeniAgreementDraft()).expect(201)
    ).body;
    const issued = (await api().post(`/api/v1/agreements/${agreement.id}/issue`).expect(200)).body;
    const ok = await request(t.http).get(`/api/v1/verify/${issued.verificationCode}`).expect(200);
    expect(ok.body).toMatchObject({
      valid: true,
      intact: true,
      caseNumber: c.caseNumber,
      version: 1,
      contentHash: issued.contentHash,
    });
    expect(JSON.stringify(ok.body)).not.toMatch(/Hassan|الحسن|恒达|\+86/);

    const rows = await t.dataSource.query(
      t.databaseKind === 'postgres'
        ? 'SELECT id, content FROM agreement_version WHERE verification_code = $1'
        : 'SELECT id, content FROM agreement_version WHERE verification_code = ?',
      [issued.verificationCode],
    );
    const forged = String(rows[0].content).replace('20760.00', '2076.00');
    await t.dataSource.query(
      t.databaseKind === 'postgres'
        ? 'UPDATE agreement_version SET content = $1 WHERE id = $2'
        : 'UPDATE agreement_version SET content = ? WHERE id = ?',
      [forged, rows[0].id],
    );
    const tampered = await request(t.http)
      .get(`/api/v1/verify/${issued.verificationCode}`)
      .expect(200);
    expect(tampered.body).toMatchObject({ valid: false, intact: false });
    await request(t.http).get('/api/v1/verify/NOSUCHCODE').expect(404);
  });

  it('refuses an unknown clause and bad clause parameters with 400 naming the fields', async () => {
    const c = await mediatingCase(api(), yemeniMerchantCase(station));
    const bad = yemeniAgreementDraft({
      terms: [
        {
          kind: 'clause',
          clause: 'lump_sum_payment',
          params: {
            payer: 'respondent:1',
            payee: 'applicant:7',
            amount: { amount: '10.001', currency: 'USD' },
            dueDate: '2026-02-30',
          },
        },
        { kind: 'clause', clause: 'no_such_clause', params: {} },
      ],
    });
    const res = await api().post(`/api/v1/cases/${c.id}/agreements`).send(bad).expect(400);
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'terms.0.params.payee',
        'terms.0.params.amount.amount',
        'terms.0.params.dueDate',
        'terms.1.clause',
      ]),
    );
  });

  /** A case of the clerk's station whose agreement every signatory has signed today. */
  async function effectiveAgreement() {
    const c = await mediatingCase(api(), yemeniMerchantCase(station));
    const agreement = (
      await api().post(`/api/v1/cases/${c.id}/agreements`).send(yemeniAgreementDraft()).expect(201)
    ).body;
    await api().post(`/api/v1/agreements/${agreement.id}/issue`).expect(200);
    const signers = [
      ...c.parties.map((p) => ({ signerKind: 'party', signerRef: p.id, method: 'signed' })),
      { signerKind: 'mediator', signerRef: 'mediator:1', method: 'signed' },
      { signerKind: 'mediator', signerRef: 'mediator:2', method: 'signed' },
      { signerKind: 'committee', signerRef: 'committee', method: 'sealed' },
    ];
    let view = agreement;
    for (const signer of signers)
      view = (
        await api().post(`/api/v1/agreements/${agreement.id}/signatures`).send(signer).expect(201)
      ).body;
    expect(view.state).toBe('effective');
    return { c, agreement: view };
  }

  // Days as the committees count them: the calendar in China (UTC+8).
  const chinaDayOf = (at: Date | string) =>
    new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const dayAfter = (day: string, days: number) =>
    new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  it('records the parties’ application for judicial confirmation; the timeline, the closing windows and the statistics show it', async () => {
    const { c, agreement } = await effectiveAgreement();
    expect(agreement).toMatchObject({ confirmationAppliedOn: null, confirmationCourt: null });
    const listed = async () =>
      (
        await api().get('/api/v1/agreements/confirmation-windows?withinDays=30').expect(200)
      ).body.map((w: { agreementId: string }) => w.agreementId);
    expect(await listed()).toContain(agreement.id);

    const today = chinaDayOf(new Date());
    const applied = await api()
      .post(`/api/v1/agreements/${agreement.id}/confirmation-application`)
      .send({ appliedOn: today, court: '  义乌市人民法院 ' })
      .expect(200);
    expect(applied.body).toMatchObject({
      id: agreement.id,
      state: 'effective',
      confirmationAppliedOn: today,
      confirmationCourt: '义乌市人民法院',
    });
    expect((await api().get(`/api/v1/agreements/${agreement.id}`).expect(200)).body).toEqual(
      applied.body,
    );

    const timeline = (await api().get(`/api/v1/cases/${c.id}/timeline`).expect(200)).body;
    const event = timeline.find((e: { event: string }) => e.event === 'confirmation_applied');
    expect(event.details).toEqual({
      agreementId: agreement.id,
      appliedOn: today,
      court: '义乌市人民法院',
    });
    expect(await listed()).not.toContain(agreement.id);

    const report = await api()
      .get(`/api/v1/statistics/report?from=${today}&to=${today}`)
      .expect(200);
    expect(report.body.totals.confirmationsApplied).toBe(1);

    const before = await tableCounts(t.dataSource);
    const again = await api()
      .post(`/api/v1/agreements/${agreement.id}/confirmation-application`)
      .send({ appliedOn: today, court: '金华市中级人民法院' })
      .expect(409);
    expect(again.body.code).toBe('CONFIRMATION_ALREADY_APPLIED');
    expect(again.body.message).toBe(
      `The application for judicial confirmation was already recorded (made on ${today}).`,
    );
    expect(await tableCounts(t.dataSource)).toEqual(before);
    expect((await api().get(`/api/v1/agreements/${agreement.id}`).expect(200)).body).toEqual(
      applied.body,
    );
  });

  it('refuses an application for an agreement not yet in effect, changing nothing', async () => {
    const c = await mediatingCase(api(), yemeniMerchantCase(station));
    const agreement = (
      await api().post(`/api/v1/cases/${c.id}/agreements`).send(yemeniAgreementDraft()).expect(201)
    ).body;
    for (const expected of ['draft', 'issued']) {
      if (expected === 'issued')
        await api().post(`/api/v1/agreements/${agreement.id}/issue`).expect(200);
      const before = await tableCounts(t.dataSource);
      const view = (await api().get(`/api/v1/agreements/${agreement.id}`).expect(200)).body;
      const refused = await api()
        .post(`/api/v1/agreements/${agreement.id}/confirmation-application`)
        .send({ appliedOn: chinaDayOf(new Date()), court: '义乌市人民法院' })
        .expect(409);
      expect(refused.body.code).toBe('AGREEMENT_NOT_EFFECTIVE');
      expect(refused.body.message).toContain(`“${expected}”`);
      expect((await api().get(`/api/v1/agreements/${agreement.id}`).expect(200)).body).toEqual(
        view,
      );
      expect(await tableCounts(t.dataSource)).toEqual(before);
    }
    const timeline = (await api().get(`/api/v1/cases/${c.id}/timeline`).expect(200)).body;
    expect(timeline.map((e: { event: string }) => e.event)).not.toContain('confirmation_applied');
  });

  it('refuses a day before the agreement took effect, in the future or after the 30-day deadline, naming the window, and changes nothing', async () => {
    const { agreement } = await effectiveAgreement();
    const first = chinaDayOf(agreement.effectiveAt);
    const send = (body: Record<string, unknown>) =>
      api().post(`/api/v1/agreements/${agreement.id}/confirmation-application`).send(body);
    const before = await tableCounts(t.dataSource);

    const early = await send({ appliedOn: dayAfter(first, -1), court: '义乌市人民法院' }).expect(
      422,
    );
    expect(early.body.code).toBe('CONFIRMATION_OUTSIDE_WINDOW');
    const today = chinaDayOf(new Date());
    expect(early.body.message).toBe(
      `${dayAfter(first, -1)} is outside the window for applying for judicial confirmation: from ${first} to ${today} (China time).`,
    );
    const future = await send({ appliedOn: dayAfter(today, 1), court: '义乌市人民法院' }).expect(
      422,
    );
    expect(future.body.code).toBe('CONFIRMATION_OUTSIDE_WINDOW');
    const zh = await t
      .as(clerk, 'zh-CN')
      .post(`/api/v1/agreements/${agreement.id}/confirmation-application`)
      .send({ appliedOn: dayAfter(today, 1), court: '义乌市人民法院' })
      .expect(422);
    expect(zh.body.message).toContain(`应为 ${first} 至 ${today}`);

    // Malformed bodies: 400 before any rule is looked at.
    for (const body of [
      { appliedOn: '2026-02-30', court: '义乌市人民法院' },
      { appliedOn: today, court: '   ' },
      { appliedOn: today, court: 'x'.repeat(201) },
      { appliedOn: today, court: '义乌市\u202E人民法院' },
      { appliedOn: today },
    ])
      await send(body).expect(400);

    // A window that closed: the agreement as if it had taken effect 40 days ago. Put back after,
    // so the case's statistics row, which nothing here rewrites, still matches its sources.
    const versions = t.dataSource.getRepository('AgreementVersion');
    const current = await versions.findOneByOrFail({ agreementId: agreement.id, version: 1 });
    const tookEffect = current.effectiveAt as Date;
    const longAgo = new Date(Date.now() - 40 * 86_400_000);
    await versions.update({ id: current.id }, { effectiveAt: longAgo });
    try {
      const late = await send({ appliedOn: today, court: '义乌市人民法院' }).expect(422);
      expect(late.body.code).toBe('CONFIRMATION_OUTSIDE_WINDOW');
      const deadline = chinaDayOf(new Date(longAgo.getTime() + 30 * 86_400_000));
      expect(late.body.message).toContain(`from ${chinaDayOf(longAgo)} to ${deadline}`);
    } finally {
      await versions.update({ id: current.id }, { effectiveAt: tookEffect });
    }
    expect(await tableCounts(t.dataSource)).toEqual(before);
    expect((await api().get(`/api/v1/agreements/${agreement.id}`).expect(200)).body).toEqual(
      agreement,
    );
    expect(
      (
        await api().get('/api/v1/agreements/confirmation-windows?withinDays=30').expect(200)
      ).body.map((w: { agreementId: string }) => w.agreementId),
    ).toContain(agreement.id);
  });

  it('kept each case’s statistics row equal to one computed afresh from its sources', async () => {
    expect(await expectStatisticsRowsCurrentIn(t.dataSource)).toBeGreaterThan(0);
  });
});
