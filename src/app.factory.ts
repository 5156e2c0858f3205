import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json, NextFunction, Request, Response, urlencoded } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AuthService } from './auth/auth.service';
import { bodyShapeGuard, refuseInvalidUtf8 } from './common/http/body-shape-guard';
import { ENVIRONMENT, Environment } from './config/environment';
import { DemoSeeder } from './demo/demo-seeder';
import { renderError } from './errors/error-response';
import { validationExceptionFactory } from './errors/validation-errors';
import { I18nService } from './i18n/i18n.service';
import { requestContextMiddleware, requestIdOf } from './request-context/request-context';
import { mountWebApp } from './web/web-app';

/**
 * Builds the application exactly as production runs it; e2e tests call this too, so what they
 * exercise is what a station runs.
 */
export async function createApp(options: { logs?: boolean } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    bufferLogs: true,
  });
  const env = app.get<Environment>(ENVIRONMENT);
  if (options.logs !== false) app.useLogger(app.get(Logger));
  const i18n = app.get(I18nService);

  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use((req: Request & { id?: string }, _res: Response, next: NextFunction) => {
    req.id = requestIdOf(req);
    next();
  });
  app.use(helmet({ contentSecurityPolicy: false }));
  app.use(json({ limit: env.BODY_LIMIT, verify: refuseInvalidUtf8 }));
  app.use(urlencoded({ extended: false, limit: env.BODY_LIMIT }));
  app.use(bodyShapeGuard);
  // Body-parser failures (malformed JSON, too large) happen before Nest: answer them in our shape.
  app.use((error: unknown, req: Request & { id?: string }, res: Response, next: NextFunction) => {
    if (!error) return next();
    requestContextMiddleware(req, res, () => {
      const { status, body } = renderError(error, i18n, req.id);
      res.status(status).json(body);
    });
  });
  app.use(requestContextMiddleware);
  // The web app at / (static files and the page shell), outside Nest's router and its guard.
  mountWebApp(app);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: true, value: false },
      exceptionFactory: validationExceptionFactory,
      stopAtFirstError: false,
    }),
  );
  app.enableShutdownHooks();
  setUpApiDocs(app);

  await app.init();
  await app.get(AuthService).ensureFirstAdmin();
  if (env.SEED_DEMO) await app.get(DemoSeeder).seedIfEmpty();
  return app;
}

function setUpApiDocs(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Mediation case system API')
    .setDescription(
      "People's mediation for foreign residents and migrant workers. Every error answers " +
        '{ statusCode, code, message, details } with the message in the language of Accept-Language or ?lang= ' +
        '(zh-CN, en, ar, fa, ur, hi, ru, fr, es, pt, ko, tr; default zh-CN).',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
