import { isUtf8 } from 'buffer';
import { IncomingMessage, ServerResponse } from 'http';
import { NextFunction, Request, Response } from 'express';

/** Deeper than any DTO we declare; class-transformer and the ValidationPipe recurse per level. */
export const MAX_BODY_DEPTH = 32;

const UPLOAD_PATH = /\/attachments$/;

// Keys that reach prototypes when a body is merged or assigned; no DTO declares them.
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Refuses bodies in a media type no parser reads (415), top-level arrays, and parsed bodies that are nested deeper than MAX_BODY_DEPTH (the recursive transform and
 * validation would overflow the stack: a 500) or carry prototype keys (`constructor` passes the
 * whitelist, since every instance has one, and reached TypeORM updates: a 500). The walk is
 * iterative, so the check cannot overflow itself. Errors carry `status` and `type` like
 * body-parser's own, so the same handler answers them in our error shape.
 */
export function bodyShapeGuard(req: Request, _res: Response, next: NextFunction): void {
  // A body nobody parsed (text/plain, XML...) used to reach the handler as an empty DTO: an empty
  // PATCH answered 200 and the client believed its change was saved.
  if (hasBody(req) && !req.is(['application/json', 'application/x-www-form-urlencoded'])) {
    // Multipart is read only by the upload routes' interceptors.
    if (!(req.is('multipart/form-data') && UPLOAD_PATH.test(req.path)))
      return next(refused('entity.unsupported.type', 415));
  }
  const body: unknown = req.body;
  if (body === null || typeof body !== 'object') return next();
  // Every body is a DTO object; an array slipped past the ValidationPipe into services.
  if (Array.isArray(body)) return next(refused('entity.not.object'));
  const stack: [unknown, number][] = [[body, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_BODY_DEPTH) return next(refused('entity.too.deep'));
    for (const key of Object.keys(node as object)) {
      if (PROTOTYPE_KEYS.has(key)) return next(refused('entity.prototype.key'));
      const child = (node as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  next();
}

function hasBody(req: Request): boolean {
  return (
    Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined
  );
}

function refused(type: string, status = 400): Error {
  return Object.assign(new Error('Request body refused'), { status, statusCode: status, type });
}

/**
 * `verify` hook of the JSON parser: bytes that are not UTF-8 were decoded to U+FFFD and stored
 * (a mediator's name became "a\uFFFDb"); they are refused with 400 before parsing instead.
 */
export function refuseInvalidUtf8(
  _req: IncomingMessage,
  _res: ServerResponse,
  buffer: Buffer,
): void {
  if (!isUtf8(buffer)) throw refused('entity.encoding.invalid');
}
