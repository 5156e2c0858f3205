import { yemeniAgreementDraft, yemeniMerchantCase } from './support/case-factory';
import { expectStatisticsRowsCurrent } from './support/case-history';
import { call, loginTo, ServerProcess, startServer } from './support/server-process';
import { SharedDatabase, sharedDatabase } from './support/shared-database';
import { ADMIN, DEMO } from './support/test-app';

/**
 * Two application processes on one database, as a station with two app servers runs: on
 * PostgreSQL when DATABASE_URL is set, else both on one SQLite file (WAL). Requests fired at both
 * at once: registrations get unique, gapless case numbers; overlapping bookings of one mediator
 * give exactly one session; drafts, issues, revisions and signatures of one agreement leave one
 * consistent version. No request may answer 500.
 */
type Reply = { status: number; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
interface Request {
  method: string;
  path: string;
  body?: unknown;
}

const codesOf = (replies: Reply[]) =>
  replies.map((r) => `${r.status} ${r.body?.code ?? ''}`.trim());
const count = (items: string[], item: string) => items.filter((i) => i === item).length;
/** How many replies of each status and code, e.g. { '201': 1, '409 BOOKING_CONFLICT': 11 }. */
const tally = (codes: string[]) =>
  Object.fromEntries([...new Set(codes)].sort().map((c) => [c, count(codes, c)]));

describe('Races with two app processes on one database', () => {
  let db: SharedDatabase;
  const servers: ServerProcess[] = [];
  let clerk = '';
  let admin = '';
  let station = '';
  const mediators = { lead: '', staff: '' };

  /** Fires the requests at once, alternating between the two processes. */
  const race = (requests: Request[], token = clerk): Promise<Reply[]> =>
    Promise.all(requests.map((r, i) => call(servers[i % 2].url, token, r.method, r.path, r.body)));

  const ok = async (request: Request, status: number, token = clerk) => {
    const reply = await call(servers[0].url, token, request.method, request.path, request.body);
    if (reply.status !== status)
      throw new Error(
        `${request.method} ${request.path}: ${reply.status} ${JSON.stringify(reply.body)}\n${servers[0].output().slice(-3000)}`,
      );
    return reply.body;
  };

  /** A registered, accepted case with the lead and a staff mediator seated and both parties notified. */
  const mediatingCase = async () => {
    const c = await ok(
      { method: 'POST', path: '/api/v1/cases', body: yemeniMerchantCase(station) },
      201,
    );
    await ok(
      { method: 'POST', path: `/api/v1/cases/${c.id}/transitions`, body: { to: 'accepted' } },
      200,
    );
    await ok(
      {
        method: 'PUT',
        path: `/api/v1/cases/${c.id}/panel`,
        body: { leadId: mediators.lead, coMediatorIds: [mediators.staff] },
      },
      200,
    );
    const parties = c.parties as { id: string; role: string }[];
    for (const p of parties)
      await ok(
        {
          method: 'POST',
          path: `/api/v1/cases/${c.id}/parties/${p.id}/rights-notice`,
          body: { language: p.role === 'applicant' ? 'ar' : 'zh-CN' },
        },
        200,
      );
    return { id: c.id as string, parties };
  };

  beforeAll(async () => {
    db = await sharedDatabase('races');
    // The first runs the migrations and seeds; the second starts on the ready schema.
    // Errors are logged, so that a failure shows the server's side of it.
    servers.push(await startServer({ ...db.env, LOG_LEVEL: 'error' }));
    servers.push(await startServer({ ...db.env, LOG_LEVEL: 'error', SEED_DEMO: 'false' }));
    clerk = await loginTo(servers[0].url, DEMO.clerkJincheng.username, DEMO.clerkJincheng.password);
    admin = await loginTo(servers[1].url, ADMIN.username, ADMIN.password);
    station = (await call(servers[0].url, clerk, 'GET', '/api/v1/stations')).body[0].id;
    const register = async (body: Record<string, unknown>) =>
      (
        await ok(
          {
            method: 'POST',
            path: '/api/v1/mediators',
            body: { sex: 'male', stationIds: [station], capacity: 20, ...body },
          },
          201,
          admin,
        )
      ).id as string;
    mediators.lead = await register({
      kind: 'foreign',
      nameOriginal: 'سالم باوزير',
      nameLatin: 'Salem Bawazir',
      nationality: 'YE',
      languages: [
        { tag: 'ar', level: 'native' },
        { tag: 'en', level: 'fluent' },
      ],
      specialties: ['contract'],
    });
    mediators.staff = await register({
      kind: 'staff',
      nameOriginal: '王建华',
      nationality: 'CN',
      languages: [
        { tag: 'zh-CN', level: 'native' },
        { tag: 'en', level: 'working' },
      ],
    });
  }, 120_000);

  afterAll(async () => {
    for (const s of servers) await s.kill();
    await db?.drop();
  });

  it('keeps case numbers unique and gapless when both processes register at once', async () => {
    const total = 60;
    const replies = await race(
      Array.from({ length: total }, () => ({
        method: 'POST',
        path: '/api/v1/cases',
        body: yemeniMerchantCase(station),
      })),
    );
    expect(codesOf(replies)).toEqual(Array(total).fill('201'));
    const numbers = replies.map((r) => r.body.caseNumber as string);
    expect(new Set(numbers).size).toBe(total);
    // Every number of the station's year, the demo cases' included, from 1 without a gap.
    const stored = await db.query<{ sequence: number | string }>(
      `SELECT sequence FROM mediation_case WHERE station_id = '${station}' AND year = 2026 ORDER BY sequence`,
    );
    expect(stored.map((r) => Number(r.sequence))).toEqual(stored.map((_, i) => i + 1));
    const sequences = numbers.map((n) => Number(/(\d+)号$/.exec(n)![1])).sort((a, b) => a - b);
    expect(sequences[total - 1] - sequences[0] + 1).toBe(total);
    process.stdout.write(
      `races (${db.kind}): ${total} registrations over two processes numbered ${sequences[0]}..${sequences[total - 1]}\n`,
    );
  });

  it('books one mediator once when overlapping sessions are requested through both processes', async () => {
    const cases = [];
    for (let i = 0; i < 4; i++) cases.push(await mediatingCase());
    // Three requests per case, all overlapping each other (5 minutes apart, 90 minutes long), in
    // rooms of their own: the lead mediator is the only thing they share.
    const requests = cases.flatMap((c, k) =>
      [0, 1, 2].map((j) => {
        const i = k * 3 + j;
        const start = new Date(Date.UTC(2027, 2, 1, 1, 0) + i * 5 * 60_000);
        const end = new Date(start.getTime() + 90 * 60_000);
        return {
          method: 'POST',
          path: `/api/v1/cases/${c.id}/sessions`,
          body: {
            startsAt: start.toISOString(),
            endsAt: end.toISOString(),
            room: `第${i + 1}调解室`,
            publicity: 'public',
            languages: ['ar', 'zh-CN'],
            participants: {
              partyIds: c.parties.map((p) => p.id),
              panelMemberIds: [mediators.lead],
            },
          },
        };
      }),
    );
    const replies = await race(requests);
    const codes = codesOf(replies);
    expect(tally(codes)).toEqual({ '201': 1, '409 BOOKING_CONFLICT': requests.length - 1 });
    const ids = cases.map((c) => `'${c.id}'`).join(', ');
    const [sessions] = await db.query(
      `SELECT COUNT(*) AS n FROM mediation_session WHERE case_id IN (${ids})`,
    );
    expect(Number(sessions.n)).toBe(1);
    const [bookings] = await db.query(
      `SELECT COUNT(*) AS n FROM session_booking WHERE resource_key = 'mediator:${mediators.lead}'`,
    );
    expect(Number(bookings.n)).toBe(1);
    process.stdout.write(
      `races (${db.kind}): ${requests.length} overlapping bookings of one mediator, one session\n`,
    );
  });

  it("keeps one case's timeline in order when its sessions are cancelled at once", async () => {
    const c = await mediatingCase();
    const sessions: string[] = [];
    for (let day = 1; day <= 6; day++)
      sessions.push(
        (
          await ok(
            {
              method: 'POST',
              path: `/api/v1/cases/${c.id}/sessions`,
              body: {
                startsAt: `2027-04-0${day}T09:30`,
                endsAt: `2027-04-0${day}T11:00`,
                room: '第一调解室',
                publicity: 'public',
                languages: ['ar', 'zh-CN'],
                participants: {
                  partyIds: c.parties.map((p) => p.id),
                  panelMemberIds: [mediators.lead],
                },
              },
            },
            201,
          )
        ).id,
      );
    const replies = await race(
      sessions.map((id) => ({
        method: 'PATCH',
        path: `/api/v1/cases/${c.id}/sessions/${id}`,
        body: { status: 'cancelled', cancellationReason: '申请人航班延误' },
      })),
    );
    expect(tally(codesOf(replies))).toEqual({ '200': sessions.length });
    const ordinals = await db.query<{ ordinal: number | string; event: string }>(
      `SELECT ordinal, event FROM case_transition WHERE case_id = '${c.id}' ORDER BY ordinal`,
    );
    expect(ordinals.map((o) => Number(o.ordinal))).toEqual(ordinals.map((_, i) => i + 1));
    expect(ordinals.filter((o) => o.event === 'session_cancelled')).toHaveLength(sessions.length);
    process.stdout.write(
      `races (${db.kind}): ${sessions.length} sessions of one case cancelled at once, timeline 1..${ordinals.length}\n`,
    );
    // Nowhere in the database two timeline entries of one case share a place.
    expect(
      await db.query(
        'SELECT case_id, ordinal FROM case_transition GROUP BY case_id, ordinal HAVING COUNT(*) > 1',
      ),
    ).toEqual([]);
  });

  it('signs a session record once, with exactly the entries written before it', async () => {
    const c = await mediatingCase();
    const session = await ok(
      {
        method: 'POST',
        path: `/api/v1/cases/${c.id}/sessions`,
        body: {
          startsAt: '2027-05-03T09:30',
          endsAt: '2027-05-03T11:00',
          room: '第三调解室',
          publicity: 'public',
          languages: ['ar', 'zh-CN'],
          participants: { partyIds: c.parties.map((p) => p.id), panelMemberIds: [mediators.lead] },
        },
      },
      201,
    );
    const base = `/api/v1/cases/${c.id}/sessions/${session.id}/record`;
    const marks = (session.expectedParticipants as { key: string }[]).map((p) => ({
      key: p.key,
      present: true,
    }));
    await ok({ method: 'PUT', path: `${base}/attendance`, body: { marks } }, 200);
    const entry = (n: number) => ({
      method: 'POST',
      path: `${base}/entries`,
      body: {
        speaker: { kind: 'mediator', mediatorId: mediators.lead, name: 'سالم باوزير' },
        text: { original: { language: 'ar', text: `البند رقم ${n}.` }, translations: [] },
      },
    });
    await ok(entry(0), 201);
    const sign = {
      method: 'POST',
      path: `${base}/signatures`,
      body: {
        signatures: [
          {
            signerKind: 'mediator',
            mediatorId: mediators.lead,
            name: 'سالم باوزير',
            method: 'signed',
          },
          ...c.parties.map((p) => ({
            signerKind: 'party',
            partyId: p.id,
            name: p.role === 'applicant' ? 'أحمد الحسن' : '陈建国',
            method: p.role === 'applicant' ? 'fingerprinted' : 'sealed',
          })),
        ],
      },
    };
    // Eight entries and two signings at once, through both processes.
    const requests = [1, 2, 3, 4, 5, 6, 7, 8].map(entry);
    requests.splice(3, 0, sign);
    requests.splice(7, 0, sign);
    const codes = codesOf(await race(requests));
    const signings = [codes[3], codes[7]];
    const entries = codes.filter((_, i) => i !== 3 && i !== 7);
    expect(signings.sort()).toEqual(['200', '409 RECORD_SIGNED']);
    expect(entries.filter((e) => e !== '201' && e !== '409 RECORD_SIGNED')).toEqual([]);

    const stored = await db.query<{ ordinal: number | string; after_signing: unknown }>(
      `SELECT ordinal, after_signing FROM session_record_entry WHERE session_id = '${session.id}' ORDER BY ordinal`,
    );
    expect(stored.map((e) => Number(e.ordinal))).toEqual(stored.map((_, i) => i + 1));
    expect(stored).toHaveLength(1 + count(entries, '201'));
    const [signatures] = await db.query(
      `SELECT COUNT(*) AS n FROM session_signature WHERE session_id = '${session.id}'`,
    );
    expect(Number(signatures.n)).toBe(1 + c.parties.length);
    // The signing counted exactly the entries written before it; none came in unmarked after it.
    const [signed] = await db.query<{ summary: string }>(
      `SELECT summary FROM audit_entry WHERE entity_id = '${session.id}' AND action = 'session.record_signed'`,
    );
    expect(JSON.parse(signed.summary).entries).toBe(stored.length);
    process.stdout.write(
      `races (${db.kind}): 8 record entries and 2 signings of one session record, signed once with ${stored.length} entries\n`,
    );
  });

  it('leaves one consistent agreement version under concurrent drafts, issues, revisions and signatures', async () => {
    const c = await mediatingCase();
    const draft = agreementDraft();
    let raced = 0;
    const fire = async (requests: Request[]) => {
      raced += requests.length;
      const codes = codesOf(await race(requests));
      expect(codes.filter((s) => !/^(200|201|409) /.test(`${s} `))).toEqual([]);
      return codes;
    };
    const versions = (agreementId: string) =>
      db.query<{ version: number; state: string; id: string; effective_at: unknown }>(
        `SELECT id, version, state, effective_at FROM agreement_version WHERE agreement_id = '${agreementId}' ORDER BY version`,
      );
    const many = (n: number, request: Request) => Array.from({ length: n }, () => request);

    // Six drafts of one case: one agreement.
    const drafts = await fire(
      many(6, { method: 'POST', path: `/api/v1/cases/${c.id}/agreements`, body: draft }),
    );
    expect(tally(drafts)).toEqual({ '201': 1, '409 AGREEMENT_EXISTS': 5 });
    const agreements = await db.query(`SELECT id FROM agreement WHERE case_id = '${c.id}'`);
    expect(agreements).toHaveLength(1);
    const agreementId = agreements[0].id as string;
    const path = `/api/v1/agreements/${agreementId}`;

    // Six issues of the draft: issued once, one verification code.
    const issues = await fire(many(6, { method: 'POST', path: `${path}/issue` }));
    expect(tally(issues)).toEqual({ '200': 1, '409 VERSION_NOT_DRAFT': 5 });
    expect((await versions(agreementId)).map((v) => `${v.version}:${v.state}`)).toEqual([
      '1:issued',
    ]);

    // Six revisions of the issued version: one new draft.
    const revisions = await fire(many(6, { method: 'POST', path: `${path}/revise`, body: draft }));
    expect(tally(revisions)).toEqual({ '201': 1, '409 VERSION_NOT_ISSUED': 5 });
    expect((await versions(agreementId)).map((v) => `${v.version}:${v.state}`)).toEqual([
      '1:superseded',
      '2:draft',
    ]);

    // Every signer signs version 2 while two revisions race them: whichever lands first, no
    // signature is recorded after its version was superseded, and at most one version lives.
    await ok({ method: 'POST', path: `${path}/issue` }, 200);
    const signers = signersOf(c.parties);
    const revise = { method: 'POST', path: `${path}/revise`, body: draft };
    const mixed = await fire([
      ...signers.map((s) => ({ method: 'POST', path: `${path}/signatures`, body: s })),
      revise,
      revise,
    ]);
    const signed = mixed.slice(0, signers.length);
    const revised = mixed.slice(signers.length);
    const after = await versions(agreementId);
    expect(after.filter((v) => v.state !== 'superseded')).toHaveLength(1);
    const audit = await db.query<{ seq: number | string; action: string; summary: string }>(
      `SELECT seq, action, summary FROM audit_entry WHERE entity_id = '${agreementId}' ORDER BY seq`,
    );
    const revisedAt = audit.find(
      (a) => a.action === 'agreement.revised' && JSON.parse(a.summary).from === 2,
    );
    const signedV2 = audit.filter(
      (a) => a.action === 'agreement.signed' && JSON.parse(a.summary).version === 2,
    );
    const v2 = after.find((v) => v.version === 2)!;
    const [stored] = await db.query(
      `SELECT COUNT(*) AS n FROM agreement_signature WHERE version_id = '${v2.id}'`,
    );
    expect(Number(stored.n)).toBe(signedV2.length);
    expect(count(signed, '201')).toBe(signedV2.length);
    if (v2.state === 'effective') {
      expect(revisedAt).toBeUndefined();
      expect(signedV2).toHaveLength(signers.length);
      expect(revised).toEqual(['409 AGREEMENT_IN_EFFECT', '409 AGREEMENT_IN_EFFECT']);
    } else {
      expect(v2.state).toBe('superseded');
      expect(tally(revised)).toEqual({ '201': 1, '409 VERSION_NOT_ISSUED': 1 });
      expect(count(signed, '409 VERSION_NOT_ISSUED')).toBe(signers.length - signedV2.length);
      expect(signedV2.length).toBeLessThan(signers.length);
      for (const s of signedV2) expect(Number(s.seq)).toBeLessThan(Number(revisedAt!.seq));
      expect(after.map((v) => `${v.version}:${v.state}`)).toEqual([
        '1:superseded',
        '2:superseded',
        '3:draft',
      ]);
    }

    // A second case: its draft issued by four requests at once, then every signer twice at once.
    const d = await mediatingCase();
    const second = (
      await ok(
        { method: 'POST', path: `/api/v1/cases/${d.id}/agreements`, body: agreementDraft() },
        201,
      )
    ).id as string;
    const secondPath = `/api/v1/agreements/${second}`;
    const secondIssues = await fire(many(4, { method: 'POST', path: `${secondPath}/issue` }));
    expect(tally(secondIssues)).toEqual({ '200': 1, '409 VERSION_NOT_DRAFT': 3 });
    const both = signersOf(d.parties);
    const signing = await fire(
      [...both, ...both].map((s) => ({
        method: 'POST',
        path: `${secondPath}/signatures`,
        body: s,
      })),
    );
    expect(count(signing, '201')).toBe(both.length);
    expect(count(signing, '409 ALREADY_SIGNED') + count(signing, '409 VERSION_NOT_ISSUED')).toBe(
      both.length,
    );
    const [effective] = await versions(second);
    expect(effective.state).toBe('effective');
    const signatures = await db.query<{
      signer_kind: string;
      signer_ref: string;
      signed_at: unknown;
    }>(
      `SELECT signer_kind, signer_ref, signed_at FROM agreement_signature WHERE version_id = '${effective.id}'`,
    );
    expect(new Set(signatures.map((s) => `${s.signer_kind}:${s.signer_ref}`)).size).toBe(
      both.length,
    );
    expect(signatures).toHaveLength(both.length);
    // Effective once, at the moment the last signature landed.
    const instant = (v: unknown) =>
      v instanceof Date ? v.getTime() : new Date(`${String(v).replace(' ', 'T')}Z`).getTime();
    expect(instant(effective.effective_at)).toBe(
      Math.max(...signatures.map((s) => instant(s.signed_at))),
    );
    const timeline = (await call(servers[1].url, clerk, 'GET', `/api/v1/cases/${d.id}/timeline`))
      .body as { event: string; toState: string | null }[];
    expect(timeline.filter((e) => e.event === 'agreement_effective')).toHaveLength(1);
    expect(timeline.filter((e) => e.toState === 'agreement_reached')).toHaveLength(1);
    expect((await call(servers[0].url, clerk, 'GET', `/api/v1/cases/${d.id}`)).body.state).toBe(
      'agreement_reached',
    );
    process.stdout.write(
      `races (${db.kind}): ${raced} draft, issue, revise and signature requests on two agreements, one consistent version each\n`,
    );
  });

  it('kept each case’s statistics row equal to one computed afresh, whichever process wrote', async () => {
    expect(await expectStatisticsRowsCurrent((sql) => db.query(sql), db.kind)).toBeGreaterThan(60);
  });
});

/** Everyone whose signature makes the agreement take effect: both parties, both mediators, the committee. */
function signersOf(parties: { id: string; role: string }[]) {
  return [
    ...parties.map((p) => ({
      signerKind: 'party',
      signerRef: p.id,
      method: p.role === 'applicant' ? 'fingerprinted' : 'sealed',
    })),
    { signerKind: 'mediator', signerRef: 'mediator:1', method: 'signed' },
    { signerKind: 'mediator', signerRef: 'mediator:2', method: 'signed' },
    { signerKind: 'committee', signerRef: 'committee', method: 'sealed' },
  ];
}

/** The Yemeni merchant's agreement, signed by the panel this file seats. */
const agreementDraft = () =>
  yemeniAgreementDraft({ mediators: [{ name: 'سالم باوزير' }, { name: '王建华' }] });
