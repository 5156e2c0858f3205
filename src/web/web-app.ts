import { NestExpressApplication } from '@nestjs/platform-express';
import { NextFunction, Request, Response } from 'express';
import express from 'express';
import { existsSync, readFileSync, statSync } from 'fs';
import { join, resolve } from 'path';
import { directionOf, resolveLanguage, SupportedLanguage } from '../i18n/languages';

/**
 * Serves the web app (built by src/web/build-web.js into dist/web/public) at `/`, beside the API.
 * Static files and the page shell are answered here, before Nest's router, so the access guard
 * never sees them; everything under /api and /health stays the API's. Client routes (/cases/…)
 * fall back to index.html, sent in the user's language: <html lang dir> set and that language's
 * translations preloaded with the page (from the mediation.lang cookie the client keeps, else
 * Accept-Language), so the first page needs no second round trip and Arabic never flashes
 * left to right. The content security policy allows this origin only: no CDN, no inline script,
 * no external font.
 */
export const WEB_ROOT = resolve(__dirname, '..', '..', 'dist', 'web', 'public');

export const WEB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

const API_PREFIXES = ['/api/', '/api', '/health'];

const LANGUAGE_COOKIE = /(?:^|;\s*)mediation\.lang=([A-Za-z-]{2,8})/;

/** The page shell for one language, from index.html as built (re-read when it is rebuilt). */
export class PageShell {
  private cached: { version: string; html: string } | null = null;

  constructor(private readonly file: string) {}

  exists(): boolean {
    return existsSync(this.file);
  }

  render(language: SupportedLanguage): string {
    const { mtimeMs, size, ino } = statSync(this.file);
    const version = `${mtimeMs} ${size} ${ino}`;
    if (!this.cached || this.cached.version !== version)
      this.cached = { version, html: readFileSync(this.file, 'utf8') };
    return this.cached.html
      .replace(
        /<html lang="[^"]*" dir="[^"]*">/,
        `<html lang="${language}" dir="${directionOf(language)}">`,
      )
      .replace(
        '<link rel="stylesheet"',
        `<link rel="preload" href="/i18n/${language}.json" as="fetch" crossorigin="anonymous">\n<link rel="stylesheet"`,
      );
  }
}

export function languageOfRequest(req: Request): SupportedLanguage {
  const fromCookie = LANGUAGE_COOKIE.exec(req.headers.cookie ?? '')?.[1];
  return resolveLanguage(fromCookie, req.headers['accept-language']);
}

export function mountWebApp(app: NestExpressApplication, root = WEB_ROOT): void {
  const shell = new PageShell(join(root, 'index.html'));
  const setPolicy = (res: Response) =>
    res.setHeader('Content-Security-Policy', WEB_CONTENT_SECURITY_POLICY);
  const isApi = (path: string) =>
    API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

  const files = express.static(root, {
    index: false,
    redirect: false,
    setHeaders: (res, path) => {
      setPolicy(res);
      // Bundles carry a content hash in their name; translations and the shell are revalidated.
      if (/[.-][A-Z0-9]{8}\.(js|css)$/.test(path))
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      else res.setHeader('Cache-Control', 'no-cache');
    },
  });
  // API requests never look on disk (a stat per request otherwise).
  app.use((req: Request, res: Response, next: NextFunction) =>
    isApi(req.path) ? next() : files(req, res, next),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req.path)) return next();
    // Only page navigations get the shell: a missing asset or a JSON request still answers 404.
    if (/\.[a-z0-9]+$/i.test(req.path) || !req.accepts('html')) return next();
    if (!shell.exists()) return next();
    setPolicy(res);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Vary', 'Cookie, Accept-Language');
    res.type('html').send(shell.render(languageOfRequest(req)));
  });
}
