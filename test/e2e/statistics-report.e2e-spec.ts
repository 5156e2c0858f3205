import ExcelJS from 'exceljs';
import { DISPUTE_TYPES } from '../../src/reference/dispute-types';
import { STATISTICS_DEFINITIONS } from '../../src/statistics/definitions';
import { backdateTransitions } from './support/case-history';
import { bijieWageCase, mediatingCase, yemeniMerchantCase } from './support/case-factory';
import { ADMIN, DEMO, startTestApp, TestApp } from './support/test-app';
import { expectStatisticsRowsCurrentIn } from './support/case-history';

/*
 * Five cases at Jincheng whose timelines are moved to February and March 2025 (the demo data
 * lives in 2026), then every figure of March 2025 compared with what the definitions give by hand.
 * China time: March 2025 is 2025-02-28T16:00Z .. 2025-03-31T16:00Z.
 */
describe('Statistics report through the API', () => {
  let t: TestApp;
  let admin: string;
  let clerk: string;
  let bureau: string;
  let otherClerk: string;
  let station: string;
  const kinds: Record<string, string[]> = {};

  const backdate = (caseId: string, dates: Record<string, string>) =>
    backdateTransitions(t.dataSource, caseId, dates);
  const move = (id: string, to: string, reason?: string) =>
    t.as(clerk).post(`/api/v1/cases/${id}/transitions`).send({ to, reason }).expect(200);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login(ADMIN.username, ADMIN.password);
    clerk = await t.login(DEMO.clerkJincheng.username, DEMO.clerkJincheng.password);
    otherClerk = await t.login(DEMO.clerkXishan.username, DEMO.clerkXishan.password);
    bureau = await t.login(DEMO.bureauYiwu.username, DEMO.bureauYiwu.password);
    station = (await t.as(admin).get('/api/v1/stations').expect(200)).body.find(
      (s: { code: string }) => s.code === 'YW-JC',
    ).id;
    const api = t.as(clerk);

    // c1: accepted 20 Feb, agreement 3 Mar (11 days); at risk of escalation, 5 persons.
    const c1 = await mediatingCase(
      api,
      yemeniMerchantCase(station, { risk: { escalationRisk: true, personsAtRisk: 5 } }),
    );
    await move(c1.id, 'agreement_reached');
    await backdate(c1.id, {
      accepted: '2025-02-20T02:00:00Z',
      mediating: '2025-02-21T02:00:00Z',
      agreement_reached: '2025-03-03T02:00:00Z',
    });
    // c2: accepted 2 Mar, withdrawn 7 Mar (5 days).
    const c2 = (await api.post('/api/v1/cases').send(yemeniMerchantCase(station)).expect(201)).body;
    await move(c2.id, 'accepted');
    await move(c2.id, 'withdrawn', 'Settled directly with the supplier');
    await backdate(c2.id, { accepted: '2025-03-02T00:00:00Z', withdrawn: '2025-03-07T00:00:00Z' });
    // c3: Bijie wage case accepted 1 Feb, still pending: overdue at the end of March.
    const c3 = (await api.post('/api/v1/cases').send(bijieWageCase(station)).expect(201)).body;
    await move(c3.id, 'accepted');
    await backdate(c3.id, { accepted: '2025-02-01T00:00:00Z' });
    // c4: accepted 5 Mar, terminated 20 Mar 12:00 UTC (15.5 days).
    const c4 = await mediatingCase(
      api,
      yemeniMerchantCase(station, { disputeType: 'business_operation' }),
    );
    await move(c4.id, 'terminated', 'No agreement on the amount');
    await backdate(c4.id, {
      accepted: '2025-03-05T00:00:00Z',
      mediating: '2025-03-06T00:00:00Z',
      terminated: '2025-03-20T12:00:00Z',
    });
    // c5: declined 15 Mar, never accepted.
    const c5 = (
      await api
        .post('/api/v1/cases')
        .send(yemeniMerchantCase(station, { disputeType: 'other', source: 'police_referral' }))
        .expect(201)
    ).body;
    await move(c5.id, 'declined', 'Already before the court');
    await backdate(c5.id, { declined: '2025-03-15T00:00:00Z' });

    for (const c of [c1, c4]) {
      const rows: { kind: string }[] = await t.dataSource
        .createQueryBuilder()
        .select('m.kind', 'kind')
        .from('panel_member', 'pm')
        .innerJoin('mediator', 'm', 'm.id = pm.mediator_id')
        .where('pm.case_id = :id AND pm.removed_at IS NULL', { id: c.id })
        .getRawMany();
      kinds[c.id] = [...new Set(rows.map((r) => r.kind))];
    }
    kinds.c1 = kinds[c1.id];
    kinds.c4 = kinds[c4.id];
  });
  afterAll(() => t.close());

  const EXPECTED_TOTALS = {
    accepted: 2, // c2, c4
    settled: 1, // c1 (accepted in February)
    terminated: 1, // c4
    withdrawn: 1, // c2
    refused: 0,
    declined: 1, // c5
    successRate: 0.5, // 1 / (1 + 1)
    pendingAtEnd: 1, // c3
    overdueAtEnd: 1, // c3: 58.67 days
    performed: 0,
    notPerformed: 0,
    confirmationsApplied: 0,
    keptFromCriminalCases: 1, // c1
    keptFromCriminalPersons: 5,
    outcomesTimed: 3, // c1 11, c2 5, c4 15.5
    medianDaysToOutcome: 11,
    p90DaysToOutcome: 15.5,
    moneyInDispute: [{ currency: 'USD', amount: '173000.00', amountMinor: '17300000' }],
    moneyCovered: [],
  };

  it('gives every figure of March 2025 for the station, by period name or by dates', async () => {
    const byName = await t
      .as(clerk)
      .get(`/api/v1/statistics/report?period=2025-03&stationId=${station}`)
      .expect(200);
    expect(byName.body.totals).toEqual(EXPECTED_TOTALS);
    expect(byName.body.period).toEqual({
      from: '2025-03-01',
      to: '2025-03-31',
      timeZone: 'Asia/Shanghai',
      start: '2025-02-28T16:00:00.000Z',
      end: '2025-03-31T16:00:00.000Z',
    });
    const byDates = await t
      .as(admin)
      .get(`/api/v1/statistics/report?from=2025-03-01&to=2025-03-31&stationId=${station}`)
      .expect(200);
    expect(byDates.body.totals).toEqual(EXPECTED_TOTALS);
    // The bureau of Yiwu sees the same (no other Yiwu case has a 2025 timeline).
    const ofBureau = await t.as(bureau).get('/api/v1/statistics/report?period=2025-03').expect(200);
    expect(ofBureau.body.totals).toEqual(EXPECTED_TOTALS);
  });

  it('breaks down every figure by type, source, nationality, province, language and month', async () => {
    const { body } = await t
      .as(clerk, 'en')
      .get(`/api/v1/statistics/report?period=2025-03&stationId=${station}`)
      .expect(200);
    const b = body.breakdowns;
    expect(b.disputeType.map((r: { key: string }) => r.key)).toEqual([...DISPUTE_TYPES]);
    const pick = (r: Record<string, unknown>) => [
      r.key,
      r.accepted,
      r.settled,
      r.terminated,
      r.withdrawn,
      r.declined,
      r.pendingAtEnd,
      r.overdueAtEnd,
    ];
    expect(
      b.disputeType
        .filter((r: { key: string }) =>
          ['contract', 'business_operation', 'labour', 'other'].includes(r.key),
        )
        .map(pick),
    ).toEqual([
      ['contract', 1, 1, 0, 1, 0, 0, 0], // c2 accepted+withdrawn, c1 settled
      ['business_operation', 1, 0, 1, 0, 0, 0, 0], // c4
      ['labour', 0, 0, 0, 0, 0, 1, 1], // c3
      ['other', 0, 0, 0, 0, 1, 0, 0], // c5
    ]);
    expect(b.disputeType.find((r: { key: string }) => r.key === 'contract')).toMatchObject({
      label: 'Contract',
      successRate: 1,
      medianDaysToOutcome: 8, // (5 + 11) / 2
      p90DaysToOutcome: 11,
      moneyInDispute: [{ currency: 'USD', amount: '86500.00', amountMinor: '8650000' }],
    });
    expect(b.source.map(pick)).toEqual([
      ['party_application', 2, 1, 1, 1, 0, 1, 1],
      ['committee_initiative', 0, 0, 0, 0, 0, 0, 0],
      ['police_referral', 0, 0, 0, 0, 1, 0, 0],
      ['court_referral', 0, 0, 0, 0, 0, 0, 0],
      ['government_assignment', 0, 0, 0, 0, 0, 0, 0],
    ]);
    expect(b.station.map(pick)).toEqual([[station, 2, 1, 1, 1, 1, 1, 1]]);
    expect(b.nationality.map(pick)).toEqual([['YE', 2, 1, 1, 1, 1, 0, 0]]);
    expect(b.nationality[0].label).toBe('Yemen');
    expect(b.homeProvince.map(pick)).toEqual([['520000', 0, 0, 0, 0, 0, 1, 1]]);
    expect(b.language.map(pick)).toEqual([
      ['ar', 2, 1, 1, 1, 1, 0, 0],
      ['zh-CN', 0, 0, 0, 0, 0, 1, 1],
    ]);
    expect(b.month.map(pick)).toEqual([['2025-03', 2, 1, 1, 1, 1, 1, 1]]);
    // Mediator kinds: the panels the suggestions seated for c1 (settled) and c4 (terminated).
    for (const row of b.mediatorKind) {
      expect([row.key, row.settled, row.terminated]).toEqual([
        row.key,
        kinds.c1.includes(row.key) ? 1 : 0,
        kinds.c4.includes(row.key) ? 1 : 0,
      ]);
    }
  });

  it('shows February with c1 and c3 pending, and the quarter month by month', async () => {
    const feb = await t
      .as(clerk)
      .get(`/api/v1/statistics/report?period=2025-02&stationId=${station}`)
      .expect(200);
    expect(feb.body.totals).toMatchObject({
      accepted: 2, // c1, c3
      settled: 0,
      successRate: null,
      pendingAtEnd: 2,
      overdueAtEnd: 0, // c3: 27.67 days at 28 February 24:00
      moneyInDispute: [
        { currency: 'CNY', amount: '18600.00', amountMinor: '1860000' },
        { currency: 'USD', amount: '86500.00', amountMinor: '8650000' },
      ],
    });
    const q1 = await t
      .as(clerk)
      .get(`/api/v1/statistics/report?period=2025-Q1&stationId=${station}`)
      .expect(200);
    expect(
      q1.body.breakdowns.month.map((m: Record<string, number>) => [
        m.key,
        m.accepted,
        m.settled,
        m.pendingAtEnd,
      ]),
    ).toEqual([
      ['2025-01', 0, 0, 0],
      ['2025-02', 2, 0, 2],
      ['2025-03', 2, 1, 1],
    ]);
    expect(q1.body.totals).toMatchObject({ accepted: 4, settled: 1, pendingAtEnd: 1 });
  });

  it('documents the definitions in the API description of the report routes', async () => {
    const doc = (await t.as(admin).get('/api/docs-json').expect(200)).body;
    const paths = doc.paths as Record<string, { get: { description: string } }>;
    expect(paths['/api/v1/statistics/report'].get.description).toBe(STATISTICS_DEFINITIONS);
    expect(paths['/api/v1/statistics/export'].get.description).toBe(STATISTICS_DEFINITIONS);
    expect(paths['/api/v1/statistics/report.pdf'].get.description).toContain(
      STATISTICS_DEFINITIONS,
    );
  });

  it('narrows only within the caller’s scope and refuses bad periods in the caller’s language', async () => {
    const outside = await t
      .as(otherClerk)
      .get(`/api/v1/statistics/report?period=2025-03&stationId=${station}`)
      .expect(200);
    expect(outside.body.totals).toMatchObject({
      accepted: 0,
      settled: 0,
      declined: 0,
      pendingAtEnd: 0,
    });
    const county = await t
      .as(admin)
      .get('/api/v1/statistics/report?period=2025-03&countyCode=330481')
      .expect(200);
    expect(county.body.totals.accepted).toBe(0); // Haining, not Yiwu
    const bad = await t
      .as(clerk, 'zh-CN')
      .get('/api/v1/statistics/report?from=2025-03-31&to=2025-03-01')
      .expect(400);
    expect(bad.body.code).toBe('STATISTICS_PERIOD_INVALID');
    expect(bad.body.message).toContain('统计期间无效');
    await t.as(clerk).get('/api/v1/statistics/report').expect(400);
    await t.as(clerk).get('/api/v1/statistics/report?period=2025-13').expect(400);
  });

  it('exports XLSX whose figures equal the report’s, with translated headers and frozen rows', async () => {
    const report = (
      await t
        .as(clerk)
        .get(`/api/v1/statistics/report?period=2025-03&stationId=${station}`)
        .expect(200)
    ).body;
    const file = await t
      .as(clerk)
      .get(`/api/v1/statistics/export?format=xlsx&lang=en&period=2025-03&stationId=${station}`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Total',
      'Dispute type',
      'Source',
      'Station',
      'Nationality of foreign parties',
      'Home province of migrant partie',
      'Mediator kind',
      'Language of mediation',
      'Month',
      'Money',
    ]);
    const total = workbook.getWorksheet('Total')!;
    expect(total.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const headers = (total.getRow(1).values as unknown[]).slice(1);
    expect(headers).toContain('Success rate');
    const measureNames = [
      'accepted',
      'settled',
      'successRate',
      'terminated',
      'withdrawn',
      'refused',
      'declined',
      'pendingAtEnd',
      'overdueAtEnd',
      'performed',
      'notPerformed',
      'confirmationsApplied',
      'keptFromCriminalCases',
      'keptFromCriminalPersons',
      'medianDaysToOutcome',
      'p90DaysToOutcome',
    ];
    const figures = (row: ExcelJS.Row) =>
      measureNames.map((_, i) => row.getCell(i + 3).value ?? null);
    expect(figures(total.getRow(2))).toEqual(measureNames.map((m) => report.totals[m]));
    expect(total.getRow(2).getCell(5).numFmt).toBe('0.00%');
    const types = workbook.getWorksheet('Dispute type')!;
    expect(types.rowCount).toBe(16);
    report.breakdowns.disputeType.forEach((r: Record<string, unknown>, i: number) => {
      const row = types.getRow(i + 2);
      expect([row.getCell(1).value, row.getCell(2).value]).toEqual([r.key, r.label]);
      expect(figures(row)).toEqual(measureNames.map((m) => r[m]));
    });
    const money = workbook.getWorksheet('Money')!;
    expect((money.getRow(2).values as unknown[]).slice(1)).toEqual(['USD', 173000, 0]);
  });

  it('exports CSV with a byte-order mark and the monthly report in Chinese by default', async () => {
    const csv = await t
      .as(clerk)
      .get(`/api/v1/statistics/export?format=csv&period=2025-03&stationId=${station}`)
      .buffer(true)
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    const text = csv.text;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0].startsWith('分组,代码,名称,受理数,调解成功数,调解成功率')).toBe(true);
    expect(lines[1]).toBe('合计,total,合计,2,1,0.5,1,1,0,1,1,1,0,0,0,1,5,11,15.5,USD 173000.00,');
    expect(lines).toContain(
      '纠纷类型,contract,合同纠纷,1,1,1,0,1,0,0,0,0,0,0,0,1,5,8,11,USD 86500.00,',
    );

    const monthly = await t
      .as(clerk)
      .get(`/api/v1/statistics/export?format=monthly&period=2025-03&stationId=${station}`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(monthly.body as Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('人民调解工作月报表');
    expect(sheet.getRow(2).getCell(1).value).toBe('统计期间：2025-03-01 至 2025-03-31');
    expect(sheet.rowCount).toBe(3 + 15 + 1);
    expect(sheet.getRow(19).getCell(1).value).toBe('合计');
    expect((sheet.getRow(19).values as unknown[]).slice(2, 5)).toEqual([2, 1, 0.5]);
  });

  it('kept each case’s statistics row equal to one computed afresh from its sources', async () => {
    expect(await expectStatisticsRowsCurrentIn(t.dataSource)).toBeGreaterThan(0);
  });
});
