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

  it('kept each case’s statistics row equal to one computed afresh from its sources', async () => {
    expect(await expectStatisticsRowsCurrentIn(t.dataSource)).toBeGreaterThan(0);
  });
});
