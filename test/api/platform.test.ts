import { sql } from 'kysely';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrate, openDatabase } from '../../src/server/db/index';
import { loadHashKey } from '../../src/server/platform/keys';
import { deliverPending, notifyUsers, queueMessages, usersForQuarterRoles } from '../../src/server/modules/notifications/service';
import { createTestApp, createTestAppOn, engine, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('database', () => {
  it('applies migrations once; a second run applies nothing', async () => {
    expect(await migrate(t.db)).toEqual([]);
  });

  it.skipIf(engine() !== 'pglite')('refuses a second opener of the same PGlite folder, and reopens after a clean close', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gz-lock-')), 'db');
    const first = await openDatabase({ dataDir: dir });
    await migrate(first);
    await first.kysely.insertInto('districts').values({ name: '锁测试区' }).execute();
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/in use by process/);
    await first.close();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
    const again = await openDatabase({ dataDir: dir });
    const rows = await again.kysely.selectFrom('districts').select('name').execute();
    expect(rows.map((r) => r.name)).toEqual(['锁测试区']);
    await again.close();
  });

  it.skipIf(engine() !== 'pglite')('takes over the lock of a process that died', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gz-lock-')), 'db');
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    // No process has pid 2^22+1 on Linux (pid_max is at most 2^22).
    fs.writeFileSync(`${dir}.lock`, String(4194305));
    const db = await openDatabase({ dataDir: dir });
    await db.close();
  });

  it('keeps the hash key stable across restarts', async () => {
    expect((await loadHashKey(t.db)).equals(t.hashKey)).toBe(true);
  });
});

describe('inbox and outbox', () => {
  it('puts a reminder into an inbox once, and each user sees only their own', async () => {
    const users = await usersForQuarterRoles(t.db.kysely, t.fx.q1, ['commissioner', 'community_office']);
    expect(users).toHaveLength(2);
    const message = { kind: 'reminder', title: '业委会换届提醒', quarterId: t.fx.q1, dedupeKey: 'test-reminder-1' };
    expect(await notifyUsers(t.db.kysely, users.map((u) => u.id), t.fx.districtA, message)).toBe(2);
    expect(await notifyUsers(t.db.kysely, users.map((u) => u.id), t.fx.districtA, message)).toBe(0);
    const commissioner = await t.login('commissioner');
    const items = (await commissioner.get('/api/inbox')).json().items;
    expect(items.map((i: { title: string }) => i.title)).toEqual(['业委会换届提醒']);
    const other = await t.login('commissioner2');
    expect((await other.get('/api/inbox')).json().items).toEqual([]);
    expect((await other.patch(`/api/inbox/${items[0].id}`, { done: true })).statusCode).toBe(404);
    expect((await commissioner.patch(`/api/inbox/${items[0].id}`, { done: true })).statusCode).toBe(204);
    expect((await commissioner.get('/api/inbox')).json().items).toEqual([]);
  });

  it('answers the inbox a page at a time, with its total and the unread count of the whole inbox', async () => {
    const grid = await t.login('grid');
    const me = (await grid.get('/api/auth/me')).json().user.id as string;
    for (let i = 1; i <= 5; i++) await notifyUsers(t.db.kysely, [me], t.fx.districtA, { kind: 'reminder', title: `提醒${i}`, quarterId: t.fx.q1, dedupeKey: `page-${i}` });
    const first = (await grid.get('/api/inbox?pageSize=2')).json();
    expect(first).toMatchObject({ total: 5, unread: 5 });
    expect(first.items).toHaveLength(2);
    const third = (await grid.get('/api/inbox?pageSize=2&page=3')).json();
    expect(third.items).toHaveLength(1);
    const seen = [...first.items, ...(await grid.get('/api/inbox?pageSize=2&page=2')).json().items, ...third.items].map((i: { id: string }) => i.id);
    expect(new Set(seen).size).toBe(5);
    expect((await grid.patch(`/api/inbox/${seen[0]}`, { read: true })).statusCode).toBe(204);
    expect((await grid.patch(`/api/inbox/${seen[1]}`, { done: true })).statusCode).toBe(204);
    expect((await grid.get('/api/inbox?pageSize=2')).json()).toMatchObject({ total: 4, unread: 3 });
  });

  it('queues a message once and delivers it through its channel, retrying failures', async () => {
    const msg = { districtId: t.fx.districtA, quarterId: t.fx.q1, ownerId: t.fx.owners.q1[0], subject: '表决即将截止', body: '请尽快投票', dedupeKey: 'vote-x-owner-1' };
    expect(await queueMessages(t.db.kysely, [msg])).toBe(1);
    expect(await queueMessages(t.db.kysely, [msg])).toBe(0);
    const failing = async () => {
      throw new Error('gateway down');
    };
    expect(await deliverPending(t.db.kysely, { log: failing })).toBe(0);
    const sent: string[] = [];
    expect(await deliverPending(t.db.kysely, { log: async (m) => void sent.push(m.subject) })).toBe(1);
    expect(sent).toEqual(['表决即将截止']);
    expect(await deliverPending(t.db.kysely, { log: async () => {} })).toBe(0);
  });
});

describe.skipIf(engine() !== 'postgres')('PostgreSQL connections ended by the server', () => {
  it('survives idle connections being terminated, and the next query opens a new one', async () => {
    const { openTestDb } = await import('../support/app');
    const { sql } = await import('kysely');
    const { db, drop } = await openTestDb();
    try {
      // Several connections at once, so that the pool keeps more than one idle.
      const pids = await Promise.all(Array.from({ length: 4 }, () => sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.05)`.execute(db.kysely)));
      const ended = new Set(pids.map((r) => Number(r.rows[0].pid)));
      expect(ended.size).toBeGreaterThan(1);
      // Another session ends them, as a server restart or an administrator would. Without the
      // pool's error listener this is an uncaught exception that stops the process.
      const pg = (await import('pg')).default;
      const admin = new pg.Client({ connectionString: inject('pgUrl') });
      await admin.connect();
      try {
        const res = await admin.query('select count(*) filter (where pg_terminate_backend(pid))::int as n from pg_stat_activity where pid = any($1::int[])', [[...ended]]);
        expect(res.rows[0].n).toBe(ended.size);
      } finally {
        await admin.end();
      }
      await new Promise((r) => setTimeout(r, 200));
      const after = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db.kysely);
      expect(ended.has(Number(after.rows[0].pid))).toBe(false);
    } finally {
      await drop();
    }
  });
});

describe.skipIf(engine() !== 'postgres')('copying the embedded database into PostgreSQL', () => {
  it('copies every table, keeps ids, hashes and logins working, and continues serial ids', async () => {
    const { copyDatabase } = await import('../../src/server/db/copy');
    const { openTestDb } = await import('../support/app');
    const { buildApp } = await import('../../src/server/app');
    // The source: an embedded database with this file's fixture written through the API.
    const source = await openDatabase({ dataDir: 'memory://' });
    const sourceT = await createTestAppOn(source);
    const s = await sourceT.login('community');
    expect((await s.patch(`/api/quarters/${sourceT.fx.q1}`, { households: 321 })).statusCode).toBe(204);
    const { db: target, drop } = await openTestDb();
    const counts = await copyDatabase(source, target);
    expect(counts.quarters).toBe(4);
    expect(counts.owners).toBe(16);
    expect(counts.audit_log).toBeGreaterThan(0);
    // Rows the migrations wrote (the holiday calendar) and rows triggers derive (a quarter's kept
    // counts) come once, as the source has them, not again from the target's own migrations and triggers.
    for (const table of ['public_calendar_days', 'quarter_counts'] as const) {
      const rows = async (db: typeof source) => (await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by 1`.execute(db.kysely)).rows;
      expect(await rows(target), table).toEqual(await rows(source));
    }
    const kept = await sql<{ units: number }>`select sum(units)::int as units from quarter_counts`.execute(target.kysely);
    expect(kept.rows[0].units).toBe(counts.units);
    const app = await buildApp({ db: target, webDir: null });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'community', password: 'test-password-1' } });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const q = await app.inject({ url: `/api/quarters/${sourceT.fx.q1}`, headers: { cookie } });
    expect(q.json().households).toBe(321);
    expect((await loadHashKey(target)).equals(await loadHashKey(source))).toBe(true);
    // A new audit entry gets an id after the copied ones.
    const maxBefore = (await target.kysely.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m;
    await app.inject({ method: 'PATCH', url: `/api/quarters/${sourceT.fx.q1}`, payload: { households: 322 }, headers: { cookie, 'x-csrf-token': login.json().csrfToken } });
    const maxAfter = (await target.kysely.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m;
    expect(Number(maxAfter)).toBeGreaterThan(Number(maxBefore));
    await expect(copyDatabase(source, target)).rejects.toThrow(/already has data/);
    await app.close();
    await sourceT.app.close();
    await source.close();
    await drop();
  });
});
