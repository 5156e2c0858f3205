import { Page } from 'playwright-core';
import { creditCode } from './support/case-factory';
import { DEMO, startTestApp, TestApp } from './support/test-app';
import {
  Browser,
  contrastProblems,
  describeIfChromium,
  ensureWebBuilt,
  launchBrowser,
  pageReady,
  screenshot,
  signIn,
} from './support/web-browser';

/**
 * A clerk's flow entirely in Arabic, right to left: the language chosen on the sign-in page is
 * carried into the account, the layout mirrors (checked on the boxes the browser lays out, not on
 * the dir attribute alone), the server's validation errors come back in Arabic beside their fields,
 * and a labour dispute of a migrant worker against a workshop is registered and opened.
 */
const ARABIC = /\p{Script=Arabic}/u;

describeIfChromium('Web app: a clerk in Arabic, right to left', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let token: string;
  const { username, password } = DEMO.clerkXishan;

  beforeAll(async () => {
    await ensureWebBuilt();
    t = await startTestApp();
    token = await t.login(username, password);
    browser = await launchBrowser();
    page = browser.page;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('switches the sign-in page to Arabic and mirrors the layout', async () => {
    await page.goto(`${t.http}/login`);
    await page.waitForSelector('form.login-form');
    await page.selectOption('#language-switcher', 'ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.textContent('main h1')).toMatch(ARABIC);
    // The brand sits on the right, the language switcher on the left.
    const brand = (await page.locator('.brand').boundingBox())!;
    const tools = (await page.locator('.header-tools').boundingBox())!;
    expect(brand.x).toBeGreaterThan(tools.x);
    expect(brand.x + brand.width).toBeGreaterThan(1366 - 60);
    expect(await contrastProblems(page)).toEqual([]);
    await screenshot(page, 'clerk-01-login-ar');
  });

  it('carries the language into the account at sign-in', async () => {
    await signIn(page, t.http, username, password);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect((await t.as(token).get('/api/v1/auth/me').expect(200)).body.preferredLanguage).toBe(
      'ar',
    );
    expect(await page.textContent('main h1')).toMatch(ARABIC);
    await screenshot(page, 'clerk-02-dashboard-ar');
  });

  it('shows the server’s errors in Arabic beside their fields', async () => {
    await page.click('nav a[href="/clerk/register"]');
    await pageReady(page);
    await page.click('form.register-form button[type=submit]');
    const summary = page.locator('.form-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(ARABIC);
    const disputeError = page.locator('[data-field="disputeType"] .field-error');
    expect(await disputeError.isVisible()).toBe(true);
    expect(await disputeError.textContent()).toMatch(ARABIC);
    expect(await page.getAttribute('[name="disputeType"]', 'aria-invalid')).toBe('true');
    // The focus went to the summary, which a screen reader reads out.
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('form-summary')),
    ).toBe(true);
    // Labels sit at the right edge of their fields.
    const label = (await page.locator('[data-field="disputeType"] label').boundingBox())!;
    const select = (await page.locator('[name="disputeType"]').boundingBox())!;
    expect(Math.abs(label.x + label.width - (select.x + select.width))).toBeLessThan(4);
    await screenshot(page, 'clerk-03-register-errors-ar');
  });

  it('registers a migrant worker’s wage dispute and opens the case', async () => {
    await page.selectOption('[name="disputeType"]', 'labour');
    await page.fill('[name="amountInDispute.amount"]', '8600');
    await page.fill('[name="account.original.text"]', '老板拖欠我三个月工资，共八千六百元。');
    await page.fill('[name="requests.original.text"]', '要求一次性支付拖欠的工资。');

    await page.fill('[name="parties.0.person.nameOriginal"]', '罗德明');
    await page.selectOption('[name="parties.0.person.sex"]', 'male');
    await page.selectOption('[name="parties.0.person.nationality"]', 'CN');
    await page.waitForSelector('[name="parties.0.region.province"] option[value="510000"]', {
      state: 'attached',
    });
    await page.selectOption('[name="parties.0.region.province"]', '510000');
    const prefecture = page.locator('[name="parties.0.region.prefecture"] option:nth-child(2)');
    await prefecture.waitFor({ state: 'attached' });
    await page.selectOption(
      '[name="parties.0.region.prefecture"]',
      (await prefecture.getAttribute('value'))!,
    );
    const county = page.locator('[name="parties.0.person.homeRegionCode"] option:nth-child(2)');
    await county.waitFor({ state: 'attached' });
    const countyCode = (await county.getAttribute('value'))!;
    await page.selectOption('[name="parties.0.person.homeRegionCode"]', countyCode);
    await page.selectOption('[name="parties.0.person.preferredLanguages"]', 'zh');
    await page.check('[name="parties.0.consent.decision"][value="given"]');

    const code = creditCode(`91330481MA${String(Date.now()).slice(-7)}`);
    await page.check('[name="parties.1.kind"][value="organisation"]');
    await page.fill('[name="parties.1.organisation.nameOriginal"]', '海宁市皮革制品加工坊');
    await page.fill('[name="parties.1.organisation.creditCode"]', code);

    await page.click('form.register-form button[type=submit]');
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await pageReady(page);
    const caseId = new URL(page.url()).pathname.split('/')[2];
    const created = (await t.as(token).get(`/api/v1/cases/${caseId}`).expect(200)).body;
    expect(created.disputeType).toBe('labour');
    expect(created.amountInDispute).toEqual({ amount: '8600.00', currency: 'CNY' });
    expect(created.parties[0].person).toMatchObject({
      nationality: 'CN',
      homeRegionCode: countyCode,
    });
    expect(created.parties[0].consent.state).toBe('given');
    expect(created.parties[1].organisation).toMatchObject({ creditCode: code, country: 'CN' });
    expect(await page.textContent('main h1')).toContain(created.caseNumber);
    expect(await page.textContent('main h1')).toMatch(ARABIC);
    // Logical properties: the timeline's rule is on the right in a right-to-left page.
    const rule = await page.$eval('ol.timeline', (el) => {
      const style = getComputedStyle(el);
      return [style.borderRightWidth, style.borderLeftWidth];
    });
    expect(rule).toEqual(['3px', '0px']);
    expect(await contrastProblems(page)).toEqual([]);
    await screenshot(page, 'clerk-04-case-ar');
  });

  it('signs in again on another device in Arabic', async () => {
    await page.click('.user-box button');
    await page.waitForURL((url) => url.pathname === '/login');
    // Another device: nothing remembered in the browser; its own language is Chinese.
    await page.evaluate(() => localStorage.clear());
    await page.context().clearCookies();
    await page.reload();
    await page.waitForSelector('form.login-form');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await signIn(page, t.http, username, password);
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
  });
});
