import request from 'supertest';
import { PERMISSIONS } from '../../src/auth/roles';
import { declaredRoutes } from './support/routes';
import { startTestApp, TestApp } from './support/test-app';

// Routes open without a token, on purpose. Anything else public is a mistake.
const PUBLIC_ALLOWED = new Set([
  'POST /api/v1/auth/login',
  'GET /health',
  'GET /api/v1/locales',
  'GET /api/v1/verify/:code',
]);

describe('Access declarations: every route declares who may call it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seedDemo: false });
  });
  afterAll(() => t.close());

  it('finds the application routes from Nest metadata', () => {
    const routes = declaredRoutes(t.app);
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toContain('POST /api/v1/auth/login');
  });

  it('has a declared, known permission on every non-public route', () => {
    const undeclared = declaredRoutes(t.app)
      .filter(
        (r) => !r.isPublic && !(PERMISSIONS as readonly string[]).includes(r.permission ?? ''),
      )
      .map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`);
    expect(undeclared).toEqual([]);
  });

  it('opens only the intended routes to anonymous callers', async () => {
    const publicRoutes = declaredRoutes(t.app)
      .filter((r) => r.isPublic)
      .map((r) => `${r.method} ${r.path}`);
    expect(publicRoutes.filter((r) => !PUBLIC_ALLOWED.has(r))).toEqual([]);
    for (const route of declaredRoutes(t.app).filter((r) => !r.isPublic)) {
      const path = route.path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
      const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
      const res = await request(t.http)[method](path).send({});
      expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
      });
    }
  });
});
