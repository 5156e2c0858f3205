import {
  mediatingCase,
  MediatingCase,
  sessionBody,
  SessionWorld,
  sessionWorld,
} from './support/session-fixtures';
import { expectStatisticsRowsCurrentIn } from './support/case-history';

const translation = (language: string, text: string) => ({
  language,
  text,
  translatedBy: 'ليلى تشانغ / 张丽',
  checked: true,
});

describe('Sessions: the signed multilingual record, outcomes and follow-up visits', () => {
  let w: SessionWorld;
  let day = 1;

  beforeAll(async () => {
    w = await sessionWorld();
  });
  afterAll(() => w.t.close());

  const base = (c: MediatingCase) => `/api/v1/cases/${c.id}/sessions`;

  /** Schedules a session on a day of its own. */
  const schedule = async (c: MediatingCase, participants: Record<string, unknown> = {}) => {
    const d = String(day++).padStart(2, '0');
    return (
      await w
        .api()
        .post(base(c))
        .send(
          sessionBody(
            w,
            c,
            { startsAt: `2027-05-${d}T09:00`, endsAt: `2027-05-${d}T11:00` },
            participants,
          ),
        )
        .expect(201)
    ).body as { id: string; expectedParticipants: { key: string }[] };
  };

  /** A session held, with one entry, everyone present and signed. */
  const heldSession = async (c: MediatingCase) => {
    const s = await schedule(c);
    await w
      .api()
      .put(`${base(c)}/${s.id}/record/attendance`)
      .send({ marks: s.expectedParticipants.map((p) => ({ key: p.key, present: true })) })
      .expect(200);
    await w
      .api()
      .post(`${base(c)}/${s.id}/record/entries`)
      .send({
        speaker: { kind: 'mediator', mediatorId: w.mediators.yemeni, name: 'سالم باوزير' },
        text: { original: { language: 'ar', text: 'افتتحت جلسة الوساطة.' }, translations: [] },
      })
      .expect(201);
    await w
      .api()
      .post(`${base(c)}/${s.id}/record/signatures`)
      .send({
        signatures: [
          {
            signerKind: 'mediator',
            mediatorId: w.mediators.yemeni,
            name: 'سالم باوزير',
            method: 'signed',
          },
          {
            signerKind: 'party',
            partyId: c.applicant,
            name: 'أحمد الحسن',
            method: 'fingerprinted',
          },
          { signerKind: 'party', partyId: c.respondent, name: '陈建国', method: 'sealed' },
        ],
      })
      .expect(200);
    return s.id;
  };
  const stateOf = async (c: MediatingCase) =>
    (await w.api().get(`/api/v1/cases/${c.id}`).expect(200)).body.state as string;

  it('records a session in Arabic, Chinese and English through an interpreter, signs it, and keeps it read-only', async () => {
    const c = await mediatingCase(w);
    const evidence = (
      await w
        .api()
        .post(`/api/v1/cases/${c.id}/attachments`)
        .field('kind', 'evidence')
        .attach(
          'file',
          Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
          'invoice.pdf',
        )
        .expect(201)
    ).body.id as string;
    const s = await schedule(c, {
      panelMemberIds: [w.mediators.yemeni, w.mediators.wang],
      interpreterIds: [w.mediators.interpreter],
    });
    const entries = `${base(c)}/${s.id}/record/entries`;
    const say = (body: Record<string, unknown>) => w.api().post(entries).send(body).expect(201);
    await say({
      speaker: { kind: 'mediator', mediatorId: w.mediators.yemeni, name: 'Salem Bawazir' },
      text: {
        original: {
          language: 'en',
          text: 'We are here to settle the dispute over the broken glassware.',
        },
        translations: [
          translation('ar', 'نحن هنا لتسوية النزاع حول الأكواب الزجاجية المكسورة.'),
          translation('zh-CN', '我们今天来调解关于破损玻璃杯的纠纷。'),
        ],
      },
    });
    await say({
      speaker: { kind: 'party', partyId: c.applicant, name: 'أحمد الحسن' },
      text: {
        original: { language: 'ar', text: 'وصلت 120 كرتونة مكسورة، وهذه الفاتورة.' },
        translations: [
          translation('zh-CN', '有120箱到货时是破的，这是发票。'),
          translation('en', '120 cartons arrived broken; here is the invoice.'),
        ],
      },
      shownAttachmentIds: [evidence],
    });
    await say({
      speaker: { kind: 'party', partyId: c.respondent, name: '陈建国' },
      text: {
        original: { language: 'zh-CN', text: '货物出厂时是完好的，破损发生在运输途中。' },
        translations: [
          translation('ar', 'كانت البضاعة سليمة عند خروجها من المصنع، والكسر حدث أثناء النقل.'),
          translation('en', 'The goods left the factory intact; the breakage happened in transit.'),
        ],
      },
    });
    const draft = await say({
      speaker: { kind: 'interpreter', mediatorId: w.mediators.interpreter, name: 'ليلى تشانغ' },
      text: { original: { language: 'zh-CN', text: '（口译草稿）' }, translations: [] },
    });
    const draftId = draft.body.entries[3].id as string;
    // Before signing an entry may still be edited or deleted.
    await w
      .api()
      .patch(`${entries}/${draftId}`)
      .send({
        text: { original: { language: 'zh-CN', text: '口译员确认已如实翻译。' }, translations: [] },
      })
      .expect(200);
    const unknownDoc = await w
      .api()
      .post(entries)
      .send({
        speaker: { kind: 'clerk', name: '书记员' },
        text: { original: { language: 'zh-CN', text: '出示材料' }, translations: [] },
        shownAttachmentIds: [c.id],
      })
      .expect(400);
    expect(unknownDoc.body.details[0].field).toBe('shownAttachmentIds.0');

    // Signing needs attendance first, then every present party's signature.
    const early = await w
      .api()
      .post(`${base(c)}/${s.id}/record/signatures`)
      .send({
        signatures: [
          {
            signerKind: 'mediator',
            mediatorId: w.mediators.yemeni,
            name: 'سالم باوزير',
            method: 'signed',
          },
        ],
      });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('RECORD_INCOMPLETE');
    const incomplete = await w
      .api()
      .put(`${base(c)}/${s.id}/record/attendance`)
      .send({ marks: [{ key: `party:${c.applicant}`, present: true }] })
      .expect(400);
    expect(incomplete.body.details[0].field).toBe('marks');
    await w
      .api()
      .put(`${base(c)}/${s.id}/record/attendance`)
      .send({
        marks: s.expectedParticipants.map((p) => ({
          key: p.key,
          present: p.key !== `mediator:${w.mediators.wang}`,
          ...(p.key === `mediator:${w.mediators.wang}` ? { note: '因病请假' } : {}),
        })),
      })
      .expect(200);
    const missing = await w
      .api('zh-CN')
      .post(`${base(c)}/${s.id}/record/signatures`)
      .send({
        signatures: [
          {
            signerKind: 'mediator',
            mediatorId: w.mediators.yemeni,
            name: 'سالم باوزير',
            method: 'signed',
          },
          {
            signerKind: 'party',
            partyId: c.applicant,
            name: 'أحمد الحسن',
            method: 'fingerprinted',
          },
        ],
      })
      .expect(422);
    expect(missing.body.code).toBe('SIGNATURES_MISSING');
    expect(missing.body.message).toContain('义乌市恒达日用品有限公司');
    const signed = await w
      .api()
      .post(`${base(c)}/${s.id}/record/signatures`)
      .send({
        signatures: [
          {
            signerKind: 'mediator',
            mediatorId: w.mediators.yemeni,
            name: 'سالم باوزير',
            method: 'signed',
          },
          {
            signerKind: 'party',
            partyId: c.applicant,
            name: 'أحمد الحسن',
            method: 'fingerprinted',
            scanAttachmentId: evidence,
          },
          { signerKind: 'party', partyId: c.respondent, name: '陈建国', method: 'sealed' },
        ],
      })
      .expect(200);
    expect(signed.body).toMatchObject({ signed: true, documentsShown: [evidence] });
    expect(
      signed.body.entries.map(
        (e: { text: { original: { language: string } } }) => e.text.original.language,
      ),
    ).toEqual(['en', 'ar', 'zh-CN', 'zh-CN']);
    expect(signed.body.signatures.map((x: { method: string }) => x.method)).toEqual([
      'signed',
      'fingerprinted',
      'sealed',
    ]);
    const respondentEntry = signed.body.entries[2].id as string;

    // Read-only: no edit, no delete, no plain new entry, no new attendance, no second signing.
    for (const res of [
      await w
        .api('zh-CN')
        .patch(`${entries}/${respondentEntry}`)
        .send({ text: { original: { language: 'zh-CN', text: '改' }, translations: [] } }),
      await w.api().delete(`${entries}/${respondentEntry}`),
      await w
        .api()
        .post(entries)
        .send({
          speaker: { kind: 'clerk', name: '书记员' },
          text: { original: { language: 'zh-CN', text: '补充' }, translations: [] },
        }),
      await w
        .api()
        .put(`${base(c)}/${s.id}/record/attendance`)
        .send({ marks: [{ key: `party:${c.applicant}`, present: false }] }),
      await w
        .api()
        .patch(`${base(c)}/${s.id}`)
        .send({ room: '第一调解室' }),
    ]) {
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 409,
        code: 'RECORD_SIGNED',
      });
    }
    // ...and the database refuses too, whoever asks.
    await expect(
      w.t.dataSource.query(
        `UPDATE session_record_entry SET ordinal = 99 WHERE id = ${w.t.databaseKind === 'postgres' ? '$1' : '?'}`,
        [respondentEntry],
      ),
    ).rejects.toThrow(/read-only/);

    // A correction is a new entry that points at the corrected one.
    const corrected = await w
      .api()
      .post(entries)
      .send({
        speaker: { kind: 'party', partyId: c.respondent, name: '陈建国' },
        text: {
          original: { language: 'zh-CN', text: '更正：破损发生在装箱时，而非运输途中。' },
          translations: [translation('ar', 'تصحيح: حدث الكسر أثناء التعبئة لا أثناء النقل.')],
        },
        correctsEntryId: respondentEntry,
      })
      .expect(201);
    expect(corrected.body.entries[4]).toMatchObject({
      ordinal: 5,
      correctsEntryId: respondentEntry,
      afterSigning: true,
    });
    const correctionId = corrected.body.entries[4].id;
    await w
      .api()
      .patch(`${entries}/${correctionId}`)
      .send({ speaker: { kind: 'clerk', name: '书记员' } })
      .expect(409);

    const file = await w.api().get(`/api/v1/cases/${c.id}/file`).expect(200);
    expect(file.body.items.find((i: { item: string }) => i.item === 'session_record').present).toBe(
      true,
    );
  });

  it('adjourns to the next session, then an oral agreement moves the case, and follow-ups record performance', async () => {
    const c = await mediatingCase(w);
    const first = await heldSession(c);
    const unsigned = await schedule(c);
    const tooEarly = await w
      .api()
      .post(`${base(c)}/${unsigned.id}/outcome`)
      .send({ kind: 'adjourned' })
      .expect(409);
    expect(tooEarly.body.code).toBe('RECORD_NOT_SIGNED');
    await w
      .api()
      .post(`${base(c)}/${first}/outcome`)
      .send({ kind: 'adjourned', nextSessionId: unsigned.id })
      .expect(201);
    expect(await stateOf(c)).toBe('mediating');
    const twice = await w
      .api()
      .post(`${base(c)}/${first}/outcome`)
      .send({ kind: 'adjourned' })
      .expect(409);
    expect(twice.body.code).toBe('OUTCOME_ALREADY_RECORDED');

    const second = await heldSession(c);
    const noTerms = await w
      .api()
      .post(`${base(c)}/${second}/outcome`)
      .send({ kind: 'agreement_reached', agreementForm: 'oral', performanceDeadline: '2099-01-31' })
      .expect(400);
    expect(noTerms.body.details[0].field).toBe('terms');
    const agreed = await w
      .api()
      .post(`${base(c)}/${second}/outcome`)
      .send({
        kind: 'agreement_reached',
        agreementForm: 'oral',
        performanceDeadline: '2099-01-31',
        terms: {
          original: {
            language: 'zh-CN',
            text: '被申请人于2099年1月31日前赔偿申请人破损货物损失10,000美元。',
          },
          translations: [
            translation(
              'ar',
              'يدفع المدعى عليه للمدعي 10,000 دولار تعويضاً عن البضاعة المكسورة قبل 31 يناير 2099.',
            ),
          ],
        },
      })
      .expect(201);
    expect(agreed.body).toMatchObject({
      kind: 'agreement_reached',
      performanceDeadline: '2099-01-31',
    });
    expect(await stateOf(c)).toBe('agreement_reached');

    // Past its deadline without a visit, the agreement is due a follow-up.
    const due = await w.api().get('/api/v1/follow-ups/due?asOf=2099-02-01').expect(200);
    expect(due.body.map((d: { caseId: string }) => d.caseId)).toContain(c.id);
    expect(
      (await w.api().get('/api/v1/follow-ups/due?asOf=2099-01-31').expect(200)).body.map(
        (d: { caseId: string }) => d.caseId,
      ),
    ).not.toContain(c.id);

    const mediator = w.t.as(w.mediatorToken);
    const visit = (performance: string, visitedOn: string) =>
      mediator.post(`/api/v1/cases/${c.id}/follow-ups`).send({
        visitedOn,
        visitedByName: 'سالم باوزير',
        visitedByMediatorId: w.mediators.yemeni,
        performance,
        satisfaction: [
          { partyId: c.applicant, level: 'neutral' },
          { partyId: c.respondent, level: 'satisfied' },
        ],
        wentToCourt: false,
        notes: {
          original: { language: 'zh-CN', text: '已支付一半，余款承诺下月付清。' },
          translations: [],
        },
      });
    expect((await visit('partly', '2099-02-03').expect(201)).body.caseState).toBe(
      'agreement_reached',
    );
    expect(await stateOf(c)).toBe('agreement_reached');
    expect(
      (await w.api().get('/api/v1/follow-ups/due?asOf=2099-02-04').expect(200)).body.map(
        (d: { caseId: string }) => d.caseId,
      ),
    ).not.toContain(c.id);
    expect((await visit('fully', '2099-03-01').expect(201)).body.caseState).toBe('performed');
    expect(await stateOf(c)).toBe('performed');
    const visits = await w.api().get(`/api/v1/cases/${c.id}/follow-ups`).expect(200);
    expect(visits.body.map((v: { performance: string }) => v.performance)).toEqual([
      'partly',
      'fully',
    ]);
    const file = await w.api().get(`/api/v1/cases/${c.id}/file`).expect(200);
    expect(
      file.body.items.find((i: { item: string }) => i.item === 'follow_up_record').present,
    ).toBe(true);
  });

  it('a follow-up finding the agreement not performed moves the case to not_performed', async () => {
    const c = await mediatingCase(w);
    const s = await heldSession(c);
    await w
      .api()
      .post(`${base(c)}/${s}/outcome`)
      .send({
        kind: 'agreement_reached',
        agreementForm: 'written',
        performanceDeadline: '2099-06-30',
      })
      .expect(201);
    const res = await w.t
      .as(w.mediatorToken)
      .post(`/api/v1/cases/${c.id}/follow-ups`)
      .send({
        visitedOn: '2099-07-02',
        visitedByName: 'سالم باوزير',
        performance: 'not',
        satisfaction: [{ partyId: c.applicant, level: 'dissatisfied' }],
        wentToCourt: true,
      })
      .expect(201);
    expect(res.body.caseState).toBe('not_performed');
    const timeline = (await w.api().get(`/api/v1/cases/${c.id}/timeline`).expect(200)).body as {
      event: string;
      toState: string | null;
    }[];
    expect(timeline.filter((e) => e.toState).map((e) => e.toState)).toEqual([
      'registered',
      'accepted',
      'mediating',
      'agreement_reached',
      'not_performed',
    ]);
  });

  it('terminates only when the record says the parties were told of arbitration, administrative and court routes', async () => {
    const c = await mediatingCase(w);
    const s = await heldSession(c);
    const later = await heldSession(c);
    const reason = {
      original: { language: 'zh-CN', text: '双方对赔偿金额分歧过大，无法达成一致。' },
      translations: [],
    };
    const partial = await w
      .api('en')
      .post(`${base(c)}/${s}/outcome`)
      .send({ kind: 'terminated', routesExplained: ['court', 'arbitration'], reason })
      .expect(422);
    expect(partial.body.code).toBe('ROUTES_NOT_EXPLAINED');
    expect(partial.body.message).toContain('Art. 26');
    await w
      .api()
      .post(`${base(c)}/${s}/outcome`)
      .send({
        kind: 'terminated',
        routesExplained: ['arbitration', 'administrative', 'court'],
        reason,
      })
      .expect(201);
    expect(await stateOf(c)).toBe('terminated');
    // The case no longer mediates: a later session cannot conclude it again.
    const again = await w
      .api()
      .post(`${base(c)}/${later}/outcome`)
      .send({ kind: 'withdrawn', withdrawingPartyId: c.applicant, reason })
      .expect(409);
    expect(again.body.code).toBe('CASE_NOT_MEDIATING');
    const noSession = await w
      .api()
      .post(base(c))
      .send(sessionBody(w, c, { startsAt: '2027-06-01T09:00', endsAt: '2027-06-01T10:00' }))
      .expect(409);
    expect(noSession.body.code).toBe('CASE_NOT_MEDIATING');
  });

  it('records a withdrawal by a party and moves the case to withdrawn', async () => {
    const c = await mediatingCase(w);
    const s = await heldSession(c);
    await w
      .api()
      .post(`${base(c)}/${s}/outcome`)
      .send({
        kind: 'withdrawn',
        withdrawingPartyId: c.applicant,
        reason: {
          original: { language: 'ar', text: 'توصلت إلى تسوية مباشرة مع المورد.' },
          translations: [translation('zh-CN', '已与供应商直接和解。')],
        },
      })
      .expect(201);
    expect(await stateOf(c)).toBe('withdrawn');
    const record = await w
      .api()
      .get(`${base(c)}/${s}/record`)
      .expect(200);
    expect(record.body.outcome).toMatchObject({
      kind: 'withdrawn',
      details: { withdrawingPartyId: c.applicant },
    });
  });

  it('kept each case’s statistics row equal to one computed afresh from its sources', async () => {
    expect(await expectStatisticsRowsCurrentIn(w.t.dataSource)).toBeGreaterThan(0);
  });
});
