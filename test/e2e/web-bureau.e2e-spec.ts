import { readFileSync } from 'fs';
import { join } from 'path';
import { Page } from 'playwright-core';
import { DEMO, startTestApp, TestApp } from './support/test-app';
import {
  Browser,
  describeIfChromium,
  ensureWebBuilt,
  launchBrowser,
  contrastProblems,
  pageReady,
  ROOT,
  screenshot,
} from './support/web-browser';

/**
 * The county justice bureau in Debian's Chromium: signs in with the keyboard alone, reads the
 * statistics (figures, charts by month, dispute type, nationality, home province, mediator kind),
 * narrows them with the filters, downloads the report as CSV, XLSX, monthly XLSX and PDF and the
 * case list, and switches the interface to English, which the account then remembers. Figures and
 * files are compared with what the API answers for the same query.
 */
const EN = JSON.parse(readFileSync(join(ROOT, 'locales', 'en', 'web.json'), 'utf8'));

describeIfChromium('Web app: the bureau in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let token: string;
  const api = () => t.as(token, 'zh-CN');
  const chinaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format();
  const period = () => ({ from: `${chinaToday().slice(0, 4)}-01-01`, to: chinaToday() });

  beforeAll(async () => {
    await ensureWebBuilt();
    t = await startTestApp();
    token = await t.login(DEMO.bureauYiwu.username, DEMO.bureauYiwu.password);
    browser = await launchBrowser();
    page = browser.page;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const figure = async (name: string) =>
    (await page.textContent(`[data-figure="${name}"] .value`))!.trim();

  it('signs in with the keyboard alone and lands on the statistics', async () => {
    await page.goto(`${t.http}/bureau`);
    await page.waitForSelector('form.login-form');
    // The username field has the focus; Tab and Enter do the rest.
    await page.keyboard.type(DEMO.bureauYiwu.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO.bureauYiwu.password);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/bureau');
    await pageReady(page);
    expect(await page.$('a.skip-link[href="#main"]')).not.toBeNull();
    // The focus moved to the page's heading, so a screen reader announces the new page.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  });

  it('shows the figures and the charts of the API report', async () => {
    const report = (await api().get('/api/v1/statistics/report').query(period()).expect(200)).body;
    expect(await figure('accepted')).toBe(String(report.totals.accepted));
    expect(await figure('pendingAtEnd')).toBe(String(report.totals.pendingAtEnd));
    expect(await figure('settled')).toBe(String(report.totals.settled));
    const months = await page.$$eval('.column-chart li', (items) =>
      items.map((li) => [
        li.getAttribute('data-key'),
        li.querySelector('.column-value')!.textContent,
      ]),
    );
    expect(months).toEqual(
      report.breakdowns.month.map((m: { key: string; accepted: number }) => [
        m.key,
        String(m.accepted),
      ]),
    );
    for (const [breakdown, chart] of [
      ['disputeType', 0],
      ['nationality', 1],
      ['homeProvince', 2],
      ['mediatorKind', 3],
    ] as const) {
      const shown = await page.$$eval(
        `.grid > section:nth-child(${chart + 1}) .bar-chart li`,
        (items) =>
          items.map((li) => [
            li.getAttribute('data-key'),
            li.querySelector('.bar-value')!.textContent,
          ]),
      );
      const expected = (report.breakdowns[breakdown] as { key: string; accepted: number }[])
        .filter((r) => r.accepted > 0)
        .sort((a, b) => b.accepted - a.accepted)
        .map((r) => [r.key, String(r.accepted)]);
      expect(shown.sort()).toEqual(expected.sort());
    }
    expect(report.totals.accepted).toBeGreaterThan(0);
    expect(await contrastProblems(page)).toEqual([]);
    await screenshot(page, 'bureau-01-statistics');
  });

  it('narrows the report with the filters', async () => {
    // The busiest station of the period, so that the narrowed figures are not all zero.
    const whole = (await api().get('/api/v1/statistics/report').query(period()).expect(200)).body;
    const stationId = [...(whole.breakdowns.station as { key: string; accepted: number }[])].sort(
      (a, b) => b.accepted - a.accepted,
    )[0].key;
    await page.selectOption('[name="stationId"]', stationId);
    await page.selectOption('[name="measure"]', 'pendingAtEnd');
    await page.fill('[name="from"]', '2026-01-01');
    await page.click('form.filters button[type=submit]');
    await page.waitForURL((url) => url.searchParams.get('measure') === 'pendingAtEnd');
    await pageReady(page);
    const url = new URL(page.url());
    expect(url.searchParams.get('stationId')).toBe(stationId);
    const report = (
      await api()
        .get('/api/v1/statistics/report')
        .query({ from: '2026-01-01', to: url.searchParams.get('to'), stationId })
        .expect(200)
    ).body;
    expect(await figure('pendingAtEnd')).toBe(String(report.totals.pendingAtEnd));
    const months = await page.$$eval('.column-chart li .column-value', (items) =>
      items.map((v) => v.textContent),
    );
    expect(months).toEqual(
      report.breakdowns.month.map((m: { pendingAtEnd: number }) => String(m.pendingAtEnd)),
    );
    await screenshot(page, 'bureau-02-filtered');
  });

  it('downloads the report as CSV, XLSX, monthly XLSX and PDF, and the case list', async () => {
    const url = new URL(page.url());
    const query = {
      from: url.searchParams.get('from')!,
      to: url.searchParams.get('to')!,
      stationId: url.searchParams.get('stationId')!,
      lang: 'zh-CN',
    };
    const files: Record<string, Buffer> = {};
    for (const kind of ['csv', 'xlsx', 'monthly', 'pdf', 'cases']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click(`button[data-download="${kind}"]`),
      ]);
      files[kind] = readFileSync((await download.path())!);
      expect(download.suggestedFilename()).toMatch(
        kind === 'pdf' ? /\.pdf$/ : kind === 'csv' || kind === 'cases' ? /\.csv$/ : /\.xlsx$/,
      );
    }
    const fromApi = async (path: string, extra: Record<string, string> = {}) =>
      (
        await api()
          .get(path)
          .query({ ...query, ...extra })
          .buffer(true)
          .parse((res, done) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => done(null, Buffer.concat(chunks)));
          })
          .expect(200)
      ).body as Buffer;
    expect(files.csv.equals(await fromApi('/api/v1/statistics/export', { format: 'csv' }))).toBe(
      true,
    );
    expect(files.cases.equals(await fromApi('/api/v1/statistics/cases.csv'))).toBe(true);
    expect(files.xlsx.subarray(0, 2).toString()).toBe('PK');
    expect(files.monthly.subarray(0, 2).toString()).toBe('PK');
    expect(files.pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('switches to English, and the account remembers it', async () => {
    await page.selectOption('#language-switcher', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.waitForFunction(
      (title) => document.querySelector('main h1')?.textContent === title,
      EN.stats.title,
    );
    await pageReady(page);
    expect((await t.as(token).get('/api/v1/auth/me').expect(200)).body.preferredLanguage).toBe(
      'en',
    );
    expect((await page.textContent('[data-figure="accepted"] .label'))!.trim()).toBe(
      EN.stats.figure.accepted,
    );
    expect(await page.textContent('main h1')).toBe(EN.stats.title);
    // The focus stays on the switcher, so a keyboard user can go on choosing.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('language-switcher');
    await screenshot(page, 'bureau-03-statistics-en');
  });
});
