import { DEFAULT_PANEL_POLICY } from '../stations/station.entity';
import { CandidateMediator, MatchCase, MatchParty } from './match-types';
import { matchMediators } from './mediator-matcher';
import { proposePanel } from './panel-proposal';

// Scenario tests in the manner of Ghostfolio's calculator specs: small worlds, totals checked by hand.
const YIWU = 'station-yiwu';
const XISHAN = 'station-xishan';

const mediator = (id: string, fields: Partial<CandidateMediator>): CandidateMediator => ({
  id,
  kind: 'foreign',
  roles: ['mediator'],
  displayName: id,
  nationality: 'CN',
  languages: [{ tag: 'zh-CN', level: 'native' }],
  homeRegionCode: null,
  dialects: [],
  specialties: [],
  stationIds: [YIWU],
  capacity: 8,
  status: 'active',
  leavePeriods: [],
  conflicts: [],
  activeCaseCount: 0,
  ...fields,
});

const ahmed: MatchParty = {
  partyId: 'p-ahmed',
  role: 'applicant',
  displayName: 'أحمد الحسن',
  nameLatin: 'Ahmed Al-Hassan',
  kind: 'person',
  nationality: 'YE',
  dialects: [],
  languages: ['ar', 'en'],
  personId: 'person-ahmed',
};
const hengda: MatchParty = {
  partyId: 'p-hengda',
  role: 'respondent',
  displayName: '义乌市恒达日用品有限公司',
  kind: 'organisation',
  nationality: 'CN',
  dialects: [],
  languages: ['zh-CN'],
  organisationId: 'org-hengda',
  organisationName: '义乌市恒达日用品有限公司',
  creditCode: '91330782MA2A1B2C3X',
};

const caseOf = (parties: MatchParty[], fields: Partial<MatchCase> = {}): MatchCase => ({
  caseId: 'case-1',
  stationId: YIWU,
  disputeType: 'contract',
  parties,
  excluded: [],
  currentPanel: [],
  date: '2026-11-10',
  ...fields,
});

const yiwuMediators = [
  mediator('yemeni', {
    nationality: 'YE',
    languages: [
      { tag: 'ar', level: 'native' },
      { tag: 'en', level: 'fluent' },
      { tag: 'zh-CN', level: 'working' },
    ],
    specialties: ['contract'],
  }),
  mediator('egyptian', {
    nationality: 'EG',
    languages: [
      { tag: 'ar', level: 'native' },
      { tag: 'en', level: 'fluent' },
    ],
  }),
  mediator('russian', {
    nationality: 'RU',
    languages: [
      { tag: 'ru', level: 'native' },
      { tag: 'en', level: 'fluent' },
      { tag: 'zh', level: 'fluent' },
    ],
  }),
  mediator('staff-wang', {
    kind: 'staff',
    languages: [
      { tag: 'zh-CN', level: 'native' },
      { tag: 'en', level: 'working' },
    ],
    specialties: ['contract'],
    activeCaseCount: 2,
  }),
  mediator('staff-li', { kind: 'staff' }),
];

describe('MediatorMatcher: an Arabic-speaking Yemeni merchant against a Chinese supplier', () => {
  const result = matchMediators(caseOf([ahmed, hengda]), yiwuMediators);

  it('ranks the Arabic-speaking Yemeni mediator first, with every part of the score explained', () => {
    const first = result.mediators[0];
    expect(first.mediatorId).toBe('yemeni');
    // Arabic native for Ahmed 30 + Chinese working for the supplier 12; compatriot 20;
    // contract specialist 10; no active case 10.
    expect(first.parts).toEqual({
      nomination: 0,
      language: 42,
      nationality: 20,
      homeRegion: 0,
      dialect: 0,
      specialty: 10,
      workload: 10,
    });
    expect(first.total).toBe(82);
    expect(first.reasons).toContainEqual({
      part: 'language',
      key: 'mediators:reason.language',
      params: {
        role: 'applicant',
        party: 'أحمد الحسن',
        partyLatin: 'Ahmed Al-Hassan',
        language: 'ar',
        level: 'native',
      },
    });
    expect(first.reasons).toContainEqual(
      expect.objectContaining({
        part: 'nationality',
        params: expect.objectContaining({ country: 'YE' }),
      }),
    );
  });

  it('ranks the staff mediator next, for the co-mediator seat', () => {
    // English working as Ahmed's second language 6 + Chinese native 30; specialist 10;
    // 2 of 8 cases: round(10 x 0.75) = 8.
    expect(result.mediators[1]).toMatchObject({ mediatorId: 'staff-wang', total: 54 });
    expect(result.mediators.map((s) => s.mediatorId).slice(2, 3)).toEqual(['russian']);
  });

  it('proposes the Yemeni mediator as lead with a staff co-mediator, meeting the policy', () => {
    const byId = new Map(yiwuMediators.map((m) => [m.id, m]));
    expect(proposePanel([ahmed, hengda], result, byId, DEFAULT_PANEL_POLICY)).toEqual({
      seats: [
        { mediatorId: 'yemeni', role: 'lead' },
        { mediatorId: 'staff-wang', role: 'co_mediator' },
      ],
      violations: [],
    });
  });
});

describe('MediatorMatcher: a wage dispute of a worker from Bijie against a Haining workshop', () => {
  const worker: MatchParty = {
    partyId: 'p-long',
    role: 'applicant',
    displayName: '龙德明',
    kind: 'person',
    nationality: 'CN',
    homeRegionCode: '520502', // 七星关区, 毕节市, 贵州省
    dialects: ['guizhou'],
    languages: ['zh-CN'],
  };
  const workshop: MatchParty = {
    partyId: 'p-workshop',
    role: 'respondent',
    displayName: '海宁市西山皮革加工厂',
    kind: 'organisation',
    nationality: 'CN',
    dialects: [],
    languages: ['zh-CN'],
  };
  const nativePlace = (id: string, homeRegionCode: string, dialects: string[]) =>
    mediator(id, {
      kind: 'native_place',
      homeRegionCode,
      dialects,
      specialties: ['labour'],
      stationIds: [XISHAN],
    });
  const candidates = [
    nativePlace('from-nanchong', '511302', ['sichuanese']),
    nativePlace('from-zunyi', '520302', ['guizhou']),
    nativePlace('from-weining', '520526', ['guizhou']),
    nativePlace('from-qixingguan', '520502', ['guizhou']),
  ];
  const result = matchMediators(
    caseOf([worker, workshop], { stationId: XISHAN, disputeType: 'labour' }),
    candidates,
  );

  it('ranks same county, then same prefecture, then same province, then elsewhere', () => {
    expect(result.mediators.map((s) => [s.mediatorId, s.total])).toEqual([
      // Chinese native for both parties 60, specialist 10, free 10, plus region and dialect.
      ['from-qixingguan', 60 + 30 + 12 + 10 + 10],
      ['from-weining', 60 + 20 + 12 + 10 + 10],
      ['from-zunyi', 60 + 10 + 12 + 10 + 10],
      ['from-nanchong', 60 + 10 + 10],
    ]);
  });

  it('explains a prefecture match by the shared prefecture, Bijie', () => {
    const weining = result.mediators.find((s) => s.mediatorId === 'from-weining')!;
    expect(weining.reasons).toContainEqual({
      part: 'homeRegion',
      key: 'mediators:reason.homeRegion',
      params: { role: 'applicant', party: '龙德明', region: '520500' },
    });
    expect(weining.reasons).toContainEqual(
      expect.objectContaining({
        part: 'dialect',
        params: expect.objectContaining({ dialect: 'guizhou' }),
      }),
    );
  });

  it('needs no staff mediator when no party is foreign', () => {
    const byId = new Map(candidates.map((m) => [m.id, m]));
    expect(proposePanel([worker, workshop], result, byId, DEFAULT_PANEL_POLICY)).toEqual({
      seats: [{ mediatorId: 'from-qixingguan', role: 'lead' }],
      violations: [],
    });
  });
});

describe('MediatorMatcher: only an interpreter covers Urdu', () => {
  const pakistani: MatchParty = {
    partyId: 'p-imran',
    role: 'applicant',
    displayName: 'عمران خان',
    kind: 'person',
    nationality: 'PK',
    dialects: [],
    languages: ['ur'],
  };
  const interpreter = mediator('interpreter-ur', {
    kind: 'volunteer',
    roles: ['interpreter'],
    nationality: 'PK',
    languages: [
      { tag: 'ur', level: 'native' },
      { tag: 'zh', level: 'fluent' },
    ],
  });
  const arabicInterpreter = mediator('interpreter-ar', {
    kind: 'volunteer',
    roles: ['interpreter'],
    languages: [{ tag: 'ar', level: 'native' }],
  });
  const candidates = [...yiwuMediators, interpreter, arabicInterpreter];
  const byId = new Map(candidates.map((m) => [m.id, m]));

  it('keeps interpreters out of the mediator ranking and seats the Urdu one', () => {
    const result = matchMediators(caseOf([pakistani, hengda]), candidates);
    expect(result.mediators.map((s) => s.mediatorId)).not.toContain('interpreter-ur');
    expect(result.interpreters.map((s) => s.mediatorId)).toContain('interpreter-ur');
    const proposal = proposePanel([pakistani, hengda], result, byId, DEFAULT_PANEL_POLICY);
    expect(proposal.seats).toContainEqual({ mediatorId: 'interpreter-ur', role: 'interpreter' });
    expect(proposal.seats).not.toContainEqual(
      expect.objectContaining({ mediatorId: 'interpreter-ar' }),
    );
    expect(proposal.violations).toEqual([]);
  });

  it('names the uncovered party when no interpreter speaks Urdu', () => {
    const without = candidates.filter((c) => c.id !== 'interpreter-ur');
    const result = matchMediators(caseOf([pakistani, hengda]), without);
    const proposal = proposePanel([pakistani, hengda], result, byId, DEFAULT_PANEL_POLICY);
    expect(proposal.violations).toEqual([
      { code: 'languageNotCovered', partyId: 'p-imran', languages: ['ur'] },
    ]);
  });
});

describe('MediatorMatcher: hard rules', () => {
  const explain = (result: ReturnType<typeof matchMediators>, id: string) =>
    result.excluded.find((e) => e.mediatorId === id)?.reasons.map((r) => r.key);

  it('never returns a mediator a party refused in this case, even when nominated', () => {
    const result = matchMediators(
      caseOf([ahmed, hengda], {
        excluded: [{ mediatorId: 'yemeni', kind: 'refused', partyId: 'p-hengda' }],
        nominations: [{ mediatorId: 'yemeni', partyId: 'p-ahmed' }],
      }),
      yiwuMediators,
    );
    expect(result.mediators.map((s) => s.mediatorId)).not.toContain('yemeni');
    expect(result.excluded).toEqual([
      {
        mediatorId: 'yemeni',
        displayName: 'yemeni',
        reasons: [
          {
            key: 'mediators:exclusion.refused',
            params: { role: 'respondent', party: '义乌市恒达日用品有限公司' },
          },
        ],
      },
    ]);
  });

  it('skips a mediator at capacity, one on leave, one serving elsewhere and an inactive one', () => {
    const result = matchMediators(caseOf([ahmed, hengda]), [
      ...yiwuMediators,
      mediator('full', { activeCaseCount: 8, capacity: 8 }),
      mediator('away', { leavePeriods: [{ startsOn: '2026-11-01', endsOn: '2026-11-30' }] }),
      mediator('elsewhere', { stationIds: [XISHAN] }),
      mediator('retired', { status: 'inactive' }),
    ]);
    expect(result.mediators.map((s) => s.mediatorId)).toEqual(
      expect.not.arrayContaining(['full', 'away', 'elsewhere', 'retired']),
    );
    expect(explain(result, 'full')).toEqual(['mediators:exclusion.atCapacity']);
    expect(result.excluded.find((e) => e.mediatorId === 'away')!.reasons).toEqual([
      { key: 'mediators:exclusion.onLeave', params: { until: '2026-11-30' } },
    ]);
    expect(explain(result, 'elsewhere')).toEqual(['mediators:exclusion.otherStation']);
    expect(explain(result, 'retired')).toEqual(['mediators:exclusion.inactive']);
  });

  it('skips a mediator related to a party: the same organisation, by credit code or name', () => {
    const result = matchMediators(caseOf([ahmed, hengda]), [
      mediator('brother-in-law', {
        conflicts: [
          { kind: 'organisation', creditCode: '91330782MA2A1B2C3X', relation: '妻弟任该公司经理' },
        ],
      }),
      mediator('by-name', {
        conflicts: [
          { kind: 'organisation', name: '义乌市恒达日用品有限公司 ', relation: '曾任会计' },
        ],
      }),
      mediator('cousin', {
        conflicts: [{ kind: 'person', personId: 'person-ahmed', relation: 'cousin' }],
      }),
      mediator('unrelated', {
        conflicts: [{ kind: 'organisation', name: '另一家公司', relation: '股东' }],
      }),
    ]);
    expect(result.excluded.find((e) => e.mediatorId === 'brother-in-law')!.reasons).toEqual([
      {
        key: 'mediators:exclusion.declaredConflict',
        params: {
          role: 'respondent',
          party: '义乌市恒达日用品有限公司',
          relation: '妻弟任该公司经理',
        },
      },
    ]);
    expect(explain(result, 'by-name')).toEqual(['mediators:exclusion.declaredConflict']);
    expect(explain(result, 'cousin')).toEqual(['mediators:exclusion.declaredConflict']);
    expect(result.mediators.map((s) => s.mediatorId)).toEqual(['unrelated']);
  });

  it('skips a mediator who is themself a party', () => {
    const result = matchMediators(caseOf([ahmed, hengda]), [
      mediator('self', { displayName: 'Ahmed Al-Hassan', nationality: 'YE' }),
    ]);
    expect(explain(result, 'self')).toEqual(['mediators:exclusion.isParty']);
  });

  it('puts a nominated mediator first when the hard rules allow', () => {
    const result = matchMediators(
      caseOf([ahmed, hengda], { nominations: [{ mediatorId: 'staff-li', partyId: 'p-hengda' }] }),
      yiwuMediators,
    );
    expect(result.mediators[0]).toMatchObject({ mediatorId: 'staff-li' });
    expect(result.mediators[0].parts.nomination).toBe(50);
  });
});

describe('MediatorMatcher: rotation of ties', () => {
  const twins = [mediator('twin-a', {}), mediator('twin-b', {})];

  it('puts each of two identical mediators first in about half of the cases', () => {
    let aFirst = 0;
    const cases = 2000;
    for (let i = 0; i < cases; i++) {
      const result = matchMediators(caseOf([hengda], { caseId: `case-${i}` }), twins);
      expect(result.mediators[0].total).toBe(result.mediators[1].total);
      if (result.mediators[0].mediatorId === 'twin-a') aFirst++;
    }
    expect(aFirst / cases).toBeGreaterThan(0.45);
    expect(aFirst / cases).toBeLessThan(0.55);
  });

  it('ranks one case the same way every time', () => {
    const order = () =>
      matchMediators(caseOf([hengda], { caseId: 'case-42' }), twins).mediators.map(
        (s) => s.mediatorId,
      );
    expect(order()).toEqual(order());
    expect(
      matchMediators(caseOf([hengda], { caseId: 'case-42' }), [...twins].reverse()).mediators.map(
        (s) => s.mediatorId,
      ),
    ).toEqual(order());
  });
});
