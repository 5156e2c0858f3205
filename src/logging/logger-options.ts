import { Request } from 'express';
import { Params } from 'nestjs-pino';
import { Environment } from '../config/environment';

/**
 * JSON logs, one line per request, with the request id. Query strings, bodies and headers are
 * left out: they carry names, identity numbers and tokens, which never go to the logs.
 */
export function loggerOptions(env: Environment): Params {
  return {
    pinoHttp: {
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
    },
  };
}
