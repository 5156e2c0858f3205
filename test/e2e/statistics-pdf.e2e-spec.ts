import { execFileSync } from 'child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { SUPPORTED_LANGUAGES } from '../../src/i18n/languages';
import { loadLocaleResources } from '../../src/i18n/i18n.service';
import { formatMeasure } from '../../src/statistics/report-pdf';
import { COUNT_MEASURES } from '../../src/statistics/statistics-report';
import { backdateTransitions } from './support/case-history';
import { bijieWageCase, mediatingCase, yemeniMerchantCase } from './support/case-factory';
import { hasPoppler, pdffonts, pdfJsText, squeeze } from './support/pdf-text';
import { ADMIN, DEMO, startTestApp, TestApp } from './support/test-app';

/*
 * The printable report of the first quarter of 2025 at Jincheng: four cases whose timelines are
 * moved into January to March 2025 (the demo data lives in 2026). Every figure the PDF prints,
 * in the measures table and in the bars and lines, must be the JSON report's.
 */
const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'statistics');
const locales = loadLocaleResources();
const label = (language: string, key: string) =>
  key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], {
    ...locales[language].statistics,
  }) as string;

const binary = (res: import('superagent').Response, cb: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

interface Row {
  key: string;
  label: string;
  accepted: number;
  settled: number;
}

describe('Statistics report as a printable PDF', () => {
  let t: TestApp;
  let clerk: string;
  let bureau: string;
  let station: string;
  const query = () => `period=2025-Q1&stationId=${station}`;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.login(ADMIN.username, ADMIN.password);
    clerk = await t.login(DEMO.clerkJincheng.username, DEMO.clerkJincheng.password);
    bureau = await t.login(DEMO.bureauYiwu.username, DEMO.bureauYiwu.password);
    station = (await t.as(admin).get('/api/v1/stations').expect(200)).body.find(
      (s: { code: string }) => s.code === 'YW-JC',
    ).id;
    const api = t.as(clerk);
    const move = (id: string, to: string, reason?: string) =>
      api.post(`/api/v1/cases/${id}/transitions`).send({ to, reason }).expect(200);
    const backdate = (caseId: string, dates: Record<string, string>) =>
      backdateTransitions(t.dataSource, caseId, dates);
    const c1 = await mediatingCase(api, yemeniMerchantCase(station));
    await move(c1.id, 'agreement_reached');
    await backdate(c1.id, {
      accepted: '2025-01-10T02:00:00Z',
      mediating: '2025-01-11T02:00:00Z',
      agreement_reached: '2025-02-03T02:00:00Z',
    });
    const c2 = (await api.post('/api/v1/cases').send(yemeniMerchantCase(station)).expect(201)).body;
    await move(c2.id, 'accepted');
    await move(c2.id, 'withdrawn', 'Settled directly with the supplier');
    await backdate(c2.id, { accepted: '2025-02-02T00:00:00Z', withdrawn: '2025-02-07T00:00:00Z' });
    const c3 = (await api.post('/api/v1/cases').send(bijieWageCase(station)).expect(201)).body;
    await move(c3.id, 'accepted');
    await backdate(c3.id, { accepted: '2025-03-01T00:00:00Z' });
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
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(() => t.close());

  const fetchPdf = async (token: string, params: string) => {
    const res = await t
      .as(token)
      .get(`/api/v1/statistics/report.pdf?${params}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return res.body as Buffer;
  };
  const fetchReport = async (language: string) =>
    (await t.as(clerk).get(`/api/v1/statistics/report?${query()}&lang=${language}`).expect(200))
      .body;
  /** Label, then the accepted and the settled bar's figure, row after row: the chart's text. */
  const barText = (rows: Row[]) =>
    rows.map((r) => `${squeeze(r.label)}${r.accepted}${r.settled}`).join('');
  // pdf.js puts a word-final Arabic tanwin (محامٍ) before the word: compare without the marks.
  const withoutHarakat = (s: string) => s.replace(/[\u064b-\u065f\u0670]/g, '');

  it('prints every figure of the JSON report, in Chinese by default', async () => {
    const report = await fetchReport('zh-CN');
    const pdf = await fetchPdf(clerk, query());
    const text = squeeze(await pdfJsText(pdf));

    expect(text).toContain(squeeze(label('zh-CN', 'title.report')));
    expect(text).toContain(squeeze('统计期间：2025-01-01 至 2025-03-31'));
    expect(text).toContain(squeeze('统计范围：义乌市金城社区移民事务服务站 (YW-JC)'));
    expect(text).toMatch(/生成时间：\d{4}-\d{2}-\d{2}\d{2}:\d{2}\(UTC\+8\)/);
    // The measures table: each measure's name followed by its figure.
    for (const m of COUNT_MEASURES) {
      const printed = formatMeasure(m, report.totals[m]);
      expect({
        m,
        found: text.includes(squeeze(label('zh-CN', `measure.${m}`)) + printed),
      }).toEqual({ m, found: true });
    }
    expect(report.totals).toMatchObject({ accepted: 4, settled: 1, terminated: 1, withdrawn: 1 });
    const money = (amounts: { currency: string; amount: string }[]) =>
      amounts.map((a) => `${a.currency}${a.amount}`).join(';');
    expect(report.totals.moneyInDispute.length).toBe(2);
    expect(text).toContain(
      squeeze(label('zh-CN', 'measure.moneyInDispute')) + money(report.totals.moneyInDispute),
    );
    // Bars: every dispute type, the nationalities, home provinces and mediator kinds.
    const b = report.breakdowns;
    expect(text).toContain(barText(b.disputeType));
    expect(text).toContain(barText(b.nationality));
    expect(text).toContain(barText(b.homeProvince));
    expect(text).toContain(barText(b.mediatorKind));
    expect(b.nationality.map((r: Row) => [r.label, r.accepted])).toEqual([['也门', 3]]);
    // The line: months, then accepted month by month, then settled month by month.
    const months: Row[] = b.month;
    expect(months.map((m) => [m.key, m.accepted, m.settled])).toEqual([
      ['2025-01', 1, 0],
      ['2025-02', 1, 1],
      ['2025-03', 2, 0],
    ]);
    expect(text).toContain(
      months.map((m) => m.key).join('') +
        months.map((m) => m.accepted).join('') +
        months.map((m) => m.settled).join(''),
    );
    // The definitions, in Chinese.
    expect(text).toContain(squeeze(label('zh-CN', 'definition.successRate')));
  });

  it('prints the same figures in Arabic, laid out right to left', async () => {
    const report = await fetchReport('ar');
    const text = squeeze(await pdfJsText(await fetchPdf(clerk, `${query()}&lang=ar`)));
    expect(text).toContain(squeeze(label('ar', 'title.report')));
    for (const m of ['accepted', 'settled', 'terminated', 'pendingAtEnd'] as const)
      expect(text).toContain(squeeze(label('ar', `measure.${m}`)) + report.totals[m]);
    expect(withoutHarakat(text)).toContain(withoutHarakat(barText(report.breakdowns.mediatorKind)));
    expect(text).toContain(barText(report.breakdowns.nationality));
  });

  it('serves the bureau its region and embeds only subset fonts, in all 12 languages', async () => {
    const ofBureau = squeeze(await pdfJsText(await fetchPdf(bureau, 'period=2025-Q1')));
    expect(ofBureau).toContain(squeeze('统计范围：义乌市'));
    expect(ofBureau).toContain(squeeze(`${label('zh-CN', 'measure.accepted')}4`));

    for (const language of SUPPORTED_LANGUAGES) {
      const pdf = await fetchPdf(clerk, `${query()}&lang=${language}`);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      writeFileSync(join(ARTIFACTS, `report-${language}.pdf`), pdf);
      if (!hasPoppler()) continue;
      const fonts = pdffonts(pdf);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts)
        expect({ language, font: font.name, embedded: font.embedded, subset: font.subset }).toEqual(
          {
            language,
            font: font.name,
            embedded: true,
            subset: true,
          },
        );
      // Pages as PNG for a person to look at (test-artifacts/statistics/report-<lang>-<n>.png).
      execFileSync('pdftoppm', [
        '-r',
        '70',
        '-png',
        join(ARTIFACTS, `report-${language}.pdf`),
        join(ARTIFACTS, `report-${language}`),
      ]);
    }
    if (hasPoppler())
      expect(
        readdirSync(ARTIFACTS).filter((f) => /^report-zh-CN-\d+\.png$/.test(f)).length,
      ).toBeGreaterThan(0);
  }, 120_000);
});
