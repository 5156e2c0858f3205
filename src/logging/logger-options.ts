import { Request } from 'express';
import { mkdirSync } from 'fs';
import { dirname } from 'path';
import { destination } from 'pino';
import { Options } from 'pino-http';
import { Params } from 'nestjs-pino';
import { Environment } from '../config/environment';

/**
 * JSON logs, one line per request, with the request id. Query strings, bodies and headers are
 * left out: they carry names, identity numbers and tokens, which never go to the logs.
 */
export function loggerOptions(env: Environment): Params {
  const options: Options = {
    level: env.NODE_ENV === 'test' ? (process.env.LOG_LEVEL ?? 'silent') : env.LOG_LEVEL,
    genReqId: (req) => String((req as Request & { id?: string }).id),
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    redact: {
      paths: ['req.headers', 'res.headers', '*.password', '*.authorization'],
      remove: true,
    },
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: { ignore: (req) => req.url === '/health' },
  };
  if (!env.LOG_FILE) return { pinoHttp: options };
  mkdirSync(dirname(env.LOG_FILE), { recursive: true });
  return { pinoHttp: [options, destination({ dest: env.LOG_FILE, append: true, sync: true })] };
}
