import { defineConfig } from 'vitest/config';

/**
 * Test projects:
 *   unit          src/**\/*.test.ts             pure code and small module tests
 *                 eslint-rules/**\/*.test.js    the project's own lint rules
 *   api-pglite    test/api/**\/*.test.ts        API tests on in-memory PGlite
 *   api-postgres  test/api/**\/*.test.ts        the same tests on a throwaway PostgreSQL 15 cluster
 *   e2e           test/e2e/**\/*.test.ts        headless Chromium, one file at a time
 *
 * Run one project:  npx vitest run --project api-postgres
 * Tests read process.env.GONGZHI_TEST_DB ('pglite' | 'postgres') to pick the engine;
 * with 'postgres', inject('pgUrl') is the cluster's admin URL (see test/support/pg-cluster.ts).
 */
const api = ['test/api/**/*.test.ts'];

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'eslint-rules/**/*.test.js'],
          environment: 'node',
          testTimeout: 10_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'api-pglite',
          include: api,
          environment: 'node',
          env: { GONGZHI_TEST_DB: 'pglite' },
        },
      },
      {
        extends: true,
        test: {
          name: 'api-postgres',
          include: api,
          environment: 'node',
          env: { GONGZHI_TEST_DB: 'postgres' },
          globalSetup: ['test/support/pg-global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          env: { GONGZHI_TEST_DB: 'pglite' },
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
