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

/**
 * Text whose contrast with what is behind it falls below WCAG AA (4.5:1, or 3:1 for large text):
 * every visible element with text of its own, its colour against the first opaque background up
 * the tree, semi-transparent layers blended on the way.
 */
export async function contrastProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const parse = (value: string): Rgba => {
      const n = value.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0];
      return [n[0], n[1], n[2], n[3] ?? 1];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3];
      return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1) as Rgba;
    };
    const luminance = ([r, g, b]: Rgba) =>
      [r, g, b]
        .map((c) => c / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
        .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
    const background = (element: Element | null): Rgba => {
      const layers: Rgba[] = [];
      for (let e = element; e; e = e.parentElement) {
        const colour = parse(getComputedStyle(e).backgroundColor);
        if (colour[3] > 0) layers.push(colour);
        if (colour[3] >= 1) break;
      }
      let result: Rgba = [255, 255, 255, 1];
      for (const layer of layers.reverse()) result = over(layer, result);
      return result;
    };
    const problems: string[] = [];
    for (const element of document.querySelectorAll('body *')) {
      const own = [...element.childNodes].some(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim(),
      );
      if (!own) continue;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      if (style.visibility === 'hidden' || box.width === 0 || box.height === 0) continue;
      if (element.closest('.visually-hidden, [hidden], option')) continue;
      const back = background(element);
      const fore = over(parse(style.color), back);
      const [light, dark] = [luminance(fore), luminance(back)].sort((a, b) => b - a);
      const ratio = (light + 0.05) / (dark + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.6 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5))
        problems.push(
          `${element.tagName.toLowerCase()}.${element.className} "${element.textContent!.trim().slice(0, 30)}" ${ratio.toFixed(2)}`,
        );
    }
    return problems;
  });
}
