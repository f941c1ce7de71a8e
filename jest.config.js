import { swcOptions } from './test/support/swc-options.mjs';

/**
 * Three tiers, one command (`npm test`):
 *  - unit: `src/**\/*.spec.ts`, pure, beside the code;
 *  - integration: `test/integration/**\/*.int.spec.ts`, real PostgreSQL (a fresh database per file,
 *    cloned from a template migrated once per run) and Redis (a key prefix per file);
 *  - e2e: `test/e2e/**\/*.e2e.spec.ts`, through HTTP (and a real browser for pages).
 */
const swc = ['@swc/jest', swcOptions];

const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': swc },
};

export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.int.spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
  testTimeout: 60_000,
};
