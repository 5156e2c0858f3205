import request from 'supertest';
import { ADMIN, DEMO, startTestApp, tableCounts, TestApp } from './support/test-app';

describe("Platform: health, errors in the caller's language, accounts, audit", () => {
  let t: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await t.login(ADMIN.username, ADMIN.password);
  });
  afterAll(() => t.close());

  it('answers /health with the database up', async () => {
    const res = await request(t.http).get('/health').expect(200);
    expect(res.body.info.database.status).toBe('up');
  });

  it('lists the twelve locales with native names and direction', async () => {
    const res = await request(t.http).get('/api/v1/locales').expect(200);
    expect(res.body.map((l: { code: string }) => l.code)).toEqual([
      'zh-CN',
      'en',
      'ar',
      'fa',
      'ur',
      'hi',
      'ru',
      'fr',
      'es',
      'pt',
      'ko',
      'tr',
    ]);
    expect(
      res.body
        .filter((l: { direction: string }) => l.direction === 'rtl')
        .map((l: { code: string }) => l.code),
    ).toEqual(['ar', 'fa', 'ur']);
  });

  it('answers a wrong password with 401 LOGIN_FAILED, translated', async () => {
    const zh = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ username: 'admin', password: 'wrong-password1' })
      .expect(401);
    expect(zh.body).toEqual({
      statusCode: 401,
      code: 'LOGIN_FAILED',
      message: '用户名或密码不正确。',
      details: [],
    });
    const fr = await request(t.http)
      .post('/api/v1/auth/login')
      .set('Accept-Language', 'fr-FR,fr;q=0.9,en;q=0.8')
      .send({ username: 'admin', password: 'wrong-password1' })
      .expect(401);
    expect(fr.body.message).toBe('Le nom d’utilisateur ou le mot de passe est incorrect.');
  });

  it('rejects an unknown field with 400 VALIDATION_FAILED in Arabic, and in Chinese without a header', async () => {
    const ar = await request(t.http)
      .post('/api/v1/auth/login')
      .set('Accept-Language', 'ar')
      .send({ username: 'admin', password: 'x', role: 'admin' })
      .expect(400);
    expect(ar.body.code).toBe('VALIDATION_FAILED');
    expect(ar.body.message).toMatch(/[\u0600-\u06FF]/);
    expect(ar.body.details).toEqual([
      { field: 'role', code: 'whitelistValidation', message: 'الحقل «role» غير مقبول هنا.' },
    ]);

    const zh = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ username: 'admin', password: 'x', role: 'admin' })
      .expect(400);
    expect(zh.body.details[0].message).toBe('不接受字段“role”。');
  });

  it('takes ?lang= over Accept-Language', async () => {
    const res = await request(t.http)
      .post('/api/v1/auth/login?lang=ko')
      .set('Accept-Language', 'ru')
      .send({ username: 'admin', password: 'nope-nope-1' })
      .expect(401);
    expect(res.body.message).toBe('사용자 이름 또는 비밀번호가 올바르지 않습니다.');
  });

  it('answers malformed JSON with 400 in the error shape, never 500', async () => {
    const res = await request(t.http)
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .set('Accept-Language', 'ru')
      .send('{"username": ')
      .expect(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      code: 'BAD_REQUEST',
      message: 'Запрос составлен неверно.',
    });
  });

  it('answers an oversized body with 413', async () => {
    const res = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ username: 'a'.repeat(2_000_000), password: 'x' });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('needs a token everywhere but the public routes', async () => {
    const res = await request(t.http)
      .get('/api/v1/stations')
      .set('Accept-Language', 'en')
      .expect(401);
    expect(res.body).toEqual({
      statusCode: 401,
      code: 'UNAUTHENTICATED',
      message: 'Please sign in first.',
      details: [],
    });
    await request(t.http)
      .get('/api/v1/stations')
      .set('Authorization', 'Bearer not-a-token')
      .expect(401);
    await request(t.http).get('/api/docs-json').expect(200);
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND', async () => {
    const res = await t.as(adminToken, 'es').get('/api/v1/no-such-thing').expect(404);
    expect(res.body).toMatchObject({
      code: 'ROUTE_NOT_FOUND',
      message: 'No hay nada en esta dirección.',
    });
  });

  it("serves reference data in the caller's language and validates codes with it", async () => {
    const countries = await t.as(adminToken, 'ar').get('/api/v1/reference/countries').expect(200);
    expect(countries.body.find((c: { code: string }) => c.code === 'YE').name).toMatch(/اليمن/);
    const provinces = await t
      .as(adminToken, 'zh-CN')
      .get('/api/v1/reference/divisions')
      .expect(200);
    expect(provinces.body.items.find((d: { code: string }) => d.code === '520000').name).toBe(
      '贵州省',
    );
    const bijie = await t
      .as(adminToken, 'en')
      .get('/api/v1/reference/divisions?parent=520500')
      .expect(200);
    expect(bijie.body.items.map((d: { fullName: string }) => d.fullName)).toContain(
      'Weining, Bijie, Guizhou',
    );
    const dialects = await t
      .as(adminToken, 'zh-CN')
      .get('/api/v1/reference/dialects?region=520502')
      .expect(200);
    expect(dialects.body.map((d: { code: string }) => d.code)).toEqual(['guizhou']);
    const types = await t.as(adminToken, 'hi').get('/api/v1/reference/dispute-types').expect(200);
    expect(types.body).toHaveLength(15);
    expect(types.body.find((d: { code: string }) => d.code === 'labour').name).toMatch(
      /[\u0900-\u097F]/,
    );
    const languages = await t.as(adminToken, 'en').get('/api/v1/reference/languages').expect(200);
    expect(languages.body.find((l: { code: string }) => l.code === 'ur').nativeName).toBe('اردو');
  });

  it('refuses an unknown region code with 400 naming the field, and writes nothing', async () => {
    const before = await tableCounts(t.dataSource);
    const res = await t
      .as(adminToken, 'en')
      .post('/api/v1/stations')
      .send({
        code: 'X-1',
        nameZh: '测试站',
        nameEn: 'Test',
        kind: 'mediation_committee',
        countyCode: '999999',
        caseNumberFormat: '{year}-{seq:4}',
      })
      .expect(400);
    expect(res.body.details).toEqual([
      expect.objectContaining({ field: 'countyCode', code: 'isDivisionCode' }),
    ]);
    expect(await tableCounts(t.dataSource)).toEqual(before);
  });

  it('lets an admin manage stations and users; a clerk sees only the own station', async () => {
    const station = await t
      .as(adminToken)
      .post('/api/v1/stations')
      .send({
        code: 'HN-T1',
        nameZh: '海宁测试调委会',
        nameEn: 'Haining test committee',
        kind: 'mediation_committee',
        countyCode: '330481',
        caseNumberFormat: '（{year}）海测调字第{seq:4}号',
      })
      .expect(201);
    expect(station.body.panelPolicy).toEqual({
      staffMediatorForForeignParty: true,
      everyPartyLanguageCovered: true,
      maxMediators: 3,
    });

    const weak = await t
      .as(adminToken, 'en')
      .post('/api/v1/users')
      .send({
        username: 'clerk.t1',
        displayName: 'Clerk T1',
        password: 'abcdefghij',
        role: 'clerk',
        stationId: station.body.id,
      })
      .expect(400);
    expect(weak.body.details.map((d: { code: string }) => d.code)).toEqual([
      'passwordNeedsLettersAndDigits',
    ]);

    const noSuchMediator = await t
      .as(adminToken, 'en')
      .post('/api/v1/users')
      .send({
        username: 'mediator.t9',
        displayName: 'Mediator',
        password: 'Strong-pass-2026',
        role: 'mediator',
        mediatorId: '00000000-0000-4000-8000-000000000000',
      })
      .expect(400);
    expect(noSuchMediator.body.details[0]).toMatchObject({
      field: 'mediatorId',
      code: 'unknownMediator',
    });

    const missingStation = await t
      .as(adminToken)
      .post('/api/v1/users')
      .send({
        username: 'clerk.t2',
        displayName: 'Clerk',
        password: 'Strong-pass-2026',
        role: 'clerk',
      })
      .expect(400);
    expect(missingStation.body.details[0]).toMatchObject({
      field: 'stationId',
      code: 'requiredForRole',
    });

    await t
      .as(adminToken)
      .post('/api/v1/users')
      .send({
        username: 'clerk.t1',
        displayName: 'Clerk T1',
        password: 'Strong-pass-2026',
        role: 'clerk',
        stationId: station.body.id,
      })
      .expect(201);
    const clerkToken = await t.login('clerk.t1', 'Strong-pass-2026');
    const visible = await t.as(clerkToken).get('/api/v1/stations').expect(200);
    expect(visible.body.map((s: { code: string }) => s.code)).toEqual(['HN-T1']);
    await t.as(clerkToken).post('/api/v1/stations').send({}).expect(403);
    await t.as(clerkToken).get('/api/v1/users').expect(403);
  });

  it('scopes a bureau to its region: the Jiaxing bureau sees Haining, not Yiwu', async () => {
    const token = await t.login(DEMO.bureauJiaxing.username, DEMO.bureauJiaxing.password);
    const res = await t.as(token).get('/api/v1/stations').expect(200);
    const codes = res.body.map((s: { code: string }) => s.code);
    expect(codes).toContain('HN-XS');
    expect(codes).not.toContain('YW-JC');
  });

  it('disables a user at once: the old token stops working', async () => {
    const token = await t.login(DEMO.clerkXishan.username, DEMO.clerkXishan.password);
    await t.as(token).get('/api/v1/auth/me').expect(200);
    const users = await t.as(adminToken).get('/api/v1/users').expect(200);
    const id = users.body.find(
      (u: { username: string }) => u.username === DEMO.clerkXishan.username,
    ).id;
    await t.as(adminToken).patch(`/api/v1/users/${id}`).send({ disabled: true }).expect(200);
    await t.as(token).get('/api/v1/auth/me').expect(401);
    await request(t.http).post('/api/v1/auth/login').send(DEMO.clerkXishan).expect(401);
    await t.as(adminToken).patch(`/api/v1/users/${id}`).send({ disabled: false }).expect(200);
  });

  it('locks an account after five wrong passwords', async () => {
    await t
      .as(adminToken)
      .post('/api/v1/users')
      .send({
        username: 'lock.me',
        displayName: 'Lock',
        password: 'Right-pass-2026',
        role: 'admin',
      })
      .expect(201);
    for (let i = 0; i < 5; i++) {
      await request(t.http)
        .post('/api/v1/auth/login')
        .send({ username: 'lock.me', password: `Wrong-pass-${i}` })
        .expect(401);
    }
    const locked = await request(t.http)
      .post('/api/v1/auth/login')
      .set('Accept-Language', 'tr')
      .send({ username: 'lock.me', password: 'Right-pass-2026' })
      .expect(423);
    expect(locked.body).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      message: 'Çok fazla başarısız giriş: hesap 15 dakika kilitlendi.',
    });
  });

  it('keeps an append-only, hash-chained audit trail and finds a broken link', async () => {
    const verified = await t.as(adminToken).get('/api/v1/audit/verify').expect(200);
    expect(verified.body.valid).toBe(true);
    expect(verified.body.entriesChecked).toBeGreaterThan(5);

    const entries = await t.as(adminToken).get('/api/v1/audit?entityType=station').expect(200);
    expect(entries.body[0]).toMatchObject({ action: 'station.created', entityType: 'station' });

    await expect(
      t.dataSource.query(`UPDATE audit_entry SET action = 'x' WHERE seq = 2`),
    ).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_entry WHERE seq = 2`)).rejects.toThrow(
      /append-only/,
    );

    // Someone with raw database access rewrites history around the triggers: verify must notice.
    if (t.databaseKind === 'sqlite') {
      await t.dataSource.query('DROP TRIGGER audit_entry_no_update');
    } else {
      await t.dataSource.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only');
    }
    await t.dataSource.query(`UPDATE audit_entry SET summary = '{"forged":true}' WHERE seq = 3`);
    const broken = await t.as(adminToken).get('/api/v1/audit/verify').expect(200);
    expect(broken.body).toMatchObject({
      valid: false,
      firstBrokenLink: { seq: 3, reason: 'hash-mismatch' },
    });
  });
});
