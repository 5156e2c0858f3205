import { NestExpressApplication } from '@nestjs/platform-express';
import { NextFunction, Request, Response } from 'express';
import express from 'express';
import { existsSync } from 'fs';
import { join, resolve } from 'path';

/**
 * Serves the web app (built by src/web/build-web.js into dist/web/public) at `/`, beside the API.
 * Static files and the page shell are answered here, before Nest's router, so the access guard
 * never sees them; everything under /api and /health stays the API's. Client routes (/cases/…)
 * fall back to index.html. The content security policy allows this origin only: no CDN, no
 * inline script, no external font.
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

export function mountWebApp(app: NestExpressApplication, root = WEB_ROOT): void {
  const index = join(root, 'index.html');
  const setPolicy = (res: Response) =>
    res.setHeader('Content-Security-Policy', WEB_CONTENT_SECURITY_POLICY);
  const isApi = (path: string) =>
    API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

  app.use(
    express.static(root, {
      index: false,
      redirect: false,
      setHeaders: (res, path) => {
        setPolicy(res);
        // Bundles carry a content hash in their name; translations and the shell are revalidated.
        if (/[.-][A-Z0-9]{8}\.(js|css)$/.test(path))
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        else res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req.path)) return next();
    // Only page navigations get the shell: a missing asset or a JSON request still answers 404.
    if (/\.[a-z0-9]+$/i.test(req.path) || !req.accepts('html')) return next();
    if (!existsSync(index)) return next();
    setPolicy(res);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
