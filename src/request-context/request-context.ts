import { AsyncLocalStorage } from 'async_hooks';
import { randomUUID } from 'crypto';
import { NextFunction, Request, Response } from 'express';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { resolveLanguage, SupportedLanguage } from '../i18n/languages';

/** What every layer may need to know about the request it serves, without threading it through. */
export interface RequestContext {
  requestId: string;
  language: SupportedLanguage;
  user?: AuthenticatedUser;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function requestIdOf(req: Request): string {
  const incoming = req.headers['x-request-id'];
  const candidate = Array.isArray(incoming) ? incoming[0] : incoming;
  return candidate && /^[\w.-]{8,64}$/.test(candidate) ? candidate : randomUUID();
}

/** Express middleware: picks the request id and the caller's language, then opens the context. */
export function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const requestId = (req as Request & { id?: string }).id ?? requestIdOf(req);
  const queryLang = typeof req.query.lang === 'string' ? req.query.lang : undefined;
  const language = resolveLanguage(queryLang, req.headers['accept-language']);
  res.setHeader('X-Request-Id', requestId);
  res.setHeader('Content-Language', language);
  runWithContext({ requestId: String(requestId), language }, () => next());
}
