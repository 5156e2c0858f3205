import { randomBytes } from 'crypto';
import { loadEnvironment } from '../../src/config/environment';

/** The service refuses to start in production with any default secret or key. */
describe('loadEnvironment in production', () => {
  const key = () => randomBytes(32).toString('base64');
  const real = () => ({
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(24).toString('hex'),
    ADMIN_PASSWORD: 'A-real-admin-password!2026',
    DATA_ENCRYPTION_KEYS: `k2026:${key()},k2025:${key()}`,
    LOOKUP_HASH_KEY: randomBytes(24).toString('hex'),
  });

  it('refuses to start with the default secrets, naming every one', () => {
    expect(() => loadEnvironment({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET, ADMIN_PASSWORD, DATA_ENCRYPTION_KEYS, LOOKUP_HASH_KEY/,
    );
  });

  it.each(['JWT_SECRET', 'ADMIN_PASSWORD', 'DATA_ENCRYPTION_KEYS', 'LOOKUP_HASH_KEY'] as const)(
    'refuses when only %s is left at its default',
    (name) => {
      const env: Record<string, string | undefined> = real();
      delete env[name];
      expect(() => loadEnvironment(env)).toThrow(new RegExp(`production.*${name}`, 's'));
    },
  );

  it('starts with real secrets and keeps them', () => {
    const source = real();
    const env = loadEnvironment(source);
    expect(env.NODE_ENV).toBe('production');
    expect(env.JWT_SECRET).toBe(source.JWT_SECRET);
    expect(env.DATA_ENCRYPTION_KEYS).toBe(source.DATA_ENCRYPTION_KEYS);
  });

  it('refuses a malformed key ring and a short JWT secret even outside production', () => {
    expect(() => loadEnvironment({ ...real(), DATA_ENCRYPTION_KEYS: 'k1:short' })).toThrow();
    expect(() => loadEnvironment({ ...real(), JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });

  it('accepts the defaults in development and test', () => {
    expect(loadEnvironment({ NODE_ENV: 'development' }).NODE_ENV).toBe('development');
    expect(loadEnvironment({ NODE_ENV: 'test' }).NODE_ENV).toBe('test');
  });
});
