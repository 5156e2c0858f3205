import { yemeniMerchantCase } from './case-factory';
import { ADMIN, AuthorisedRequests, startTestApp, TestApp } from './test-app';

/**
 * A world for the sessions tests: a station of its own (so demo data never collides), its clerk,
 * a Yemeni foreign mediator, two staff mediators, a trilingual interpreter, and a mediator account.
 */
export interface SessionWorld {
  t: TestApp;
  admin: string;
  clerk: string;
  station: string;
  mediators: { yemeni: string; wang: string; zhou: string; interpreter: string };
  /** Signed in as the Yemeni mediator. */
  mediatorToken: string;
  api(language?: string): AuthorisedRequests;
}

export async function sessionWorld(): Promise<SessionWorld> {
  const t = await startTestApp({ seedDemo: true });
  const admin = await t.login(ADMIN.username, ADMIN.password);
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`.toUpperCase();
  const station = (
    await t
      .as(admin)
      .post('/api/v1/stations')
      .send({
        code: `S-${tag}`.slice(0, 32),
        nameZh: '会议测试服务站',
        nameEn: 'Sessions test station',
        kind: 'immigration_service_station',
        countyCode: '330782',
        caseNumberFormat: '（{year}）会字第{seq:4}号',
      })
      .expect(201)
  ).body.id as string;
  const user = async (role: string, extra: Record<string, unknown>) => {
    const username = `${role}.s${tag.toLowerCase()}`;
    await t
      .as(admin)
      .post('/api/v1/users')
      .send({ username, displayName: `测试 ${role}`, password: 'Session!2026x', role, ...extra })
      .expect(201);
    return t.login(username, 'Session!2026x');
  };
  const clerk = await user('clerk', { stationId: station });
  const register = async (body: Record<string, unknown>) =>
    (
      await t
        .as(admin)
        .post('/api/v1/mediators')
        .send({ sex: 'male', stationIds: [station], capacity: 20, ...body })
        .expect(201)
    ).body.id as string;
  const mediators = {
    yemeni: await register({
      kind: 'foreign',
      nameOriginal: 'سالم باوزير',
      nameLatin: 'Salem Bawazir',
      nationality: 'YE',
      languages: [
        { tag: 'ar', level: 'native' },
        { tag: 'en', level: 'fluent' },
      ],
      specialties: ['contract'],
    }),
    wang: await register({
      kind: 'staff',
      nameOriginal: '王建华',
      nationality: 'CN',
      languages: [
        { tag: 'zh-CN', level: 'native' },
        { tag: 'en', level: 'working' },
      ],
    }),
    zhou: await register({
      kind: 'staff',
      sex: 'female',
      nameOriginal: '周敏',
      nationality: 'CN',
      languages: [{ tag: 'zh-CN', level: 'native' }],
    }),
    interpreter: await register({
      kind: 'volunteer',
      roles: ['interpreter'],
      sex: 'female',
      nameOriginal: 'ليلى تشانغ',
      nameZh: '张丽',
      nationality: 'CN',
      languages: [
        { tag: 'zh-CN', level: 'native' },
        { tag: 'ar', level: 'fluent' },
        { tag: 'en', level: 'fluent' },
      ],
    }),
  };
  const mediatorToken = await user('mediator', { mediatorId: mediators.yemeni });
  return {
    t,
    admin,
    clerk,
    station,
    mediators,
    mediatorToken,
    api: (lng = 'en') => t.as(clerk, lng),
  };
}

export interface MediatingCase {
  id: string;
  caseNumber: string;
  applicant: string;
  respondent: string;
}

/**
 * A Yemeni merchant's case, accepted, with the panel seated through the assignment API (which
 * moves it to mediating), and — unless told otherwise — the rights notice delivered to every party.
 */
export async function mediatingCase(
  w: SessionWorld,
  options: { notify?: boolean; coMediator?: 'wang' | 'zhou' } = {},
): Promise<MediatingCase> {
  const api = w.api();
  const c = (await api.post('/api/v1/cases').send(yemeniMerchantCase(w.station)).expect(201)).body;
  await api.post(`/api/v1/cases/${c.id}/transitions`).send({ to: 'accepted' }).expect(200);
  await api
    .put(`/api/v1/cases/${c.id}/panel`)
    .send({
      leadId: w.mediators.yemeni,
      coMediatorIds: [w.mediators[options.coMediator ?? 'wang']],
    })
    .expect(200);
  const parties = c.parties as { id: string; role: string }[];
  if (options.notify !== false)
    for (const p of parties)
      await api
        .post(`/api/v1/cases/${c.id}/parties/${p.id}/rights-notice`)
        .send({ language: p.role === 'applicant' ? 'ar' : 'zh-CN' })
        .expect(200);
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    applicant: parties.find((p) => p.role === 'applicant')!.id,
    respondent: parties.find((p) => p.role === 'respondent')!.id,
  };
}

/** A schedule body for a case: both parties, the lead (and co-mediator), a room. */
export function sessionBody(
  w: SessionWorld,
  c: MediatingCase,
  overrides: Record<string, unknown> = {},
  participants: Record<string, unknown> = {},
) {
  return {
    startsAt: '2027-03-01T09:30',
    endsAt: '2027-03-01T11:00',
    room: '第二调解室',
    publicity: 'private',
    privateReason: 'trade_secret',
    languages: ['ar', 'zh-CN', 'en'],
    participants: {
      partyIds: [c.applicant, c.respondent],
      panelMemberIds: [w.mediators.yemeni],
      ...participants,
    },
    ...overrides,
  };
}
