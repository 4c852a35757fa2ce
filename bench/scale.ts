/**
 * A district at scale (issue 9): the GET routes the staff pages call, for one quarter and for the
 * district, timed on a district of 20 quarters and on one of 2,000, on PGlite and on PostgreSQL.
 * For each route it prints the median at each size and the ratio of the largest to the smallest:
 * a page about one quarter should cost what that quarter costs (aim ≤ 1.5×), and a district-wide
 * page should stay within its page size.
 *
 *   npm run bench -- scale                          (20 and 2,000 quarters, both engines)
 *   npm run bench -- scale --quarters 20,200        (a quicker run)
 *   npm run bench -- scale --engines pglite --runs 7
 *   npm run bench -- scale --writer bulk            (write the districts set-based: minutes faster)
 *
 * Each district is written by the same code as `gongzhi seed --scale N` (writeDistrict), plus
 * 20 audit entries a quarter so the audit log has a district's worth of rows; the planner's
 * statistics are what the product leaves (PGlite runs no autovacuum: see docs/scaling.md).
 * `--writer bulk` writes a district of the same shape with INSERT … SELECT instead
 * (test/support/scale-district.ts: 360 units a quarter), for runs on a busy machine. The quarter timed
 * is the one whose unit count is nearest the district's median, so the two sizes compare like
 * with like. The server runs in this process (app.inject, no sockets). Both districts stay open
 * and their calls take turns, so that a busy machine weighs on both sizes alike; every route is
 * called once to warm up, then `runs` times or until it has taken 20 s a district, and the
 * median is kept.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app';
import { migrate, openDatabase, type Db } from '../src/server/db/index';
import { loadHashKey } from '../src/server/platform/keys';
import { insertUser } from '../src/server/modules/users/service';
import { planDemo } from '../src/server/seed/generate';
import { writeDistrict } from '../src/server/seed/write';
import { createTestDatabase, startThrowawayCluster, type ThrowawayCluster } from '../test/support/pg-cluster';
import { writeScaleDistrict } from '../test/support/scale-district';

const PASSWORD = 'bench-password-1';
const BUDGET_MS = 20_000;

const { values: opts } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== 'scale'),
  options: {
    quarters: { type: 'string', default: '20,2000' },
    engines: { type: 'string', default: 'pglite,postgres' },
    runs: { type: 'string', default: '5' },
    writer: { type: 'string', default: 'seed' },
  },
  allowPositionals: true,
});
const SIZES = opts.quarters.split(',').map(Number);
const ENGINES = opts.engines.split(',') as ('pglite' | 'postgres')[];
const RUNS = Number(opts.runs);
const WRITER = opts.writer === 'bulk' ? 'bulk' : 'seed';
if (SIZES.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(RUNS) || RUNS < 1) {
  throw new Error('--quarters takes whole numbers (e.g. 20,2000), --runs a whole number');
}

/**
 * The routes, as the staff pages call them; `:q` is the quarter timed. A route `as: 'quarter'` is
 * called by the timed quarter's grid worker (its own inbox), the others by the district office.
 */
const ROUTES: { scope: 'quarter' | 'district'; url: string; as?: 'quarter' }[] = [
  { scope: 'quarter', url: '/api/quarters/:q' },
  { scope: 'quarter', url: '/api/quarters/:q/dossier' },
  { scope: 'quarter', url: '/api/quarters/:q/buildings' },
  { scope: 'quarter', url: '/api/quarters/:q/units?page=1&pageSize=20' },
  { scope: 'quarter', url: '/api/quarters/:q/units?page=10&pageSize=20&q=1' },
  { scope: 'quarter', url: '/api/quarters/:q/owners?page=1&pageSize=20' },
  { scope: 'quarter', url: '/api/quarters/:q/owners?page=1&pageSize=20&q=王' },
  { scope: 'quarter', url: '/api/quarters/:q/residents' },
  { scope: 'quarter', url: '/api/quarters/:q/organizations' },
  { scope: 'quarter', url: '/api/quarters/:q/checks' },
  { scope: 'quarter', url: '/api/votes?quarterId=:q' },
  { scope: 'quarter', url: '/api/audit?quarterId=:q' },
  { scope: 'quarter', url: '/api/quarters/:q/export' },
  { scope: 'quarter', url: '/api/inbox?pageSize=20', as: 'quarter' },
  { scope: 'quarter', url: '/api/cases?quarterId=:q' },
  { scope: 'quarter', url: '/api/proposals?quarterId=:q' },
  { scope: 'quarter', url: '/api/meetings?quarterId=:q' },
  { scope: 'quarter', url: '/api/fund-projects?quarterId=:q' },
  { scope: 'quarter', url: '/api/quarters/:q/ledger' },
  { scope: 'district', url: '/api/quarters' },
  { scope: 'district', url: '/api/places/tree' },
  { scope: 'district', url: '/api/places/tree?depth=community' },
  { scope: 'district', url: '/api/search?q=王' },
  { scope: 'district', url: '/api/search?q=王&page=5' },
  { scope: 'district', url: '/api/search?q=4321' },
  { scope: 'district', url: '/api/search?q=102' },
  { scope: 'district', url: '/api/organizations/actions' },
  { scope: 'district', url: '/api/audit' },
  { scope: 'district', url: '/api/votes' },
  { scope: 'district', url: '/api/votes?page=2&pageSize=20' },
  { scope: 'district', url: '/api/quarters?sort=unitCount&order=desc&pageSize=20' },
  { scope: 'district', url: '/api/users?pageSize=20' },
  { scope: 'district', url: '/api/users?page=3&pageSize=20&role=grid_worker&q=规模1' },
  { scope: 'district', url: '/api/inbox?pageSize=20' },
  { scope: 'district', url: '/api/inbox?page=5&pageSize=20' },
  { scope: 'district', url: '/api/cases' },
  { scope: 'district', url: '/api/proposals' },
  { scope: 'district', url: '/api/meetings' },
  { scope: 'district', url: '/api/actions' },
  { scope: 'district', url: '/api/proposals?page=2&pageSize=20' },
  { scope: 'district', url: '/api/meetings?page=2&pageSize=20' },
  { scope: 'district', url: '/api/actions?page=2&pageSize=20' },
];

/** A route as printed: the same address called by the quarter's account is another row. */
const keyOf = (route: (typeof ROUTES)[number]) => (route.as === 'quarter' ? `${route.url} (the quarter's grid worker)` : route.url);

/**
 * Routes whose first call does work the later ones read (the to-do list judges the quarters it
 * keeps: docs/scaling.md); their first call is printed apart, as the first call of a day costs.
 */
const FIRST_CALLS = ['/api/organizations/actions'];

interface Timing {
  median: number;
  bytes: number;
  status: number;
}

/** A district of `quarters` generated quarters in one community, written set-based. */
async function writeBulk(db: Db, quarters: number) {
  const k = db.kysely;
  const d = await k.insertInto('districts').values({ name: `规模区${quarters}` }).returning('id').executeTakeFirstOrThrow();
  const s = await k.insertInto('streets').values({ district_id: d.id, name: '规模街道' }).returning('id').executeTakeFirstOrThrow();
  const c = await k.insertInto('communities').values({ district_id: d.id, street_id: s.id, name: '规模社区' }).returning('id').executeTakeFirstOrThrow();
  await writeScaleDistrict(k, { districtA: d.id, streetA1: s.id, communityA1: c.id }, quarters);
  const count = async (table: 'units' | 'owners') => Number((await k.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  return { districtId: d.id, units: await count('units'), owners: await count('owners') };
}

/**
 * What the later lists read, a district's worth of it: a grid worker's account a quarter with 30
 * items in its inbox, 600 items in the district office's inbox, and a quarter's few proposals,
 * joint meetings and fund projects in every quarter.
 */
async function writeAccountsAndModules(db: Db, districtId: string) {
  const k = db.kysely;
  await sql`
    INSERT INTO users (username, password_hash, display_name, role, scope_level, scope_id, district_id, street_id, community_id, quarter_id)
    SELECT 'g-' || q.id, 'x', '网格员' || q.name, 'grid_worker', 'quarter', q.id, q.district_id, q.street_id, q.community_id, q.id
    FROM quarters q WHERE q.district_id = ${districtId}`.execute(k);
  await sql`
    INSERT INTO inbox_items (user_id, district_id, quarter_id, kind, title, due_at, read_at)
    SELECT u.id, u.district_id, u.quarter_id, 'bench', '提醒' || n, now() + n * interval '1 day', CASE WHEN n % 2 = 0 THEN now() END
    FROM users u CROSS JOIN generate_series(1, 30) n WHERE u.district_id = ${districtId} AND u.role = 'grid_worker'`.execute(k);
  await sql`
    INSERT INTO inbox_items (user_id, district_id, kind, title, due_at, read_at)
    SELECT u.id, u.district_id, 'bench', '待办' || n, now() + n * interval '1 hour', CASE WHEN n % 2 = 0 THEN now() END
    FROM users u CROSS JOIN generate_series(1, 600) n WHERE u.username = 'bench-district'`.execute(k);
  await sql`
    INSERT INTO proposals (district_id, street_id, community_id, quarter_id, title, channel, raised_by_name, raised_by_role, created_at)
    SELECT q.district_id, q.street_id, q.community_id, q.id, '议题' || n, 'visit', '网格员', 'grid_worker', now() - n * interval '1 day'
    FROM quarters q CROSS JOIN generate_series(1, 5) n WHERE q.district_id = ${districtId}`.execute(k);
  await sql`
    INSERT INTO joint_meetings (district_id, street_id, community_id, quarter_id, kind, title, starts_at)
    SELECT q.district_id, q.street_id, q.community_id, q.id, 'regular', '联席会议' || n, now() + n * interval '7 days'
    FROM quarters q CROSS JOIN generate_series(1, 3) n WHERE q.district_id = ${districtId}`.execute(k);
  await sql`
    INSERT INTO fund_projects (district_id, street_id, community_id, quarter_id, title, amount_fen, category, threshold_fen, large)
    SELECT q.district_id, q.street_id, q.community_id, q.id, '维修项目' || n, 100000 * n, 'use.repairs', 5000000, false
    FROM quarters q CROSS JOIN generate_series(1, 3) n WHERE q.district_id = ${districtId}`.execute(k);
  for (const table of ['users', 'inbox_items', 'proposals', 'joint_meetings', 'fund_projects']) await sql`ANALYZE ${sql.id(table)}`.execute(k);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function openEngine(engine: 'pglite' | 'postgres', cluster: () => Promise<ThrowawayCluster>): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (engine === 'pglite') {
    const db = await openDatabase({ dataDir: 'memory://' });
    return { db, drop: () => db.close() };
  }
  const created = await createTestDatabase((await cluster()).url);
  const db = await openDatabase({ databaseUrl: created.url });
  return {
    db,
    drop: async () => {
      await db.close();
      await created.drop();
    },
  };
}

interface District {
  quarters: number;
  call(url: string, as?: 'district' | 'quarter'): Promise<{ ms: number; bytes: number; status: number }>;
  close(): Promise<void>;
}

/** Writes a district of `quarters` on a database of its own and logs a district office in. */
async function openDistrict(engine: 'pglite' | 'postgres', quarters: number, cluster: () => Promise<ThrowawayCluster>): Promise<District> {
  const { db, drop } = await openEngine(engine, cluster);
  try {
    await migrate(db);
    const hashKey = await loadHashKey(db);
    const t0 = performance.now();
    const written = WRITER === 'seed' ? await writeDistrict(db.kysely, hashKey, planDemo({ scale: quarters, seed: 9 })) : await writeBulk(db, quarters);
    // A district's worth of audit entries: 20 a quarter.
    await sql`
      INSERT INTO audit_log (at, username, action, entity, entity_id, district_id, street_id, community_id, quarter_id, after)
      SELECT now() - make_interval(mins => g), 'bench', 'update', 'unit', u.id::text, q.district_id, q.street_id, q.community_id, q.id, '{}'::jsonb
      FROM quarters q CROSS JOIN generate_series(1, 20) g
      JOIN LATERAL (SELECT id FROM units WHERE quarter_id = q.id ORDER BY id LIMIT 1 OFFSET g) u ON true
      WHERE q.district_id = ${written.districtId}`.execute(db.kysely);
    if (WRITER === 'bulk') await sql`ANALYZE`.execute(db.kysely);
    const seeded = (performance.now() - t0) / 1000;
    await insertUser(db.kysely, { username: 'bench-district', displayName: '区三方办', role: 'district_office', scopeLevel: 'district', scopeId: written.districtId, password: PASSWORD, phone: null, ownerId: null });
    const { id: quarterId, n } = await db.kysely
      .selectFrom('units')
      .select(['quarter_id as id', sql<number>`count(*)`.as('n')])
      .groupBy('quarter_id')
      .orderBy(sql`abs(count(*) - ${Math.round(written.units / quarters)})`)
      .limit(1)
      .executeTakeFirstOrThrow();
    await insertUser(db.kysely, { username: 'bench-quarter', displayName: '网格员', role: 'grid_worker', scopeLevel: 'quarter', scopeId: quarterId, password: PASSWORD, phone: null, ownerId: null });
    await writeAccountsAndModules(db, written.districtId);
    console.log(`  ${engine}, ${quarters} quarters: ${written.units} units, ${written.owners} owners, written in ${seeded.toFixed(1)} s; timing a quarter of ${n} units`);
    const app = await buildApp({ db, webDir: null, rateLimitPerMinute: 1_000_000_000 });
    const cookieOf = async (username: string) => {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
      if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
      return String(login.headers['set-cookie']).split(';')[0];
    };
    const cookies = { district: await cookieOf('bench-district'), quarter: await cookieOf('bench-quarter') };
    return {
      quarters,
      async call(url, as = 'district') {
        const t = performance.now();
        const res = await app.inject({ method: 'GET', url: encodeURI(url.replace(':q', quarterId)), headers: { cookie: cookies[as] } });
        return { ms: performance.now() - t, bytes: res.rawPayload.length, status: res.statusCode };
      },
      async close() {
        await app.close();
        await drop();
      },
    };
  } catch (err) {
    await drop();
    throw err;
  }
}

/**
 * Times every route on every district, the districts' calls taking turns (small, large, small,
 * large …), so that whatever else the machine is doing weighs on each size alike.
 */
async function measure(districts: District[]): Promise<{ results: Map<number, Map<string, Timing>>; first: Map<string, number[]> }> {
  const results = new Map(districts.map((d) => [d.quarters, new Map<string, Timing>()]));
  const first = new Map<string, number[]>();
  for (const route of ROUTES) {
    const times = districts.map(() => [] as number[]);
    const last: Awaited<ReturnType<District['call']>>[] = [];
    for (const d of districts) last.push(await d.call(route.url, route.as)); // warm-up
    if (FIRST_CALLS.includes(route.url)) first.set(route.url, last.map((r) => r.ms));
    const started = performance.now();
    while (times[0].length < RUNS && (times[0].length === 0 || performance.now() - started < BUDGET_MS * districts.length)) {
      for (const [i, d] of districts.entries()) {
        const r = await d.call(route.url, route.as);
        times[i].push(r.ms);
        last[i] = r;
      }
    }
    districts.forEach((d, i) => results.get(d.quarters)!.set(keyOf(route), { median: median(times[i]), bytes: last[i].bytes, status: last[i].status }));
  }
  return { results, first };
}

const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const fmtBytes = (b: number) => (b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(1)} MB` : b >= 1024 ? `${(b / 1024).toFixed(1)} KB` : `${b} B`);

let clusterPromise: Promise<ThrowawayCluster> | null = null;
const cluster = () => (clusterPromise ??= startThrowawayCluster());
try {
  for (const engine of ENGINES) {
    console.log(`\nscale bench on ${engine}: ${SIZES.join(' and ')} quarters (${WRITER} writer), median of ${RUNS} runs`);
    const districts: District[] = [];
    let bySize: Map<number, Map<string, Timing>>;
    let first: Map<string, number[]>;
    try {
      for (const n of SIZES) districts.push(await openDistrict(engine, n, cluster));
      ({ results: bySize, first } = await measure(districts));
    } finally {
      for (const d of districts) await d.close();
    }
    const small = bySize.get(SIZES[0])!;
    const large = bySize.get(SIZES[SIZES.length - 1])!;
    const rows = ROUTES.map((r) => {
      const a = small.get(keyOf(r))!;
      const b = large.get(keyOf(r))!;
      return [r.scope, keyOf(r), ...SIZES.map((n) => fmtMs(bySize.get(n)!.get(keyOf(r))!.median)), `${(b.median / a.median).toFixed(2)}×`, fmtBytes(b.bytes), b.status === 200 ? '' : `HTTP ${b.status}`];
    });
    const head = ['scope', 'route', ...SIZES.map((n) => `@${n}`), 'ratio', `answer @${SIZES[SIZES.length - 1]}`, ''];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    for (const r of [head, ...rows]) console.log(r.map((c, i) => (i >= 2 && i < head.length - 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  '));
    for (const [url, ms] of first) console.log(`first call of ${url}: ${SIZES.map((n, i) => `${fmtMs(ms[i])} @${n}`).join(', ')}`);
  }
} finally {
  if (clusterPromise) await (await clusterPromise).stop();
}
