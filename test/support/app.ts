// A real application on a real database for API tests: PGlite in memory, or a fresh database
// on the throwaway PostgreSQL cluster when GONGZHI_TEST_DB=postgres. Each test file gets its
// own database and a small fixture of two districts with every role.
import { inject } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app';
import { logChannel, type Channel } from '../../src/server/modules/notifications';
import { migrate, openDatabase, type Db } from '../../src/server/db/index';
import { keyedHash, loadHashKey } from '../../src/server/platform/keys';
import { insertUser } from '../../src/server/modules/users/service';
import { makeIdNumber, maskIdNumber } from '../../src/core/idnumber';
import type { Role, ScopeLevel } from '../../src/server/platform/access';
import { createTestDatabase } from './pg-cluster';

export const PASSWORD = 'test-password-1';

export interface Fixture {
  districtA: string;
  districtB: string;
  streetA1: string;
  streetA2: string;
  streetB1: string;
  communityA1: string;
  communityA2: string;
  communityA3: string;
  communityB1: string;
  /** Q1 in A1, Q2 in A2 (same street), Q3 in A3 (other street), QB in district B. */
  q1: string;
  q2: string;
  q3: string;
  qb: string;
  buildings: Record<'q1' | 'q2' | 'q3' | 'qb', string[]>;
  units: Record<'q1' | 'q2' | 'q3' | 'qb', string[]>;
  owners: Record<'q1' | 'q2' | 'q3' | 'qb', string[]>;
  residents: Record<'q1' | 'q2' | 'q3' | 'qb', string[]>;
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  fx: Fixture;
  hashKey: Buffer;
  login(username: string, password?: string): Promise<Session>;
  /**
   * The text messages the server sent to phones (one-time codes), oldest first, as the log
   * channel wrote them: the tests read codes here, as a demo user reads the server log.
   */
  sms: { id: number; to: string; body: string; line: string }[];
  close(): Promise<void>;
}

export interface Session {
  cookie: string;
  csrf: string;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  upload(url: string, fileName: string, content: Buffer): Promise<LightMyRequestResponse>;
}

export const engine = (): 'pglite' | 'postgres' => (process.env.GONGZHI_TEST_DB === 'postgres' ? 'postgres' : 'pglite');

export async function openTestDb(): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (engine() === 'postgres') {
    const created = await createTestDatabase(inject('pgUrl'));
    const db = await openDatabase({ databaseUrl: created.url });
    return {
      db,
      drop: async () => {
        await db.close();
        await created.drop();
      },
    };
  }
  const db = await openDatabase({ dataDir: 'memory://' });
  return { db, drop: () => db.close() };
}

let idSeq = 100;
export function testIdNumber(): string {
  idSeq++;
  return makeIdNumber('330106', `19${60 + (idSeq % 40)}0${1 + (idSeq % 9)}15`, idSeq % 1000);
}

async function buildFixture(db: Db, hashKey: Buffer): Promise<Fixture> {
  const k = db.kysely;
  const ins = async <T extends Record<string, unknown>>(table: 'districts' | 'streets' | 'communities', values: T) =>
    (await k.insertInto(table).values(values as never).returning('id').executeTakeFirstOrThrow()).id as string;
  const districtA = await ins('districts', { name: '甲区' });
  const districtB = await ins('districts', { name: '乙区' });
  const streetA1 = await ins('streets', { district_id: districtA, name: '一街道' });
  const streetA2 = await ins('streets', { district_id: districtA, name: '二街道' });
  const streetB1 = await ins('streets', { district_id: districtB, name: '乙一街道' });
  const communityA1 = await ins('communities', { district_id: districtA, street_id: streetA1, name: '一社区' });
  const communityA2 = await ins('communities', { district_id: districtA, street_id: streetA1, name: '二社区' });
  const communityA3 = await ins('communities', { district_id: districtA, street_id: streetA2, name: '三社区' });
  const communityB1 = await ins('communities', { district_id: districtB, street_id: streetB1, name: '乙社区' });

  const buildings = {} as Fixture['buildings'];
  const units = {} as Fixture['units'];
  const owners = {} as Fixture['owners'];
  const residents = {} as Fixture['residents'];
  const quarter = async (key: 'q1' | 'q2' | 'q3' | 'qb', name: string, districtId: string, streetId: string, communityId: string) => {
    const q = await k
      .insertInto('quarters')
      .values({
        district_id: districtId,
        street_id: streetId,
        community_id: communityId,
        name,
        total_building_area: 1_000_000,
        delivered_area: 700_000,
        first_delivery_date: '2015-06-01',
        households: 120,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const common = { district_id: districtId, quarter_id: q.id };
    buildings[key] = [];
    units[key] = [];
    owners[key] = [];
    residents[key] = [];
    for (const b of ['1幢', '2幢']) {
      const row = await k.insertInto('buildings').values({ ...common, name: b, floors: 6 }).returning('id').executeTakeFirstOrThrow();
      buildings[key].push(row.id);
      for (const n of ['1-101', '1-102']) {
        const unit = await k.insertInto('units').values({ ...common, building_id: row.id, number: n, exclusive_area: 8953 }).returning('id').executeTakeFirstOrThrow();
        units[key].push(unit.id);
        const id = testIdNumber();
        const owner = await k
          .insertInto('owners')
          .values({ ...common, kind: 'person', name: `${name}业主${units[key].length}`, id_number_hash: keyedHash(hashKey, id), id_number_masked: maskIdNumber(id), phone: '13800001111' })
          .returning('id')
          .executeTakeFirstOrThrow();
        owners[key].push(owner.id);
        await k.insertInto('unit_owners').values({ ...common, unit_id: unit.id, owner_id: owner.id }).execute();
        const resident = await k
          .insertInto('residents')
          .values({ ...common, unit_id: unit.id, name: `${name}居民${units[key].length}`, kind: 'permanent', needs_care: units[key].length === 1, care_note: units[key].length === 1 ? '独居老人' : null })
          .returning('id')
          .executeTakeFirstOrThrow();
        residents[key].push(resident.id);
      }
    }
    return q.id;
  };
  const q1 = await quarter('q1', '一号小区', districtA, streetA1, communityA1);
  const q2 = await quarter('q2', '二号小区', districtA, streetA1, communityA2);
  const q3 = await quarter('q3', '三号小区', districtA, streetA2, communityA3);
  const qb = await quarter('qb', '乙号小区', districtB, streetB1, communityB1);

  const users: [string, Role, ScopeLevel, string, string?][] = [
    ['district', 'district_office', 'district', districtA],
    ['street', 'street_office', 'street', streetA1],
    ['community', 'community_office', 'community', communityA1],
    ['commissioner', 'commissioner', 'quarter', q1],
    ['committee', 'committee', 'quarter', q1],
    ['company', 'company', 'quarter', q1],
    ['owner', 'owner', 'quarter', q1, owners.q1[0]],
    ['department', 'department', 'district', districtA],
    ['party', 'party_secretary', 'quarter', q1],
    ['grid', 'grid_worker', 'quarter', q1],
    ['leader', 'building_leader', 'building', buildings.q1[0]],
    ['supervisor', 'supervisory', 'quarter', q1],
    ['districtB', 'district_office', 'district', districtB],
    ['commissioner2', 'commissioner', 'quarter', q2],
  ];
  for (const [username, role, level, scopeId, ownerId] of users) {
    await insertUser(k, { username, displayName: `测试${username}`, role, scopeLevel: level, scopeId, password: PASSWORD, ownerId: ownerId ?? null, phone: '13900000000' });
  }
  return { districtA, districtB, streetA1, streetA2, streetB1, communityA1, communityA2, communityA3, communityB1, q1, q2, q3, qb, buildings, units, owners, residents };
}

/**
 * `publicBoardJoinMs`: how old a read of a public board may be when it answers (the server's 50 ms
 * by default); 0 here, so that a test that writes and reads the board back at once sees its write.
 */
export async function createTestApp(options: { webDir?: string | null; publicBoardJoinMs?: number } = {}): Promise<TestApp> {
  const { db, drop } = await openTestDb();
  return createTestAppOn(db, { ...options, drop });
}

/** The test app and fixture on a database the caller opened. */
export async function createTestAppOn(db: Db, options: { webDir?: string | null; publicBoardJoinMs?: number; drop?: () => Promise<void> } = {}): Promise<TestApp> {
  const drop = options.drop ?? (async () => {});
  await migrate(db);
  const sms: TestApp['sms'] = [];
  const logged = logChannel((line) => {
    const last = sms.at(-1);
    if (last && !last.line) last.line = line;
  });
  const channel: Channel = async (m) => {
    sms.push({ id: m.id, to: m.to ?? '', body: m.body, line: '' });
    await logged(m);
  };
  const app = await buildApp({ db, webDir: options.webDir ?? null, rateLimitPerMinute: 1_000_000, sms: { kind: 'log', channel }, publicBoardJoinMs: options.publicBoardJoinMs ?? 0 });
  const hashKey = await loadHashKey(db);
  const fx = await buildFixture(db, hashKey);
  let ipSeq = 1;
  return {
    app,
    db,
    fx,
    hashKey,
    sms,
    async login(username, password = PASSWORD) {
      // Each session logs in from its own address, so login rate limits of one test do not
      // spill into another.
      const remoteAddress = `10.0.${Math.floor(ipSeq / 250)}.${(ipSeq++ % 250) + 1}`;
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const csrf = res.json().csrfToken as string;
      const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) =>
        app.inject({ method, url, payload: body as never, headers: { cookie, 'x-csrf-token': csrf, ...headers }, remoteAddress });
      return {
        cookie,
        csrf,
        get: (url, headers) => send('GET', url, undefined, headers),
        post: (url, body, headers) => send('POST', url, body ?? {}, headers),
        patch: (url, body, headers) => send('PATCH', url, body ?? {}, headers),
        delete: (url, headers) => send('DELETE', url, undefined, headers),
        upload: (url, fileName, content) => {
          const boundary = '----gongzhi-test-boundary';
          const payload = Buffer.concat([
            Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
            content,
            Buffer.from(`\r\n--${boundary}--\r\n`),
          ]);
          return app.inject({
            method: 'POST',
            url,
            payload,
            headers: { cookie, 'x-csrf-token': csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
            remoteAddress,
          });
        },
      };
    },
    async close() {
      await app.close();
      await drop();
    },
  };
}
