import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { BrowserContext, chromium, Page } from 'playwright-core';

/**
 * What the browser tests share: Debian's Chromium (skipped, with a message, where it is not
 * installed; CI installs it), a fresh profile per test file with the flags that keep it off the
 * network it cannot reach, the web bundle built when stale, sign-in through the page, and
 * screenshots kept in test-artifacts/web/<role>-<step>[-<lang>].png.
 */
export const ROOT = join(__dirname, '..', '..', '..');
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'web');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const OFFICE = { width: 1366, height: 768 };
export const TABLET = { width: 768, height: 1024 };

export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  process.stderr.write(
    `Browser tests skipped: ${CHROMIUM} is not installed (apt-get install chromium; CI does).\n`,
  );
}
export const describeIfChromium = hasChromium ? describe : describe.skip;

export async function ensureWebBuilt(): Promise<void> {
  const { ensureWebBuilt: build } = require(join(ROOT, 'src', 'web', 'build-web.js'));
  await build();
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A browser set up as on a station's PC: Chinese locale, office screen size. */
export async function launchBrowser(locale = 'zh-CN'): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'web-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: OFFICE,
    locale,
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  if (process.env.WEB_TEST_CONSOLE === 'true')
    page.on('console', (message) =>
      process.stderr.write(`console ${message.type()}: ${message.text()}\n`),
    );
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (errors.length) throw new Error(`script errors in the page: ${errors.join('; ')}`);
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Signs in through the sign-in page and waits for the landing page's heading. */
export async function signIn(page: Page, base: string, username: string, password: string) {
  if (!page.url().includes('/login')) await page.goto(`${base}/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('form.login-form button[type=submit]');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.waitForSelector('main .page h1');
}

/** Waits until the page under the shell has rendered (not the loading line). */
export async function pageReady(page: Page): Promise<void> {
  try {
    await page.waitForSelector('main .page h1', { timeout: 5000 });
  } catch (error) {
    const found = await page.evaluate(() => [
      location.href,
      document.querySelector('main')?.outerHTML.slice(0, 500),
      [...document.querySelectorAll('main .page h1')].map((h) =>
        JSON.stringify(h.getBoundingClientRect()),
      ),
    ]);
    throw new Error(`${(error as Error).message}\n${JSON.stringify(found)}`);
  }
  await page.waitForFunction(() => !document.querySelector('main .page > .loading'));
}
