import { CASE_STATES, CASE_TRANSITIONS, CaseState } from '../../src/cases/case-lifecycle';
import { mediatingCase, yemeniMerchantCase } from './support/case-factory';
import { ADMIN, DEMO, startTestApp, TestApp } from './support/test-app';
import { expectStatisticsRowsCurrentIn } from './support/case-history';

describe('Case lifecycle through the API', () => {
  let t: TestApp;
  let admin: string;
  let clerk: string;
  let station: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(ADMIN.username, ADMIN.password);
    clerk = await t.login(DEMO.clerkJincheng.username, DEMO.clerkJincheng.password);
    station = (await t.as(admin).get('/api/v1/stations').expect(200)).body.find(
      (s: { code: string }) => s.code === 'YW-JC',
    ).id;
  });
  afterAll(() => t.close());

  const register = async () =>
    (await t.as(clerk).post('/api/v1/cases').send(yemeniMerchantCase(station)).expect(201)).body;
  const move = (id: string, to: CaseState, reason?: string) =>
    t.as(clerk, 'en').post(`/api/v1/cases/${id}/transitions`).send({ to, reason });

  /** Every state the table does not allow from `from` answers 409 and leaves the case as it is. */
  async function rejectsIllegalFrom(id: string, from: CaseState) {
    const legal = new Set(CASE_TRANSITIONS[from].map((r) => r.to));
    for (const to of CASE_STATES.filter((s) => !legal.has(s))) {
      const res = await move(id, to, 'trying');
      expect({ to, status: res.status, code: res.body.code }).toEqual({
        to,
        status: 409,
        code: 'ILLEGAL_TRANSITION',
      });
    }
    expect((await t.as(clerk).get(`/api/v1/cases/${id}`).expect(200)).body.state).toBe(from);
  }

  it('accepts, starts the one-month clock, withdraws and closes, with the whole history', async () => {
    const c = await register();
    await rejectsIllegalFrom(c.id, 'registered');
    const accepted = await move(c.id, 'accepted').expect(200);
    expect(accepted.body.state).toBe('accepted');
    expect(
      new Date(accepted.body.dueAt).getTime() - new Date(accepted.body.acceptedAt).getTime(),
    ).toBe(30 * 86_400_000);
    expect(accepted.body.allowedTransitions).toEqual(['refused', 'withdrawn']);
    await rejectsIllegalFrom(c.id, 'accepted');

    const byHand = await move(c.id, 'mediating').expect(409);
    expect(byHand.body.code).toBe('TRANSITION_NEEDS_PANEL');

    const noReason = await move(c.id, 'withdrawn').expect(400);
    expect(noReason.body.details[0]).toMatchObject({ field: 'reason', code: 'reasonRequired' });
    await move(c.id, 'withdrawn', 'The applicant settled directly with the supplier').expect(200);
    await rejectsIllegalFrom(c.id, 'withdrawn');
    const closed = await move(c.id, 'closed').expect(200);
    expect(closed.body).toMatchObject({ state: 'closed', allowedTransitions: [] });
    await rejectsIllegalFrom(c.id, 'closed');

    const timeline = await t.as(clerk).get(`/api/v1/cases/${c.id}/timeline`).expect(200);
    expect(
      timeline.body.map(
        (e: { event: string; toState: string | null }) => `${e.event}:${e.toState ?? ''}`,
      ),
    ).toEqual([
      'registered:registered',
      'state_changed:accepted',
      'state_changed:withdrawn',
      'state_changed:closed',
    ]);
    expect(timeline.body[2]).toMatchObject({
      actor: DEMO.clerkJincheng.username,
      reason: 'The applicant settled directly with the supplier',
    });
  });

  it('carries a case through mediation to agreement, performance and closing, rejecting every illegal step', async () => {
    const c = await mediatingCase(t.as(clerk), yemeniMerchantCase(station));
    await rejectsIllegalFrom(c.id, 'mediating');
    await move(c.id, 'agreement_reached').expect(200);
    await rejectsIllegalFrom(c.id, 'agreement_reached');
    await move(c.id, 'performed').expect(200);
    await rejectsIllegalFrom(c.id, 'performed');
    const closed = await move(c.id, 'closed').expect(200);
    expect(closed.body.concludedAt).not.toBeNull();
    const timeline = await t.as(clerk).get(`/api/v1/cases/${c.id}/timeline`).expect(200);
    expect(
      timeline.body
        .filter((e: { event: string }) => e.event === 'state_changed')
        .map((e: { toState: string }) => e.toState),
    ).toEqual(['accepted', 'mediating', 'agreement_reached', 'performed', 'closed']);
  });

  it('records an agreement not performed, and a terminated mediation, each then closed', async () => {
    const notPerformed = await mediatingCase(t.as(clerk), yemeniMerchantCase(station));
    await move(notPerformed.id, 'agreement_reached').expect(200);
    await move(notPerformed.id, 'not_performed').expect(400);
    await move(
      notPerformed.id,
      'not_performed',
      'The supplier paid nothing by the deadline',
    ).expect(200);
    await rejectsIllegalFrom(notPerformed.id, 'not_performed');
    await move(notPerformed.id, 'closed').expect(200);

    const terminated = await mediatingCase(t.as(clerk), yemeniMerchantCase(station));
    await move(
      terminated.id,
      'terminated',
      'No agreement on the amount; parties told of arbitration and the courts',
    ).expect(200);
    await rejectsIllegalFrom(terminated.id, 'terminated');
    await move(terminated.id, 'closed').expect(200);
  });

  it('declines with a reason and then allows nothing', async () => {
    const c = await register();
    await move(
      c.id,
      'declined',
      "Outside the committee's competence: already before the court",
    ).expect(200);
    await rejectsIllegalFrom(c.id, 'declined');
  });

  it('ends the case as refused when a party clearly refuses mediation (Art. 17)', async () => {
    const c = await register();
    const respondent = c.parties.find((p: { role: string }) => p.role === 'respondent');
    const missing = await t
      .as(clerk, 'en')
      .post(`/api/v1/cases/${c.id}/parties/${respondent.id}/consent`)
      .send({ decision: 'refused', method: 'signed_form' })
      .expect(400);
    expect(missing.body.details[0].code).toBe('refusalReasonRequired');
    const refused = await t
      .as(clerk)
      .post(`/api/v1/cases/${c.id}/parties/${respondent.id}/consent`)
      .send({
        decision: 'refused',
        method: 'signed_form',
        reason: 'The company prefers to go to court',
      })
      .expect(200);
    expect(refused.body.state).toBe('refused');
    expect(refused.body.parties[1].consent).toMatchObject({
      state: 'refused',
      method: 'signed_form',
    });
    await rejectsIllegalFrom(c.id, 'refused');
    const timeline = await t.as(clerk).get(`/api/v1/cases/${c.id}/timeline`).expect(200);
    expect(timeline.body.map((e: { event: string }) => e.event)).toEqual([
      'registered',
      'consent_refused',
      'state_changed',
    ]);
  });

  it('records consent and the rights notice per party; the case file shows the notice once all have it', async () => {
    const c = await register();
    for (const party of c.parties) {
      await t
        .as(clerk)
        .post(`/api/v1/cases/${c.id}/parties/${party.id}/consent`)
        .send({ decision: 'given', method: 'signed_form' })
        .expect(200);
    }
    const before = await t.as(clerk).get(`/api/v1/cases/${c.id}/file`).expect(200);
    expect(
      before.body.items.find((i: { item: string }) => i.item === 'rights_notice').present,
    ).toBe(false);
    await t
      .as(clerk)
      .post(`/api/v1/cases/${c.id}/parties/${c.parties[0].id}/rights-notice`)
      .send({ language: 'ar' })
      .expect(200);
    const bad = await t
      .as(clerk, 'en')
      .post(`/api/v1/cases/${c.id}/parties/${c.parties[1].id}/rights-notice`)
      .send({ language: 'de' })
      .expect(400);
    expect(bad.body.details[0].code).toBe('isSupportedLanguage');
    const done = await t
      .as(clerk)
      .post(`/api/v1/cases/${c.id}/parties/${c.parties[1].id}/rights-notice`)
      .send({ language: 'zh-CN' })
      .expect(200);
    expect(
      done.body.parties.map((p: { rightsNotice: { language: string } }) => p.rightsNotice.language),
    ).toEqual(['ar', 'zh-CN']);
    const after = await t.as(clerk).get(`/api/v1/cases/${c.id}/file`).expect(200);
    expect(after.body.items.find((i: { item: string }) => i.item === 'rights_notice').present).toBe(
      true,
    );
  });

  it('lists overdue and soon-due cases', async () => {
    const c = await register();
    await move(c.id, 'accepted').expect(200);
    const soon = await t.as(clerk).get('/api/v1/cases?dueWithinDays=30').expect(200);
    expect(soon.body.items.map((x: { id: string }) => x.id)).toContain(c.id);
    // Push the acceptance back 31 days, as if the case had waited since then.
    const past = new Date(Date.now() - 31 * 86_400_000);
    const due = new Date(past.getTime() + 30 * 86_400_000);
    await t.dataSource.query(
      t.databaseKind === 'postgres'
        ? 'UPDATE mediation_case SET accepted_at = $1, due_at = $2 WHERE id = $3'
        : 'UPDATE mediation_case SET accepted_at = ?, due_at = ? WHERE id = ?',
      t.databaseKind === 'postgres'
        ? [past, due, c.id]
        : [
            past.toISOString().replace('T', ' ').slice(0, 23),
            due.toISOString().replace('T', ' ').slice(0, 23),
            c.id,
          ],
    );
    const overdue = await t.as(clerk).get('/api/v1/cases?overdue=true').expect(200);
    expect(
      overdue.body.items.map((x: { id: string; overdue: boolean }) => [x.id, x.overdue]),
    ).toContainEqual([c.id, true]);
    const stillSoon = await t.as(clerk).get('/api/v1/cases?dueWithinDays=7').expect(200);
    expect(stillSoon.body.items.map((x: { id: string }) => x.id)).not.toContain(c.id);
  });

  it('lets the bureau read but never move a case', async () => {
    const c = await register();
    const bureau = await t.login(DEMO.bureauYiwu.username, DEMO.bureauYiwu.password);
    await t.as(bureau).get(`/api/v1/cases/${c.id}/timeline`).expect(200);
    await t
      .as(bureau)
      .post(`/api/v1/cases/${c.id}/transitions`)
      .send({ to: 'accepted' })
      .expect(403);
  });

  it('kept each case’s statistics row equal to one computed afresh from its sources', async () => {
    expect(await expectStatisticsRowsCurrentIn(t.dataSource)).toBeGreaterThan(0);
  });
});
