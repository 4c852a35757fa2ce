/**
 * Cases at district scale (issue 12): a department's queue over a district of 2,000 quarters
 * with 100,000 cases, through the HTTP API (GET /api/cases as the department's account), next to
 * the bare SQL of the same page in the same run. The ratio is the figure (aim ≤ 2×): what the
 * route adds to the query (session, scope, queue, quarter names, serialisation).
 *
 *   npm run bench -- cases                                   (PGlite, 2,000 quarters, 100,000 cases)
 *   npm run bench -- cases --engines pglite,postgres --quarters 2000 --cases 100000 --runs 15
 *
 * The district is written set-based (quarters without units: the queue reads no unit), the
 * cases spread over the quarters and the default categories, every 7th status; the account
 * belongs to 住房和城乡建设部门, whose categories take about one case in twelve. Then the
 * district office's supervision dashboard of the whole district and of one quarter.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app';
import { migrate, openDatabase, type Db } from '../src/server/db/index';
import { insertUser } from '../src/server/modules/users/service';
import { DEFAULT_CATEGORIES } from '../src/core/cases/categories';
import { createTestDatabase, startThrowawayCluster, type ThrowawayCluster } from '../test/support/pg-cluster';

const PASSWORD = 'bench-password-1';
const DEPARTMENT = '住房和城乡建设部门';

const { values: opts } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== 'cases'),
  options: {
    quarters: { type: 'string', default: '2000' },
    cases: { type: 'string', default: '100000' },
    engines: { type: 'string', default: 'pglite' },
    runs: { type: 'string', default: '15' },
  },
  allowPositionals: true,
});
const QUARTERS = Number(opts.quarters);
const CASES = Number(opts.cases);
const RUNS = Number(opts.runs);
const ENGINES = opts.engines.split(',') as ('pglite' | 'postgres')[];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

let clusterPromise: Promise<ThrowawayCluster> | null = null;
async function openEngine(engine: 'pglite' | 'postgres'): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (engine === 'pglite') {
    const db = await openDatabase({ dataDir: 'memory://' });
    return { db, drop: () => db.close() };
  }
  const created = await createTestDatabase((await (clusterPromise ??= startThrowawayCluster())).url);
  const db = await openDatabase({ databaseUrl: created.url });
  return { db, drop: async () => (await db.close(), await created.drop()) };
}

async function writeDistrict(db: Db) {
  const k = db.kysely;
  const d = await k.insertInto('districts').values({ name: `诉求规模区${QUARTERS}` }).returning('id').executeTakeFirstOrThrow();
  const s = await k.insertInto('streets').values({ district_id: d.id, name: '规模街道' }).returning('id').executeTakeFirstOrThrow();
  const c = await k.insertInto('communities').values({ district_id: d.id, street_id: s.id, name: '规模社区' }).returning('id').executeTakeFirstOrThrow();
  await sql`
    INSERT INTO quarters (district_id, street_id, community_id, name, total_building_area, delivered_area, households)
    SELECT ${d.id}::uuid, ${s.id}::uuid, ${c.id}::uuid, '规模小区' || g, 1000000, 900000, 300 FROM generate_series(1, ${QUARTERS}) g`.execute(k);
  const codes = DEFAULT_CATEGORIES.map((x) => x.code);
  const kinds = DEFAULT_CATEGORIES.map((x) => x.handler.kind);
  const depts = DEFAULT_CATEGORIES.map((x) => x.handler.department ?? '');
  const statuses = ['received', 'acknowledged', 'assigned', 'in_progress', 'replied', 'reopened', 'closed'];
  await sql`
    WITH q AS (SELECT id, district_id, street_id, community_id, row_number() OVER (ORDER BY id) - 1 AS n FROM quarters WHERE district_id = ${d.id}),
         c AS (SELECT g, (g % ${codes.length}) + 1 AS cat, (g % 7) + 1 AS st FROM generate_series(1, ${CASES}) g)
    INSERT INTO cases (district_id, street_id, community_id, quarter_id, tracking_code, category, category_name, citation, description, channel, status,
                       handler_kind, handler_department, received_at, acknowledge_due_at, resolve_due_at)
    SELECT q.district_id, q.street_id, q.community_id, q.id, 'B' || lpad(c.g::text, 11, '0'),
           (${codes}::text[])[c.cat], (${codes}::text[])[c.cat], '湘建房〔2021〕231号 附件', '规模测试诉求', 'phone', (${statuses}::text[])[c.st],
           (${kinds}::text[])[c.cat], nullif((${depts}::text[])[c.cat], ''),
           now() - make_interval(mins => c.g), now() - make_interval(mins => c.g) + interval '1 day', now() - make_interval(mins => c.g) + interval '7 days'
    FROM c JOIN q ON q.n = c.g % ${QUARTERS}`.execute(k);
  await sql`ANALYZE`.execute(k);
  return d.id;
}

/**
 * The supervision dashboard (GET /api/dashboard) of the district office over the same district:
 * every module's card of the whole district (the cases' five queries read all its cases), and of
 * one quarter. The time per request, median of the runs.
 */
async function dashboard(app: Awaited<ReturnType<typeof buildApp>>, db: Db, districtId: string) {
  await insertUser(db.kysely, { username: 'bench-district', displayName: '区三方办', role: 'district_office', scopeLevel: 'district', scopeId: districtId, password: PASSWORD, phone: null, ownerId: null });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench-district', password: PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
  const cookie = String(login.headers['set-cookie']).split(';')[0];
  const quarter = await db.kysely.selectFrom('quarters').select('id').where('district_id', '=', districtId).orderBy('id').limit(1).executeTakeFirstOrThrow();
  for (const [label, url] of [
    ['the district', '/api/dashboard'],
    ['one quarter', `/api/dashboard?placeId=${quarter.id}`],
  ]) {
    const times: number[] = [];
    let status = 0;
    for (let i = 0; i <= RUNS; i++) {
      const t = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      status = res.statusCode;
      if (i) times.push(performance.now() - t);
    }
    console.log(`  GET /api/dashboard of ${label.padEnd(12)} ${median(times).toFixed(1).padStart(7)} ms${status === 200 ? '' : `   HTTP ${status}`}`);
  }
}

try {
  for (const engine of ENGINES) {
    const { db, drop } = await openEngine(engine);
    try {
      await migrate(db);
      const t0 = performance.now();
      const districtId = await writeDistrict(db);
      const user = await insertUser(db.kysely, { username: 'bench-dept', displayName: '区住建局', role: 'department', scopeLevel: 'district', scopeId: districtId, password: PASSWORD, phone: null, ownerId: null });
      await db.kysely.insertInto('case_department_members').values({ user_id: user.id, district_id: districtId, department: DEPARTMENT }).execute();
      const queue = Number((await db.kysely.selectFrom('cases').select(sql<number>`count(*)`.as('n')).where('handler_department', '=', DEPARTMENT).executeTakeFirstOrThrow()).n);
      console.log(`\ncases bench on ${engine}: ${QUARTERS} quarters, ${CASES} cases (${queue} of them ${DEPARTMENT}'s), written in ${((performance.now() - t0) / 1000).toFixed(1)} s; median of ${RUNS} runs`);
      const app = await buildApp({ db, webDir: null, rateLimitPerMinute: 1_000_000_000 });
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench-dept', password: PASSWORD } });
      if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
      const cookie = String(login.headers['set-cookie']).split(';')[0];
      // The bare SQL of the same page: the queue's rows and its total, as the route asks them.
      const bare = async (page: number, status?: string) => {
        let q = db.kysely
          .selectFrom('cases')
          .where('district_id', '=', districtId)
          .where('handler_kind', '=', 'department')
          .where('handler_department', '=', DEPARTMENT);
        if (status) q = q.where('status', '=', status);
        await Promise.all([
          q.selectAll().orderBy('received_at', 'desc').orderBy('id').limit(50).offset((page - 1) * 50).execute(),
          q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
        ]);
      };
      const cases: { label: string; url: string; page: number; status?: string }[] = [
        { label: 'page 1', url: '/api/cases?page=1&pageSize=50', page: 1 },
        { label: 'page 20', url: '/api/cases?page=20&pageSize=50', page: 20 },
        { label: 'status=assigned', url: '/api/cases?status=assigned&page=1&pageSize=50', page: 1, status: 'assigned' },
      ];
      for (const c of cases) {
        const api: number[] = [];
        const raw: number[] = [];
        let status = 0;
        for (let i = 0; i <= RUNS; i++) {
          let t = performance.now();
          const res = await app.inject({ method: 'GET', url: c.url, headers: { cookie } });
          status = res.statusCode;
          if (i) api.push(performance.now() - t);
          t = performance.now();
          await bare(c.page, c.status);
          if (i) raw.push(performance.now() - t);
        }
        const a = median(api);
        const b = median(raw);
        console.log(`  GET /api/cases ${c.label.padEnd(16)} API ${a.toFixed(1).padStart(7)} ms   bare SQL ${b.toFixed(1).padStart(7)} ms   ratio ${(a / b).toFixed(2)}×${status === 200 ? '' : `   HTTP ${status}`}`);
      }
      await dashboard(app, db, districtId);
      await app.close();
    } finally {
      await drop();
    }
  }
} finally {
  if (clusterPromise) await (await clusterPromise).stop();
}
