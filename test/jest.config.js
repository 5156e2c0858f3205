// Two projects: `unit` (pure logic, specs beside the code in src/) and `e2e` (the whole
// application over HTTP against a real database: SQLite by default, PostgreSQL when
// DATABASE_URL is set).
const path = require('path');

const root = path.resolve(__dirname, '..');
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(root, 'test', 'tsconfig.json') }],
};

module.exports = {
  rootDir: root,
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      rootDir: root,
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/unit/**/*.spec.ts'],
      transform,
      testEnvironment: 'node',
    },
    {
      displayName: 'e2e',
      rootDir: root,
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      transform,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
    },
  ],
};
