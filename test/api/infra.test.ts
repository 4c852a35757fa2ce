/**
 * Proves the database engines behind the API tests start: in the api-postgres
 * project a throwaway PostgreSQL 15 cluster (per-file database), in api-pglite
 * an in-memory PGlite.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const engine = process.env.GONGZHI_TEST_DB;

describe(`test database engine (${engine})`, () => {
  let query: (sql: string) => Promise<Record<string, unknown>[]>;
  let close: () => Promise<void> = async () => {};

  beforeAll(async () => {
    if (engine === 'postgres') {
      const pg = (await import('pg')).default;
      const { createTestDatabase } = await import('../support/pg-cluster.ts');
      const db = await createTestDatabase(inject('pgUrl'));
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      query = async (sql) => (await client.query(sql)).rows;
      close = async () => {
        await client.end();
        await db.drop();
      };
    } else {
      const { PGlite } = await import('@electric-sql/pglite');
      const db = new PGlite();
      await db.waitReady;
      query = async (sql) => (await db.query<Record<string, unknown>>(sql)).rows;
      close = () => db.close();
    }
  });

  afterAll(async () => {
    await close();
  });

  it('runs select version()', async () => {
    const [row] = await query('select version() as version');
    expect(String(row.version)).toMatch(/^PostgreSQL \d+/);
    if (engine === 'postgres') expect(String(row.version)).toMatch(/^PostgreSQL 15\./);
  });

  it('stores and reads back Chinese text as UTF-8', async () => {
    await query(`create table t (name text)`);
    await query(`insert into t values ('共治 · 业主委员会')`);
    const rows = await query('select name, length(name) as n from t');
    expect(rows).toEqual([{ name: '共治 · 业主委员会', n: 10 }]);
  });

  it.runIf(engine === 'postgres')('gives each test file its own database', async () => {
    const [row] = await query('select current_database() as db');
    expect(String(row.db)).toMatch(/^gz_test_/);
  });
});
