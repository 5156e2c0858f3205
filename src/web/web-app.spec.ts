import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Request } from 'express';
import { languageOfRequest, PageShell } from './web-app';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as Request;

describe('the page shell in the user’s language', () => {
  let dir: string;
  let shell: PageShell;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'web-shell-'));
    writeFileSync(
      join(dir, 'index.html'),
      '<html lang="zh-CN" dir="ltr">\n<head>\n<link rel="stylesheet" href="/app-X.css">\n</head></html>',
    );
    shell = new PageShell(join(dir, 'index.html'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes the cookie the client keeps, then Accept-Language, then Chinese', () => {
    expect(
      languageOfRequest(request({ cookie: 'a=1; mediation.lang=fa', 'accept-language': 'en' })),
    ).toBe('fa');
    expect(
      languageOfRequest(
        request({ cookie: 'mediation.lang=xx', 'accept-language': 'ru-RU,en;q=0.5' }),
      ),
    ).toBe('ru');
    expect(languageOfRequest(request({ 'accept-language': 'de-DE, ko;q=0.9' }))).toBe('ko');
    expect(languageOfRequest(request({}))).toBe('zh-CN');
  });

  it('sets lang and dir and preloads that language’s translations before the stylesheet', () => {
    const arabic = shell.render('ar');
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
    expect(
      arabic.indexOf(
        '<link rel="preload" href="/i18n/ar.json" as="fetch" crossorigin="anonymous">',
      ),
    ).toBeLessThan(arabic.indexOf('<link rel="stylesheet"'));
    expect(shell.render('ur')).toContain('dir="rtl"');
    expect(shell.render('ko')).toContain('<html lang="ko" dir="ltr">');
  });

  it('reads index.html again after a rebuild', () => {
    writeFileSync(
      join(dir, 'index.html'),
      '<html lang="zh-CN" dir="ltr"><head><link rel="stylesheet" href="/app-Y.css"></head></html>',
    );
    expect(shell.render('en')).toContain('/app-Y.css');
  });
});
