/**
 * Vitest globalSetup for the `api-postgres` project: starts one throwaway
 * PostgreSQL cluster for the whole run and provides its admin URL as `pgUrl`.
 *
 * In a test file:
 *   import { inject } from 'vitest';
 *   import { createTestDatabase } from '../support/pg-cluster.ts';
 *   const db = await createTestDatabase(inject('pgUrl')); // isolated database per file
 */
import type { TestProject } from 'vitest/node';
import { startThrowawayCluster, type ThrowawayCluster } from './pg-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

let cluster: ThrowawayCluster | undefined;

export async function setup(project: TestProject): Promise<void> {
  const started = Date.now();
  cluster = await startThrowawayCluster();
  if (process.env.GONGZHI_TEST_VERBOSE) {
    console.log(`[pg-global-setup] PostgreSQL ready at ${cluster.url} in ${Date.now() - started} ms`);
  }
  project.provide('pgUrl', cluster.url);
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
  cluster = undefined;
}
