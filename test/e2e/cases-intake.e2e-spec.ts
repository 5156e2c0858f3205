import request from 'supertest';
import { bijieWageCase, creditCode, residentId, yemeniMerchantCase } from './support/case-factory';
import { ADMIN, DEMO, startTestApp, tableCounts, TestApp } from './support/test-app';

describe('Case intake: registration, numbering, validation, scope', () => {
  let t: TestApp;
  let admin: string;
  let clerk: string;
  let jincheng: string;
  let xishan: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(ADMIN.username, ADMIN.password);
    clerk = await t.login(DEMO.clerkJincheng.username, DEMO.clerkJincheng.password);
    const stations = await t.as(admin).get('/api/v1/stations').expect(200);
    jincheng = stations.body.find((s: { code: string }) => s.code === 'YW-JC').id;
    xishan = stations.body.find((s: { code: string }) => s.code === 'HN-XS').id;
  });
  afterAll(() => t.close());

  it('registers an Arabic-speaking applicant against a Chinese company, numbered in the station format', async () => {
    const res = await t
      .as(clerk)
      .post('/api/v1/cases')
      .send(yemeniMerchantCase(jincheng))
      .expect(201);
    expect(res.body.caseNumber).toMatch(/^（2026）义金外调字第\d{4}号$/);
    expect(res.body).toMatchObject({
      state: 'registered',
      disputeType: 'contract',
      amountInDispute: { amount: '86500.00', currency: 'USD' },
      allowedTransitions: ['accepted', 'declined', 'refused'],
    });
    expect(
      res.body.parties.map((p: { role: string; kind: string }) => `${p.role}:${p.kind}`),
    ).toEqual(['applicant:person', 'respondent:organisation']);
    expect(res.body.parties[0].person).toMatchObject({
      nameOriginal: 'أحمد الحسن',
      nationality: 'YE',
      preferredLanguages: ['ar', 'en'],
    });
    expect(res.body.account.original.language).toBe('ar');
    expect(res.body.account.translations[0]).toMatchObject({ language: 'zh-CN', checked: true });
  });

  it('stores identity and phone numbers encrypted and masks them for the bureau', async () => {
    const body = yemeniMerchantCase(jincheng);
    const number = (body.parties[0] as { person: { identityDocument: { number: string } } }).person
      .identityDocument.number;
    const res = await t.as(clerk).post('/api/v1/cases').send(body).expect(201);
    expect(res.body.parties[0].person.identityDocument.number).toBe(number);
    const rows = await t.dataSource.query(
      'SELECT id_document_number, phone FROM person WHERE id = $1'.replace(
        '$1',
        t.databaseKind === 'postgres' ? '$1' : '?',
      ),
      [res.body.parties[0].person.id],
    );
    expect(rows[0].id_document_number).not.toContain(number);
    expect(rows[0].phone).not.toContain('13812345678');
    const bureau = await t.login(DEMO.bureauYiwu.username, DEMO.bureauYiwu.password);
    const seen = await t.as(bureau).get(`/api/v1/cases/${res.body.id}`).expect(200);
    expect(seen.body.parties[0].person.identityDocument.number).toBe(`******${number.slice(-4)}`);
    expect(seen.body.parties[0].person.phone).toBe('**********5678');
  });

  it("refuses invalid identifiers with 400 naming each field in the caller's language, writing nothing", async () => {
    const before = await tableCounts(t.dataSource);
    const body = bijieWageCase(xishan) as Record<string, unknown> & {
      parties: Record<string, Record<string, unknown>>[];
    };
    body.parties[0].person.identityDocument = { type: 'resident_id', number: '520502199001011230' };
    body.parties[0].person.phone = '+86123';
    body.parties[1].organisation.creditCode = '91350100M000100Y44';
    const res = await t.as(admin, 'ar').post('/api/v1/cases').send(body).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining(['parties.0.person.phone', 'parties.1.organisation.creditCode']),
    );
    expect(
      res.body.details.every((d: { message: string }) => /[\u0600-\u06FF]/.test(d.message)),
    ).toBe(true);

    const badCodes = bijieWageCase(xishan) as Record<string, unknown> & {
      parties: Record<string, Record<string, unknown>>[];
    };
    badCodes.parties[0].person.homeRegionCode = '529999';
    badCodes.parties[0].person.nationality = 'XX';
    const res2 = await t.as(admin, 'zh-CN').post('/api/v1/cases').send(badCodes).expect(400);
    expect(
      res2.body.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`),
    ).toEqual(
      expect.arrayContaining([
        'parties.0.person.homeRegionCode:isDivisionCode',
        'parties.0.person.nationality:isCountryCode',
      ]),
    );

    const badId = bijieWageCase(xishan) as Record<string, unknown> & {
      parties: Record<string, Record<string, unknown>>[];
    };
    badId.parties[0].person.identityDocument = {
      type: 'resident_id',
      number: residentId().slice(0, 17) + (residentId().endsWith('0') ? '1' : '0'),
    };
    const res3 = await t.as(admin, 'ru').post('/api/v1/cases').send(badId).expect(400);
    expect(res3.body.details).toEqual([
      expect.objectContaining({
        field: 'parties.0.person.identityDocument.number',
        code: 'isResidentId',
        message: expect.stringMatching(/удостоверения/),
      }),
    ]);
    expect(await tableCounts(t.dataSource)).toEqual(before);
  });

  it('needs an applicant and a respondent, and exact money', async () => {
    const body = yemeniMerchantCase(jincheng, {
      amountInDispute: { amount: '10.001', currency: 'CNY' },
    }) as { parties: { role: string }[] };
    body.parties[1].role = 'applicant';
    const res = await t.as(clerk).post('/api/v1/cases').send(body).expect(400);
    expect(res.body.details.map((d: { code: string }) => d.code)).toEqual(
      expect.arrayContaining(['applicantAndRespondent', 'amountDecimals']),
    );
    const float = await t
      .as(clerk)
      .post('/api/v1/cases')
      .send(yemeniMerchantCase(jincheng, { amountInDispute: { amount: 86500.5, currency: 'USD' } }))
      .expect(400);
    expect(float.body.details[0]).toMatchObject({ field: 'amountInDispute.amount' });
  });

  it('lets a clerk register only at the own station', async () => {
    const res = await t
      .as(clerk, 'en')
      .post('/api/v1/cases')
      .send(bijieWageCase(xishan))
      .expect(403);
    expect(res.body.code).toBe('STATION_NOT_ALLOWED');
  });

  it('does not register the same person twice: offers the match, then links it', async () => {
    const first = await t.as(admin).post('/api/v1/cases').send(bijieWageCase(xishan)).expect(201);
    const worker = first.body.parties[0].person;
    const again = bijieWageCase(xishan) as { parties: Record<string, unknown>[] };
    (again.parties[0] as { person: Record<string, unknown> }).person.identityDocument = {
      type: 'resident_id',
      number: worker.identityDocument.number,
    };
    const dup = await t.as(admin).post('/api/v1/cases').send(again).expect(409);
    expect(dup.body).toMatchObject({ code: 'DUPLICATE_PERSON' });
    expect(dup.body.message).toContain(worker.id);

    const matches = await t
      .as(admin)
      .post('/api/v1/persons/matches')
      .send({ nameOriginal: '龙德明', nationality: 'CN' })
      .expect(200);
    expect(matches.body.find((m: { personId: string }) => m.personId === worker.id)).toMatchObject({
      matchedOn: ['name_and_nationality'],
      cases: 1,
    });

    again.parties[0] = { role: 'applicant', personId: worker.id };
    const linked = await t.as(admin).post('/api/v1/cases').send(again).expect(201);
    expect(linked.body.parties[0].person.id).toBe(worker.id);
  });

  it('gives 100 concurrent registrations at one station 100 distinct, gapless numbers', async () => {
    const created = await t
      .as(admin)
      .post('/api/v1/stations')
      .send({
        code: `RACE-${Date.now().toString(36).toUpperCase()}`,
        nameZh: '并发测试站',
        nameEn: 'Concurrency test station',
        kind: 'immigration_service_station',
        countyCode: '330782',
        caseNumberFormat: 'R{year}-{seq:4}',
      })
      .expect(201);
    const responses = await Promise.all(
      Array.from({ length: 100 }, () =>
        request(t.http)
          .post('/api/v1/cases')
          .set('Authorization', `Bearer ${admin}`)
          .send(yemeniMerchantCase(created.body.id)),
      ),
    );
    expect(responses.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    const numbers = responses.map((r) => r.body.caseNumber as string).sort();
    expect(numbers).toEqual(
      Array.from({ length: 100 }, (_, i) => `R2026-${String(i + 1).padStart(4, '0')}`),
    );
  });

  it('finds cases by party name in any script, nationality, home province and state, with stable paging', async () => {
    const station = await t
      .as(admin)
      .post('/api/v1/stations')
      .send({
        code: `SRCH-${Date.now().toString(36).toUpperCase()}`,
        nameZh: '检索测试站',
        nameEn: 'Search test station',
        kind: 'mediation_committee',
        countyCode: '330782',
        caseNumberFormat: 'S{year}-{seq:3}',
      })
      .expect(201);
    const at = station.body.id as string;
    for (let i = 0; i < 3; i++)
      await t.as(admin).post('/api/v1/cases').send(yemeniMerchantCase(at)).expect(201);
    const worker = await t.as(admin).post('/api/v1/cases').send(bijieWageCase(at)).expect(201);
    const linked = bijieWageCase(at) as { parties: Record<string, unknown>[] };
    linked.parties[0] = { role: 'applicant', personId: worker.body.parties[0].person.id };
    const second = await t.as(admin).post('/api/v1/cases').send(linked).expect(201);
    await t
      .as(admin)
      .post(`/api/v1/cases/${second.body.id}/transitions`)
      .send({ to: 'accepted' })
      .expect(200);

    const find = async (query: string) =>
      (await t.as(admin).get(`/api/v1/cases?stationId=${at}&${query}`).expect(200)).body;
    expect((await find('partyName=HASSAN')).total).toBe(3);
    expect((await find('partyName=alhassan')).total).toBe(3);
    expect((await find(`partyName=${encodeURIComponent('الحسن')}`)).total).toBe(3);
    expect((await find('partyName=long%20deming')).total).toBe(2);
    expect((await find(`partyName=${encodeURIComponent('龙德')}`)).total).toBe(2);
    expect((await find('homeProvince=520000')).total).toBe(2);
    expect((await find('nationality=YE')).total).toBe(3);
    expect((await find('state=accepted')).items.map((c: { id: string }) => c.id)).toEqual([
      second.body.id,
    ]);
    expect((await find('disputeType=labour,contract')).total).toBe(5);
    expect((await find('caseNumber=-002')).total).toBe(1);

    const page1 = await find('sort=caseNumber&order=asc&limit=2&offset=0');
    const page2 = await find('sort=caseNumber&order=asc&limit=2&offset=2');
    const page3 = await find('sort=caseNumber&order=asc&limit=2&offset=4');
    const paged = [...page1.items, ...page2.items, ...page3.items].map(
      (c: { caseNumber: string }) => c.caseNumber,
    );
    expect(paged).toEqual(['S2026-001', 'S2026-002', 'S2026-003', 'S2026-004', 'S2026-005']);
    expect(page1.total).toBe(5);
  });

  it("keeps cases in scope: another station's clerk gets 404, the Jiaxing bureau sees Haining only", async () => {
    const haining = await t.as(admin).post('/api/v1/cases').send(bijieWageCase(xishan)).expect(201);
    const jinchengClerk = await t.as(clerk).get(`/api/v1/cases/${haining.body.id}`).expect(404);
    expect(jinchengClerk.body.code).toBe('CASE_NOT_FOUND');
    const listed = await t.as(clerk).get('/api/v1/cases?limit=200').expect(200);
    expect(listed.body.items.every((c: { stationId: string }) => c.stationId === jincheng)).toBe(
      true,
    );
    const jiaxing = await t.login(DEMO.bureauJiaxing.username, DEMO.bureauJiaxing.password);
    await t.as(jiaxing).get(`/api/v1/cases/${haining.body.id}`).expect(200);
    const fromYiwu = await t.as(jiaxing).get('/api/v1/cases?nationality=YE').expect(200);
    expect(fromYiwu.body.total).toBe(0);
    await t.as(jiaxing).post('/api/v1/cases').send(bijieWageCase(xishan)).expect(403);
  });

  it('accepts a PDF attachment by content, refuses other types, and reports the case file', async () => {
    const created = await t
      .as(clerk)
      .post('/api/v1/cases')
      .send(yemeniMerchantCase(jincheng))
      .expect(201);
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    const attached = await t
      .as(clerk)
      .post(`/api/v1/cases/${created.body.id}/attachments`)
      .field('kind', 'evidence')
      .attach('file', pdf, { filename: 'invoice.txt', contentType: 'text/plain' })
      .expect(201);
    expect(attached.body).toMatchObject({
      kind: 'evidence',
      mediaType: 'application/pdf',
      sizeBytes: pdf.length,
    });
    const refused = await t
      .as(clerk, 'fr')
      .post(`/api/v1/cases/${created.body.id}/attachments`)
      .field('kind', 'evidence')
      .attach('file', Buffer.from('MZ executable'), {
        filename: 'photo.png',
        contentType: 'image/png',
      })
      .expect(415);
    expect(refused.body.code).toBe('ATTACHMENT_TYPE_REFUSED');
    const download = await t
      .as(clerk)
      .get(`/api/v1/cases/${created.body.id}/attachments/${attached.body.id}`)
      .expect(200);
    expect(Buffer.from(download.body).equals(pdf)).toBe(true);

    const file = await t.as(clerk).get(`/api/v1/cases/${created.body.id}/file`).expect(200);
    const status = Object.fromEntries(
      file.body.items.map((i: { item: string; present: boolean }) => [i.item, i.present]),
    );
    expect(status).toMatchObject({
      application_form: true,
      identity_proof: true,
      evidence: true,
      rights_notice: false,
      session_record: false,
    });
    expect(
      file.body.items.find((i: { item: string }) => i.item === 'power_of_attorney').required,
    ).toBe(false);
  });

  it('answers a malformed id with 400 and an unknown one with 404', async () => {
    const bad = await t.as(admin, 'en').get('/api/v1/cases/not-a-uuid').expect(400);
    expect(bad.body.details[0]).toMatchObject({ field: 'id', code: 'isUuid' });
    await t.as(admin).get('/api/v1/cases/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('validates credit codes with the GB 32100 check character', () => {
    expect(creditCode('91330782MA2A1B2C3')).toHaveLength(18);
  });
});
