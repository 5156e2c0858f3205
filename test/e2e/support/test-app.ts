import { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';

/**
 * Boots the whole application, as `npm start` does, on a database of its own: a fresh SQLite file,
 * or (when DATABASE_URL is set) a fresh PostgreSQL database created on that server and dropped
 * afterwards. Each e2e test file calls this once in beforeAll.
 */
export interface TestApp {
  app: NestExpressApplication;
  /** Base URL of the app, listening on a free loopback port (supertest accepts it). */
  http: string;
  dataSource: DataSource;
  databaseKind: 'sqlite' | 'postgres';
  /** Signs in and returns a bearer token. */
  login(username: string, password: string): Promise<string>;
  /** A supertest agent with the bearer token and language set. */
  as(token: string, language?: string): AuthorisedRequests;
  close(): Promise<void>;
}

export interface AuthorisedRequests {
  get(path: string): request.Test;
  post(path: string): request.Test;
  patch(path: string): request.Test;
  put(path: string): request.Test;
  delete(path: string): request.Test;
}

export const ADMIN = { username: 'admin', password: 'Admin!2026' };
export const DEMO = {
  clerkJincheng: { username: 'clerk.jincheng', password: 'Clerk!2026jc' },
  clerkXishan: { username: 'clerk.xishan', password: 'Clerk!2026xs' },
  bureauYiwu: { username: 'bureau.yiwu', password: 'Bureau!2026yw' },
  bureauJiaxing: { username: 'bureau.jiaxing', password: 'Bureau!2026jx' },
};

async function preparePostgres(
  baseUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `mediation_test_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

export async function startTestApp(
  options: { seedDemo?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const baseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  let cleanup: () => Promise<void>;
  if (baseUrl && /^postgres/.test(baseUrl)) {
    process.env.TEST_DATABASE_URL = baseUrl;
    const pg = await preparePostgres(baseUrl);
    process.env.DATABASE_URL = pg.url;
    cleanup = pg.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'mediation-e2e-'));
    process.env.SQLITE_PATH = join(dir, 'test.sqlite');
    delete process.env.DATABASE_URL;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  process.env.NODE_ENV = 'test';
  process.env.SEED_DEMO = options.seedDemo === false ? 'false' : 'true';
  for (const [key, value] of Object.entries(options.env ?? {})) process.env[key] = value;
  // Every app of the e2e run logs to a file of its own; the global teardown scans them all.
  if (process.env.E2E_LOG_DIR && !options.env?.LOG_FILE) {
    process.env.LOG_FILE = join(
      process.env.E2E_LOG_DIR,
      `app-${process.pid}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}.log`,
    );
    process.env.LOG_LEVEL = options.env?.LOG_LEVEL ?? 'info';
  }

  // Imported after the environment is set: column types and options are read at import time.
  const { createApp } = await import('../../../src/app.factory');
  const app = await createApp({
    logs: process.env.TEST_LOGS === 'true' || !!process.env.LOG_FILE,
  });
  // Listen once: supertest would otherwise open a listener per request, which breaks under load.
  await app.listen(0, '127.0.0.1');
  const http = await app.getUrl();
  const dataSource = app.get(DataSource);

  const as = (token: string, language = 'en'): AuthorisedRequests => {
    const wrap = (test: request.Test) =>
      test.set('Authorization', `Bearer ${token}`).set('Accept-Language', language);
    return {
      get: (path) => wrap(request(http).get(path)),
      post: (path) => wrap(request(http).post(path)),
      patch: (path) => wrap(request(http).patch(path)),
      put: (path) => wrap(request(http).put(path)),
      delete: (path) => wrap(request(http).delete(path)),
    };
  };

  return {
    app,
    http,
    dataSource,
    databaseKind: dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite',
    as,
    async login(username, password) {
      const response = await request(http).post('/api/v1/auth/login').send({ username, password });
      if (response.status !== 200)
        throw new Error(
          `login ${username} failed: ${response.status} ${JSON.stringify(response.body)}`,
        );
      return response.body.accessToken as string;
    },
    async close() {
      await app.close();
      await cleanup();
    },
  };
}

/** Row counts of every table: tests use it to prove a refused request changed nothing. */
export async function tableCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const metadata of dataSource.entityMetadatas) {
    const [row] = await dataSource.query(`SELECT COUNT(*) AS n FROM "${metadata.tableName}"`);
    counts[metadata.tableName] = Number(row.n);
  }
  return counts;
}
