import * as ical from 'node-ical';
import {
  MediatingCase,
  mediatingCase,
  sessionBody,
  SessionWorld,
  sessionWorld,
} from './support/session-fixtures';
import { tableCounts } from './support/test-app';
import { expectStatisticsRowsCurrentIn } from './support/case-history';

describe('Sessions: scheduling without double bookings, calendars and reminders', () => {
  let w: SessionWorld;

  beforeAll(async () => {
    w = await sessionWorld();
  });
  afterAll(() => w.t.close());

  it('schedules a private three-language session in Shanghai time with invited participants', async () => {
    const c = await mediatingCase(w);
    const res = await w
      .api()
      .post(`/api/v1/cases/${c.id}/sessions`)
      .send(
        sessionBody(
          w,
          c,
          {},
          {
            panelMemberIds: [w.mediators.yemeni, w.mediators.wang],
            interpreterIds: [w.mediators.interpreter],
            agents: [{ partyId: c.respondent, name: '陈律师' }],
            invited: [
              {
                name: '阿卜杜拉',
                relation: 'relative',
                consentOfPartyIds: [c.applicant, c.respondent],
              },
            ],
          },
        ),
      )
      .expect(201);
    expect(res.body).toMatchObject({
      number: 1,
      status: 'scheduled',
      startsAt: '2027-03-01T01:30:00.000Z',
      endsAt: '2027-03-01T03:00:00.000Z',
      timeZone: 'Asia/Shanghai',
      publicity: 'private',
      privateReason: 'trade_secret',
      languages: ['ar', 'zh-CN', 'en'],
    });
    expect(res.body.expectedParticipants.map((p: { key: string }) => p.key)).toEqual([
      `party:${c.applicant}`,
      `party:${c.respondent}`,
      'agent:1',
      `mediator:${w.mediators.yemeni}`,
      `mediator:${w.mediators.wang}`,
      `interpreter:${w.mediators.interpreter}`,
      'invited:1',
    ]);
    const list = await w.api().get(`/api/v1/cases/${c.id}/sessions`).expect(200);
    expect(list.body.map((s: { id: string }) => s.id)).toEqual([res.body.id]);
    await w.api().get(`/api/v1/cases/${c.id}/sessions/${res.body.id}`).expect(200);
  });

  it('refuses a session before every party has received the rights notice, and changes nothing', async () => {
    const c = await mediatingCase(w, { notify: false });
    const before = await tableCounts(w.t.dataSource);
    const res = await w
      .api('zh-CN')
      .post(`/api/v1/cases/${c.id}/sessions`)
      .send(sessionBody(w, c, { startsAt: '2027-03-02T09:00', endsAt: '2027-03-02T10:00' }))
      .expect(422);
    expect(res.body.code).toBe('RIGHTS_NOTICE_PENDING');
    expect(res.body.message).toContain('权利义务告知书');
    expect(res.body.message).toContain('أحمد الحسن');
    expect(await tableCounts(w.t.dataSource)).toEqual(before);
  });

  it('refuses invalid requests: no place, private without reason, non-panel mediator, invitee without consent', async () => {
    const c = await mediatingCase(w);
    const post = (body: Record<string, unknown>) =>
      w.api().post(`/api/v1/cases/${c.id}/sessions`).send(body);
    const day = { startsAt: '2027-03-03T09:00', endsAt: '2027-03-03T10:00' };
    const fieldOf = async (body: Record<string, unknown>) =>
      ((await post(body).expect(400)).body.details as { field: string }[]).map((d) => d.field);
    expect(await fieldOf(sessionBody(w, c, { ...day, room: undefined }))).toEqual(['room']);
    expect(await fieldOf(sessionBody(w, c, { ...day, privateReason: undefined }))).toEqual([
      'privateReason',
    ]);
    expect(await fieldOf(sessionBody(w, c, { ...day, endsAt: '2027-03-03T08:00' }))).toEqual([
      'endsAt',
    ]);
    expect(await fieldOf(sessionBody(w, c, { ...day, timeZone: 'Mars/Olympus' }))).toEqual([
      'timeZone',
    ]);
    expect(await fieldOf(sessionBody(w, c, day, { panelMemberIds: [w.mediators.zhou] }))).toEqual([
      'participants.panelMemberIds.0',
    ]);
    expect(
      await fieldOf(
        sessionBody(w, c, day, {
          invited: [{ name: '李工', relation: 'expert', consentOfPartyIds: [c.applicant] }],
        }),
      ),
    ).toEqual(['participants.invited.0.consentOfPartyIds']);
  });

  it('refuses a double booking of a mediator or a room with 409 naming the conflict', async () => {
    const a = await mediatingCase(w);
    const b = await mediatingCase(w, { coMediator: 'zhou' });
    const slot = { startsAt: '2027-03-04T09:00', endsAt: '2027-03-04T11:00' };
    const first = await w
      .api()
      .post(`/api/v1/cases/${a.id}/sessions`)
      .send(sessionBody(w, a, slot))
      .expect(201);
    const clash = await w
      .api('en')
      .post(`/api/v1/cases/${b.id}/sessions`)
      .send(
        sessionBody(w, b, {
          startsAt: '2027-03-04T10:30',
          endsAt: '2027-03-04T12:00',
          room: '第三调解室',
        }),
      )
      .expect(409);
    expect(clash.body.code).toBe('BOOKING_CONFLICT');
    expect(clash.body.message).toBe(
      `Double booking: سالم باوزير is already booked for a session of case ${a.caseNumber} (2027-03-04 09:00–11:00 (Asia/Shanghai)).`,
    );
    // The same room, other mediators: the room is the conflict.
    const room = await w
      .api('zh-CN')
      .post(`/api/v1/cases/${b.id}/sessions`)
      .send(
        sessionBody(
          w,
          b,
          { ...slot, room: ' 第二调解室 ' },
          { panelMemberIds: [w.mediators.zhou] },
        ),
      )
      .expect(409);
    expect(room.body.message).toContain('第二调解室');
    // Back to back is fine; a video session books no room.
    await w
      .api()
      .post(`/api/v1/cases/${b.id}/sessions`)
      .send(sessionBody(w, b, { startsAt: '2027-03-04T11:00', endsAt: '2027-03-04T12:00' }))
      .expect(201);
    // Rescheduling into a conflict is refused too; cancelling releases the booking.
    await w
      .api()
      .patch(`/api/v1/cases/${a.id}/sessions/${first.body.id}`)
      .send({ endsAt: '2027-03-04T11:30' })
      .expect(409);
    await w
      .api()
      .patch(`/api/v1/cases/${a.id}/sessions/${first.body.id}`)
      .send({ status: 'cancelled', cancellationReason: '申请人航班延误' })
      .expect(200);
    await w
      .api()
      .post(`/api/v1/cases/${b.id}/sessions`)
      .send(sessionBody(w, b, slot))
      .expect(201);
  });

  it('books a mediator once when requests race: exactly one 201, the others 409', async () => {
    // Several cases want the same mediator at the same time; on PostgreSQL the requests run in
    // concurrent transactions, so only the per-resource lock keeps them from all passing the check.
    const cases: MediatingCase[] = [];
    for (let i = 0; i < 6; i++) cases.push(await mediatingCase(w));
    const slot = { startsAt: '2027-03-05T14:00', endsAt: '2027-03-05T16:00', room: undefined };
    // The first request of a burst reaches the database well ahead of the rest; a harmless read
    // takes that place, so the bookings really overlap.
    const [, ...results] = await Promise.all([
      w.api().get(`/api/v1/cases/${cases[0].id}/sessions`),
      ...cases.map((c, i) =>
        w
          .api()
          .post(`/api/v1/cases/${c.id}/sessions`)
          .send(sessionBody(w, c, { ...slot, videoLink: `https://meet.example.cn/${i}` })),
      ),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409))
      expect(r.body.code).toBe('BOOKING_CONFLICT');
    const booked = [];
    for (const c of cases)
      booked.push(...(await w.api().get(`/api/v1/cases/${c.id}/sessions`).expect(200)).body);
    expect(booked.map((s: { startsAt: string }) => s.startsAt)).toEqual([
      '2027-03-05T06:00:00.000Z',
    ]);
  });

  it('on PostgreSQL, a second booker of the same mediator waits for the first and then sees the conflict', async () => {
    if (w.t.databaseKind !== 'postgres') return; // SQLite: the transaction runner serialises writers.
    // Imported here: entity column types are fixed when the app starts on the chosen database.
    const { bookResources } = await import('../../src/sessions/session-bookings');
    const { MediationSession } = await import('../../src/sessions/mediation-session.entity');
    const a = await mediatingCase(w);
    const b = await mediatingCase(w);
    const sa = (
      await w
        .api()
        .post(`/api/v1/cases/${a.id}/sessions`)
        .send(sessionBody(w, a, { startsAt: '2027-03-07T09:00', endsAt: '2027-03-07T10:00' }))
        .expect(201)
    ).body;
    const sb = (
      await w
        .api()
        .post(`/api/v1/cases/${b.id}/sessions`)
        .send(
          sessionBody(w, b, {
            startsAt: '2027-03-07T13:00',
            endsAt: '2027-03-07T14:00',
            room: '第五调解室',
          }),
        )
        .expect(201)
    ).body;
    const slot = {
      startsAt: new Date('2027-03-07T07:00:00Z'),
      endsAt: new Date('2027-03-07T08:00:00Z'),
    };
    const load = (id: string) =>
      w.t.dataSource.getRepository(MediationSession).findOneByOrFail({ id });
    const first = w.t.dataSource.createQueryRunner();
    await first.connect();
    await first.startTransaction();
    try {
      // The first booker moves session A to 15:00 and holds its transaction open.
      await bookResources(first.manager, { ...(await load(sa.id)), ...slot });
      let settled = false;
      const second = w.t.dataSource
        .transaction((m) => load(sb.id).then((s) => bookResources(m, { ...s, ...slot })))
        .finally(() => (settled = true));
      second.catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(settled).toBe(false); // waiting on the mediator's lock, not reading stale rows
      await first.commitTransaction();
      await expect(second).rejects.toMatchObject({ code: 'BOOKING_CONFLICT' });
    } finally {
      if (first.isTransactionActive) await first.rollbackTransaction();
      await first.release();
    }
  });

  it('serves a mediator their sessions as an iCalendar feed that node-ical parses', async () => {
    const c = await mediatingCase(w);
    const s = (
      await w
        .api()
        .post(`/api/v1/cases/${c.id}/sessions`)
        .send(sessionBody(w, c, { startsAt: '2027-03-06T09:00', endsAt: '2027-03-06T10:30' }))
        .expect(201)
    ).body;
    const res = await w.t
      .as(w.mediatorToken, 'zh-CN')
      .get(`/api/v1/mediators/${w.mediators.yemeni}/calendar.ics`)
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => done(null, text));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const text = res.body as string;
    expect(text).toContain('\r\n');
    const parsed = ical.sync.parseICS(text);
    const event = Object.values(parsed).find(
      (e) => e.type === 'VEVENT' && e.uid === `${s.id}@mediation-sessions`,
    ) as ical.VEvent;
    expect(event).toBeDefined();
    expect(new Date(event.start).toISOString()).toBe('2027-03-06T01:00:00.000Z');
    expect(new Date(event.end).toISOString()).toBe('2027-03-06T02:30:00.000Z');
    expect(event.summary).toBe(`第1次调解会 ${c.caseNumber}`);
    expect(event.location).toContain('第二调解室');
    // A mediator may not read someone else's calendar; a clerk may read any in the station.
    const other = await w.t
      .as(w.mediatorToken)
      .get(`/api/v1/mediators/${w.mediators.wang}/calendar.ics`)
      .expect(403);
    expect(other.body.code).toBe('CALENDAR_NOT_OWN');
    await w.api().get(`/api/v1/mediators/${w.mediators.yemeni}/calendar.ics`).expect(200);
  });

  it("lists a mediator's day: today's sessions, cases near the one-month limit, follow-ups due", async () => {
    const c = await mediatingCase(w);
    const now = Date.now();
    const local = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16); // Shanghai wall time, no DST
    // A one-hour slot later today in Shanghai when possible, else the hour just begun.
    const startMs = Math.min(
      now + 60_000,
      Date.parse(`${local(now).slice(0, 10)}T22:58:00Z`) - 8 * 3_600_000,
    );
    const s = (
      await w
        .api()
        .post(`/api/v1/cases/${c.id}/sessions`)
        .send(
          sessionBody(w, c, {
            startsAt: local(startMs),
            endsAt: local(startMs + 60_000),
            room: `今日调解室 ${now}`,
          }),
        )
        .expect(201)
    ).body;
    // Arrange: the case's one-month limit falls in three days (acceptance backdated by hand).
    await w.t.dataSource.query(
      w.t.databaseKind === 'postgres'
        ? 'UPDATE mediation_case SET due_at = $1 WHERE id = $2'
        : 'UPDATE mediation_case SET due_at = ? WHERE id = ?',
      [
        w.t.databaseKind === 'postgres'
          ? new Date(now + 3 * 86_400_000)
          : new Date(now + 3 * 86_400_000).toISOString().replace('T', ' ').replace('Z', ''),
        c.id,
      ],
    );
    const mine = await w.t.as(w.mediatorToken).get('/api/v1/reminders/today').expect(200);
    expect(mine.body.sessions.map((x: { sessionId: string }) => x.sessionId)).toContain(s.id);
    const near = mine.body.casesNearLimit.find((x: { caseId: string }) => x.caseId === c.id);
    expect(near).toMatchObject({ caseNumber: c.caseNumber, daysLeft: 3 });
    expect(Array.isArray(mine.body.followUpsDue)).toBe(true);
    const station = await w.api().get('/api/v1/reminders/today').expect(200);
    expect(station.body.sessions.map((x: { sessionId: string }) => x.sessionId)).toContain(s.id);
    const wang = await w
      .api()
      .get(`/api/v1/reminders/today?mediatorId=${w.mediators.zhou}`)
      .expect(200);
    expect(wang.body.sessions.map((x: { sessionId: string }) => x.sessionId)).not.toContain(s.id);
  });

  it('kept each case’s statistics row equal to one computed afresh from its sources', async () => {
    expect(await expectStatisticsRowsCurrentIn(w.t.dataSource)).toBeGreaterThan(0);
  });
});
