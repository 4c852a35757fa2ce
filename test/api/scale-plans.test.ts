// A district of a few hundred quarters, and the plans of the queries the staff pages run: a page
// about one quarter must read that quarter's rows through an index, never a whole table of the
// district (issue 9, docs/scaling.md). The district is written set-based (support/scale-district)
// so that it takes seconds; the queries the routes run are captured through a
// Kysely plugin and each SELECT is explained with its own parameters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery, PostgresQueryCompiler, sql, type KyselyPlugin } from 'kysely';
import { createTestAppOn, openTestDb, type Session, type TestApp } from '../support/app';
import { writeScaleDistrict } from '../support/scale-district';

const QUARTERS = 200;
/** The tables that grow with the district: a plan may not read any of them whole. */
const BIG = new Set(['units', 'owners', 'unit_owners', 'residents', 'buildings', 'audit_log', 'cases', 'deliberation_actions']);
/** Deliberation's (issue 13): every quarter's proposals, meetings and actions, year after year. */
for (const table of ['proposals', 'joint_meetings', 'joint_meeting_resolutions']) BIG.add(table);
/** The cases module's hazards, disputes and patrols (issue 9: every list paged). */
for (const table of ['hazards', 'disputes', 'patrols']) BIG.add(table);
/** Cases and joint meetings' actions of each quarter (the dashboard's cards count them). */
const CASES_PER_QUARTER = 50;
const ACTIONS_PER_QUARTER = 5;

const captured: CompiledQuery[] = [];
let capturing = false;
const compiler = new PostgresQueryCompiler();
const capture: KyselyPlugin = {
  transformQuery(args) {
    if (capturing && args.node.kind === 'SelectQueryNode') captured.push(compiler.compileQuery(args.node, args.queryId));
    return args.node;
  },
  async transformResult(args) {
    return args.result;
  },
};

let t: TestApp;
let district: Session;
let quarterId: string;

beforeAll(async () => {
  const { db, drop } = await openTestDb();
  const plain = db.kysely;
  t = await createTestAppOn({ ...db, kysely: plain.withPlugin(capture) }, { drop });
  const started = Date.now();
  await writeScaleDistrict(plain, t.fx, QUARTERS);
  const row = await plain.selectFrom('quarters').select('id').where('name', '=', `规模${Math.floor(QUARTERS / 2)}苑`).executeTakeFirstOrThrow();
  quarterId = row.id;
  await writeAccountsAndInbox(plain);
  await writeCasesAndActions(plain);
  await writeFinance(plain);
  await writeDeliberation(plain);
  await writeSafety(plain);
  district = await t.login('district');
  console.log(`scale-plans: ${QUARTERS} quarters written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}, 120_000);

/**
 * Two accounts a quarter (a commissioner linked to the quarter's appointment, a grid worker), and
 * a long inbox of the district's account: the lists that page them (GET /api/users, /api/inbox).
 */
async function writeAccountsAndInbox(db: TestApp['db']['kysely']) {
  await sql`
    INSERT INTO commissioners (district_id, quarter_id, name, phone, started_on, ended_on)
    SELECT q.district_id, q.id, '专员' || q.name, '13900000000', '2024-01-01', CASE WHEN substring(q.name from '[0-9]+')::int % 3 = 0 THEN DATE '2025-01-01' END
    FROM quarters q WHERE q.name LIKE '规模%'`.execute(db);
  await sql`
    INSERT INTO users (username, password_hash, display_name, role, scope_level, scope_id, district_id, street_id, community_id, quarter_id, office_kind, office_id)
    SELECT 'c-' || c.id, 'x', c.name, 'commissioner', 'quarter', c.quarter_id, q.district_id, q.street_id, q.community_id, q.id, 'commissioner', c.id
    FROM commissioners c JOIN quarters q ON q.id = c.quarter_id WHERE q.name LIKE '规模%'`.execute(db);
  await sql`
    INSERT INTO users (username, password_hash, display_name, role, scope_level, scope_id, district_id, street_id, community_id, quarter_id)
    SELECT 'g-' || q.id, 'x', '网格员' || q.name, 'grid_worker', 'quarter', q.id, q.district_id, q.street_id, q.community_id, q.id
    FROM quarters q WHERE q.name LIKE '规模%'`.execute(db);
  await sql`
    INSERT INTO inbox_items (user_id, district_id, kind, title, due_at, read_at)
    SELECT u.id, u.district_id, 'scale', '待办' || n, now() + n * interval '1 hour', CASE WHEN n % 2 = 0 THEN now() END
    FROM users u, generate_series(1, 600) n WHERE u.username = 'district'`.execute(db);
  // The other accounts' items, which the district's inbox must not read.
  await sql`
    INSERT INTO inbox_items (user_id, district_id, kind, title, due_at)
    SELECT u.id, u.district_id, 'scale', '提醒' || n, now() + n * interval '1 day'
    FROM users u, generate_series(1, 30) n WHERE u.username LIKE 'g-%'`.execute(db);
  await sql`ANALYZE users`.execute(db);
  await sql`ANALYZE inbox_items`.execute(db);
}

/**
 * Cases in every status, a seventh of them past their limits, and the actions of one held joint
 * meeting a quarter, some overdue: what the supervision dashboard counts (GET /api/dashboard).
 */
async function writeCasesAndActions(db: TestApp['db']['kysely']) {
  const statuses = ['received', 'acknowledged', 'assigned', 'in_progress', 'replied', 'reopened', 'closed'];
  await sql`
    INSERT INTO cases (district_id, street_id, community_id, quarter_id, tracking_code, category, category_name, citation, description, channel, status,
                       handler_kind, received_at, acknowledge_due_at, resolve_due_at, acknowledged_at, replied_at, rating)
    SELECT q.district_id, q.street_id, q.community_id, q.id, 'S' || lpad((row_number() OVER ())::text, 11, '0'), 'property-service', '物业服务', 'T/ZAS 4006.1—2020 7.1.2', '规模测试诉求', 'phone',
           (${statuses}::text[])[g % 7 + 1], 'company', now() - make_interval(days => g), now() - make_interval(days => g) + interval '1 day', now() - make_interval(days => g) + interval '7 days',
           CASE WHEN g % 7 > 0 THEN now() - make_interval(days => g) + interval '2 hours' END,
           CASE WHEN g % 7 >= 4 THEN now() - make_interval(days => g) + interval '20 hours' END,
           CASE WHEN g % 7 = 6 THEN 'satisfied' END
    FROM quarters q CROSS JOIN generate_series(1, ${CASES_PER_QUARTER}) g WHERE q.name LIKE '规模%苑'`.execute(db);
  await sql`
    INSERT INTO joint_meetings (district_id, street_id, community_id, quarter_id, kind, title, starts_at, status, minutes, held_at)
    SELECT q.district_id, q.street_id, q.community_id, q.id, 'regular', '联席会议', now() - interval '60 days', 'held', '纪要', now() - interval '60 days'
    FROM quarters q WHERE q.name LIKE '规模%苑'`.execute(db);
  await sql`
    INSERT INTO joint_meeting_resolutions (meeting_id, district_id, quarter_id, position, text)
    SELECT m.id, m.district_id, m.quarter_id, g, '决议' || g FROM joint_meetings m CROSS JOIN generate_series(1, ${ACTIONS_PER_QUARTER}) g WHERE m.title = '联席会议'`.execute(db);
  await sql`
    INSERT INTO deliberation_actions (resolution_id, meeting_id, district_id, street_id, community_id, quarter_id, title, responsible, due_date, status)
    SELECT r.id, m.id, m.district_id, m.street_id, m.community_id, m.quarter_id, r.text, 'company', current_date + (r.position * 10 - 25), CASE WHEN r.position = 5 THEN 'in_progress' ELSE 'open' END
    FROM joint_meeting_resolutions r JOIN joint_meetings m ON m.id = r.meeting_id WHERE m.title = '联席会议'`.execute(db);
  await sql`ANALYZE cases`.execute(db);
  await sql`ANALYZE deliberation_actions`.execute(db);
}

/**
 * The finance module's records of every quarter: 30 entries of the public-revenue ledger with two
 * lines each, three fund-use projects and two half-yearly disclosures, so that the finance lists
 * of one quarter are measured against a district's books (docs/scaling.md).
 */
async function writeFinance(db: TestApp['db']['kysely']) {
  await sql`
    INSERT INTO ledger_entries (district_id, street_id, community_id, quarter_id, seq, entry_date, memo, booked_by_name, hash)
    SELECT q.district_id, q.street_id, q.community_id, q.id, n, DATE '2025-01-01' + n * 7, '停车费' || n, '测试', md5(q.id::text || n)
    FROM quarters q, generate_series(1, 30) n WHERE q.name LIKE '规模%'`.execute(db);
  await sql`
    INSERT INTO ledger_lines (entry_id, position, district_id, quarter_id, account, debit_fen, credit_fen)
    SELECT e.id, p, e.district_id, e.quarter_id, CASE p WHEN 1 THEN 'asset.bank' ELSE 'income.parking' END, CASE p WHEN 1 THEN 10000 ELSE 0 END, CASE p WHEN 1 THEN 0 ELSE 10000 END
    FROM ledger_entries e, generate_series(1, 2) p`.execute(db);
  await sql`
    INSERT INTO fund_projects (district_id, street_id, community_id, quarter_id, title, amount_fen, category, threshold_fen, large)
    SELECT q.district_id, q.street_id, q.community_id, q.id, '维修项目' || n, 100000 * n, 'use.repairs', 5000000, false
    FROM quarters q, generate_series(1, 3) n WHERE q.name LIKE '规模%'`.execute(db);
  await sql`
    INSERT INTO disclosures (district_id, street_id, community_id, quarter_id, period, status, figures, income_fen, spending_fen, balance_fen, published_at)
    SELECT q.district_id, q.street_id, q.community_id, q.id, p, 'published', '{}'::jsonb, 0, 0, 0, now()
    FROM quarters q, unnest(ARRAY['2025H1', '2025H2']) p WHERE q.name LIKE '规模%'`.execute(db);
  for (const table of ['ledger_entries', 'ledger_lines', 'fund_projects', 'disclosures']) await sql`ANALYZE ${sql.table(table)}`.execute(db);
}

/**
 * A few years of deliberation in every quarter: 40 topics and proposals (some merged), 30 joint
 * meetings with 3 resolutions each, and the actions they became (half closed, some overdue).
 */
async function writeDeliberation(db: TestApp['db']['kysely']) {
  await sql`
    INSERT INTO proposals (district_id, street_id, community_id, quarter_id, title, channel, raised_by_name, raised_by_role, stage, created_at)
    SELECT q.district_id, q.street_id, q.community_id, q.id, '议题' || n, 'visit', '楼道长', 'building_leader',
      (ARRAY['topic', 'proposed', 'discussed', 'reviewed', 'filed'])[1 + n % 5], now() - n * interval '9 days'
    FROM quarters q, generate_series(1, 40) n WHERE q.name LIKE '规模%'`.execute(db);
  await sql`
    UPDATE proposals p SET merged_into = (SELECT o.id FROM proposals o WHERE o.quarter_id = p.quarter_id AND o.id <> p.id AND o.stage = 'topic' LIMIT 1)
    WHERE p.stage = 'topic' AND p.title IN ('议题5', '议题15')`.execute(db);
  await sql`
    INSERT INTO joint_meetings (district_id, street_id, community_id, quarter_id, kind, title, starts_at, status, minutes)
    SELECT q.district_id, q.street_id, q.community_id, q.id, 'regular', '联席会议' || n, now() - n * interval '30 days', 'held', '纪要'
    FROM quarters q, generate_series(1, 30) n WHERE q.name LIKE '规模%'`.execute(db);
  await sql`
    INSERT INTO joint_meeting_resolutions (meeting_id, district_id, quarter_id, position, text)
    SELECT m.id, m.district_id, m.quarter_id, k, '决议' || k FROM joint_meetings m, generate_series(1, 3) k WHERE m.title LIKE '联席会议_%'`.execute(db);
  await sql`
    INSERT INTO deliberation_actions (resolution_id, meeting_id, district_id, street_id, community_id, quarter_id, title, responsible, due_date, status, closed_at)
    SELECT r.id, r.meeting_id, m.district_id, m.street_id, m.community_id, m.quarter_id, '督办' || r.position, 'company',
      (m.starts_at + interval '30 days')::date, CASE WHEN r.position = 1 THEN 'closed' ELSE 'open' END, CASE WHEN r.position = 1 THEN m.starts_at + interval '20 days' END
    FROM joint_meeting_resolutions r JOIN joint_meetings m ON m.id = r.meeting_id WHERE m.title LIKE '联席会议_%'`.execute(db);
  for (const table of ['proposals', 'joint_meetings', 'joint_meeting_resolutions', 'deliberation_actions']) await sql`ANALYZE ${sql.table(table)}`.execute(db);
}

/** The cases module's other lists in every quarter: 20 hazards, 10 disputes and 20 patrols. */
async function writeSafety(db: TestApp['db']['kysely']) {
  await sql`
    INSERT INTO hazards (district_id, street_id, community_id, quarter_id, class, level, location, description, found_at, due_at)
    SELECT q.district_id, q.street_id, q.community_id, q.id, 'fire', 'general', '楼道' || n, '堆放杂物', now() - n * interval '3 days', now() - n * interval '3 days' + interval '7 days'
    FROM quarters q, generate_series(1, 20) n WHERE q.name LIKE '规模%'`.execute(db);
  await sql`
    INSERT INTO disputes (district_id, street_id, community_id, quarter_id, subject, parties, description, risk, registered_at)
    SELECT q.district_id, q.street_id, q.community_id, q.id, '噪音纠纷' || n, '甲、乙', '楼上噪音', 'low', now() - n * interval '5 days'
    FROM quarters q, generate_series(1, 10) n WHERE q.name LIKE '规模%'`.execute(db);
  await sql`
    INSERT INTO patrols (district_id, street_id, community_id, quarter_id, patrolled_by, patrolled_at, items)
    SELECT q.district_id, q.street_id, q.community_id, q.id, u.id, now() - n * interval '2 days', '[]'::jsonb
    FROM quarters q, generate_series(1, 20) n, users u WHERE q.name LIKE '规模%' AND u.username = 'grid'`.execute(db);
  for (const table of ['hazards', 'disputes', 'patrols']) await sql`ANALYZE ${sql.table(table)}`.execute(db);
}

afterAll(async () => {
  await t?.close();
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

const indexesOf = (node: PlanNode): string[] => [...(node['Index Name'] ? [node['Index Name']] : []), ...(node.Plans ?? []).flatMap(indexesOf)];

/** Seq Scans of big tables; with `limited`, one under a Limit (a capped count) stops at the limit. */
function seqScans(node: PlanNode, limited: boolean, underLimit = false, big: ReadonlySet<string> = BIG): string[] {
  const own = !(limited && underLimit) && node['Node Type'] === 'Seq Scan' && node['Relation Name'] && big.has(node['Relation Name']) ? [node['Relation Name']] : [];
  return [...own, ...(node.Plans ?? []).flatMap((child) => seqScans(child, limited, underLimit || node['Node Type'] === 'Limit', big))];
}

/** Calls the route, then explains every SELECT it ran: the big tables (`big`) each plan reads whole. */
async function wholeTableReads(url: string, limited = false, big: ReadonlySet<string> = BIG, session: Session = district): Promise<{ status: number; queries: number; scans: string[]; indexes: string[] }> {
  captured.length = 0;
  capturing = true;
  let status: number;
  try {
    status = (await session.get(encodeURI(url))).statusCode;
  } finally {
    capturing = false;
  }
  const scans: string[] = [];
  const indexes: string[] = [];
  const queries = captured.splice(0);
  for (const q of queries) {
    const result = await t.db.kysely.executeQuery<{ 'QUERY PLAN': unknown }>(CompiledQuery.raw(`EXPLAIN (FORMAT JSON) ${q.sql}`, [...q.parameters]));
    const raw = result.rows[0]['QUERY PLAN'];
    const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
    for (const table of seqScans(plan[0].Plan, limited, false, big)) scans.push(`${table}: ${q.sql}`);
    indexes.push(...indexesOf(plan[0].Plan));
  }
  return { status, queries: queries.length, scans, indexes };
}

describe(`plans at ${QUARTERS} quarters`, () => {
  const perQuarter = [
    '/api/quarters/:q',
    '/api/quarters/:q/dossier',
    '/api/quarters/:q/buildings',
    '/api/quarters/:q/units?page=1&pageSize=20',
    '/api/quarters/:q/units?page=2&pageSize=20&q=10',
    '/api/quarters/:q/owners?page=1&pageSize=20',
    '/api/quarters/:q/owners?page=1&pageSize=20&q=王芳',
    '/api/quarters/:q/residents',
    '/api/quarters/:q/organizations',
    '/api/quarters/:q/checks',
    '/api/votes?quarterId=:q',
    '/api/audit?quarterId=:q',
    '/api/quarters/:q/export',
    '/api/proposals?quarterId=:q',
    '/api/meetings?quarterId=:q',
    '/api/actions?quarterId=:q',
    '/api/quarters/:q/livelihood-projects',
  ];
  for (const url of perQuarter) {
    it(`${url} reads no whole table of the district`, async () => {
      const r = await wholeTableReads(url.replace(':q', quarterId));
      expect(r.status).toBe(200);
      expect(r.scans).toEqual([]);
    });
  }

  // The supervision dashboard of a quarter, a community and a street of the district: each card
  // reads only its place's cases and actions.
  for (const place of ['quarter', 'communityA2', 'streetA2'] as const) {
    it(`/api/dashboard of a ${place} reads no whole table of the district`, async () => {
      const id = place === 'quarter' ? quarterId : t.fx[place];
      const r = await wholeTableReads(`/api/dashboard?placeId=${id}`);
      expect(r.status).toBe(200);
      expect(r.scans).toEqual([]);
      // The place, the platform's counts, and a few queries a card (cases five, actions three).
      expect(r.queries).toBeLessThanOrEqual(16);
    });
  }

  it('/api/dashboard of the whole district is a few queries a card, whatever the number of quarters', async () => {
    const body = (await district.get('/api/dashboard')).json();
    expect(body.platform.quarters).toBeGreaterThanOrEqual(QUARTERS);
    expect(body.aggregates.cases.open).toBeGreaterThanOrEqual((QUARTERS * CASES_PER_QUARTER * 6) / 7 - QUARTERS);
    expect(body.aggregates.cases.overdueCases).toHaveLength(10);
    expect(body.aggregates['deliberation.actions'].overdue).toBeGreaterThanOrEqual(QUARTERS * 2);
    expect(body.aggregates['deliberation.actions'].overdueActions).toHaveLength(10);
    const r = await wholeTableReads('/api/dashboard');
    expect(r.queries).toBeLessThanOrEqual(16);
  });

  const districtWide = [
    '/api/quarters?page=3&pageSize=20',
    '/api/quarters?page=3&pageSize=20&sort=unitCount&order=desc',
    '/api/quarters?page=2&pageSize=20&sort=buildingCount',
    '/api/search?q=王',
    '/api/search?q=王&page=3&pageSize=20',
    '/api/search?q=王芳',
    '/api/search?q=1801',
    '/api/search?q=4321',
    '/api/search?q=139****4321',
    '/api/audit?page=2&pageSize=20',
    '/api/votes?page=2&pageSize=20',
    '/api/proposals',
    '/api/meetings',
    '/api/actions',
    '/api/actions?overdue=true',
    '/api/proposals?page=3&pageSize=20',
    '/api/proposals?page=2&pageSize=20&stage=reviewed',
    '/api/meetings?page=3&pageSize=20',
    '/api/meetings?page=2&pageSize=20&status=held',
    '/api/actions?page=3&pageSize=20',
    '/api/actions?page=2&pageSize=20&overdue=true',
    '/api/hazards?page=2&pageSize=20',
    '/api/patrols?page=2&pageSize=20',
    '/api/disputes?page=2&pageSize=20',
    `/api/disputes?page=1&pageSize=20&status=registered`,
  ];
  for (const url of districtWide) {
    it(`${url} pages or searches through an index`, async () => {
      const r = await wholeTableReads(url, true);
      expect(r.status).toBe(200);
      expect(r.scans).toEqual([]);
    });
  }

  it("the district's disputes: the total is the district's, and pages follow one another newest first", async () => {
    const all = await t.db.kysely.selectFrom('disputes').select((eb) => eb.fn.countAll<number>().as('n')).where('district_id', '=', t.fx.districtA).executeTakeFirstOrThrow();
    const p1 = (await district.get('/api/disputes?page=1&pageSize=20')).json();
    const p2 = (await district.get('/api/disputes?page=2&pageSize=20')).json();
    expect(p1.total).toBe(Number(all.n));
    expect(p2.total).toBe(p1.total);
    expect(p1.items).toHaveLength(20);
    const ids = [...p1.items, ...p2.items].map((d: { id: string }) => d.id);
    expect(new Set(ids).size).toBe(40);
  });

  it("deliberation's lists read the quarter's or the district's rows through their indexes", async () => {
    const indexes = async (url: string) => (await wholeTableReads(url, true)).indexes;
    expect(await indexes(`/api/proposals?quarterId=${quarterId}`)).toContain('proposals_quarter_idx');
    expect(await indexes(`/api/meetings?quarterId=${quarterId}`)).toContain('joint_meetings_quarter_idx');
    expect(await indexes(`/api/actions?quarterId=${quarterId}`)).toContain('deliberation_actions_quarter_idx');
    // The district's: one page, read in order from the district's index and stopped there.
    expect(await indexes('/api/proposals?page=2&pageSize=20')).toContain('proposals_district_created_idx');
    const meetings = await indexes('/api/meetings');
    expect(meetings).toContain('joint_meetings_district_starts_idx');
    // Each listed meeting's resolutions are counted through their meeting's index.
    expect(meetings).toContain('joint_meeting_resolutions_meeting_idx');
    expect(await indexes('/api/actions')).toContain('deliberation_actions_district_due_idx');
  });

  it("deliberation's district lists answer one page with the total of the district, counted through its index", async () => {
    const perQuarter = { proposals: 38, meetings: 31, actions: 3 * 30 + ACTIONS_PER_QUARTER };
    for (const [list, n] of Object.entries(perQuarter)) {
      const body = (await district.get(`/api/${list}?page=2&pageSize=20`)).json();
      expect(body).toMatchObject({ page: 2, pageSize: 20 });
      expect(body.items).toHaveLength(20);
      expect(body.total).toBeGreaterThanOrEqual(QUARTERS * n);
      const r = await wholeTableReads(`/api/${list}?page=2&pageSize=20`);
      expect(r.scans).toEqual([]);
    }
    expect((await district.get('/api/proposals?pageSize=200')).json().items).toHaveLength(200);
  });

  it("a street's and a community's deliberation lists page and count through their own indexes (0026)", async () => {
    // The district's quarters lie in the fixture's first street and community: their offices list them all.
    for (const username of ['street', 'community']) {
      const session = await t.login(username);
      const expected: Record<string, string | null> = {
        '/api/proposals?page=2&pageSize=20': `proposals_${username}_created_idx`,
        '/api/proposals?page=2&pageSize=20&stage=reviewed': null,
        '/api/meetings?page=2&pageSize=20': `joint_meetings_${username}_starts_idx`,
        '/api/actions?page=2&pageSize=20': `deliberation_actions_${username}_due_idx`,
      };
      for (const [url, index] of Object.entries(expected)) {
        const r = await wholeTableReads(url, false, BIG, session);
        expect(r.status).toBe(200);
        expect(r.scans).toEqual([]);
        if (index) expect(r.indexes).toContain(index);
      }
      expect((await session.get('/api/proposals?page=2&pageSize=20')).json().total).toBeGreaterThanOrEqual(QUARTERS * 38);
    }
    // The district's list of one stage is counted and read from the stage's own index.
    expect((await wholeTableReads('/api/proposals?page=2&pageSize=20&stage=reviewed')).indexes).toContain('proposals_district_stage_idx');
  });

  it('the quarter list answers one page with the total of the district', async () => {
    const res = await district.get('/api/quarters?page=2&pageSize=25&sort=households&order=desc');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items).toHaveLength(25);
    expect(body.total).toBeGreaterThanOrEqual(QUARTERS);
    const withTotals = (await district.get(`/api/quarters?q=${encodeURIComponent('规模1')}&totals=true&pageSize=5`)).json();
    expect(withTotals.items).toHaveLength(5);
    expect(withTotals.totals.quarters).toBe(withTotals.total);
    expect(withTotals.totals.buildings).toBe(withTotals.total * 10);
  });

  it('the quarter list sorts by the kept building and unit counts, ties in id order', async () => {
    // One quarter with fewer units and one with more, so that the sort has something to order.
    const quarter = (name: string) => t.db.kysely.selectFrom('quarters').select('id').where('name', '=', name).executeTakeFirstOrThrow();
    const [fewer, more] = [await quarter('规模1苑'), await quarter('规模2苑')];
    await t.db.kysely.deleteFrom('units').where('quarter_id', '=', fewer.id).where('number', 'in', ['101', '102']).execute();
    const building = await t.db.kysely.selectFrom('buildings').select(['id', 'district_id']).where('quarter_id', '=', more.id).limit(1).executeTakeFirstOrThrow();
    await t.db.kysely
      .insertInto('units')
      .values([1, 2, 3].map((k) => ({ district_id: building.district_id, quarter_id: more.id, building_id: building.id, number: `99${k}`, exclusive_area: 8000 })))
      .execute();
    const desc = (await district.get('/api/quarters?pageSize=3&sort=unitCount&order=desc')).json();
    expect(desc.items[0].id).toBe(more.id);
    expect(desc.items[0].unitCount).toBe(363);
    const counts = desc.items.map((q: { unitCount: number }) => q.unitCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // Ascending, the fixture's small quarters first, then the one that lost 20 units.
    const asc: { id: string; unitCount: number }[] = (await district.get('/api/quarters?pageSize=50&sort=unitCount&order=asc')).json().items;
    expect(asc.map((q) => q.unitCount)).toEqual(asc.map((q) => q.unitCount).sort((a, b) => a - b));
    const at = asc.findIndex((q) => q.id === fewer.id);
    expect(asc[at].unitCount).toBe(340);
    expect(asc.findIndex((q) => q.unitCount === 360)).toBe(at + 1);
    // Equal counts (the district's quarters have 10 buildings each) come in id order, page after page.
    type Row = { id: string; buildingCount: number };
    const page1: Row[] = (await district.get('/api/quarters?pageSize=20&sort=buildingCount')).json().items;
    const page2: Row[] = (await district.get('/api/quarters?page=2&pageSize=20&sort=buildingCount')).json().items;
    const rows = [...page1, ...page2];
    expect(new Set(rows.map((q) => q.id)).size).toBe(40);
    expect(rows).toEqual([...rows].sort((a, b) => a.buildingCount - b.buildingCount || (a.id < b.id ? -1 : 1)));
  });

  it('the accounts answer a page with the total, naming its places and judging its offices a few queries at once', async () => {
    const body = (await district.get('/api/users?page=2&pageSize=50&role=commissioner')).json();
    expect(body.items).toHaveLength(50);
    expect(body.total).toBeGreaterThanOrEqual(QUARTERS);
    expect(body.items.every((u: { office: unknown }) => u.office)).toBe(true);
    expect(body.items.some((u: { officeEnded: { reason: string } | null }) => u.officeEnded?.reason === 'ended')).toBe(true);
    expect(body.items.some((u: { officeEnded: unknown }) => u.officeEnded === null)).toBe(true);
    // Before, two queries an account and one a place: now the count, the page, the places, the offices.
    const r = await wholeTableReads('/api/users?page=2&pageSize=50&role=commissioner', true);
    expect(r.queries).toBeLessThanOrEqual(12);
  });

  it('the inbox answers a page with the total and the unread count of the whole inbox', async () => {
    const body = (await district.get('/api/inbox?page=2&pageSize=20')).json();
    expect(body.items).toHaveLength(20);
    expect(body.total).toBeGreaterThanOrEqual(600);
    expect(body.unread).toBeGreaterThanOrEqual(300);
    expect(body.unread).toBeLessThan(body.total);
    // The page reads the caller's open items in order; it, its total and the unread count each
    // read the caller's items through an index, not the inbox of every account.
    const r = await wholeTableReads('/api/inbox?pageSize=20', true);
    expect(r.indexes).toContain('inbox_items_open_idx');
    expect(r.indexes.filter((i) => i.startsWith('inbox_items_'))).toHaveLength(3);
  });

  it("the organisations' to-do list answers a page of its failing checks, of one rule when asked", async () => {
    const all = (await district.get('/api/organizations/actions?page=2&pageSize=10')).json();
    expect(all.failingChecks.items).toHaveLength(10);
    expect(all.failingChecks.total).toBeGreaterThanOrEqual(QUARTERS);
    const rule = all.failingChecks.items[0].rule;
    const one = (await district.get(`/api/organizations/actions?pageSize=5&rule=${encodeURIComponent(rule)}`)).json();
    expect(one.failingChecks.items.length).toBeGreaterThan(0);
    expect(one.failingChecks.items.every((c: { rule: string }) => c.rule === rule)).toBe(true);
    expect(one.failingChecks.total).toBeLessThanOrEqual(all.failingChecks.total);
  });

  it("the organisations' to-do list judges the district once, then reads a page of the kept checks", async () => {
    await district.get('/api/organizations/actions');
    const r = await wholeTableReads('/api/organizations/actions?page=3&pageSize=20', true);
    expect(r.status).toBe(200);
    expect(r.scans).toEqual([]);
    // The vetting queue, the counts, the terms and the page: no query per quarter, no facts loaded.
    expect(r.queries).toBeLessThanOrEqual(10);
    expect(r.indexes).toContain('quarter_failing_checks_district_idx');
  });

  // The finance lists of one quarter (issue 14) read that quarter's books through an index,
  // never the district's ledger, projects or disclosures whole.
  const FINANCE = new Set([...BIG, 'ledger_entries', 'ledger_lines', 'fund_projects', 'fund_project_steps', 'disclosures']);
  const financeLists: [string, string][] = [
    ['/api/quarters/:q/ledger', 'ledger_lines_quarter_idx'],
    ['/api/quarters/:q/ledger/entries?page=2&pageSize=20', 'ledger_entries_date_idx'],
    ['/api/fund-projects?quarterId=:q', 'fund_projects_quarter_idx'],
    ['/api/quarters/:q/disclosures', 'disclosures_quarter_id_period_key'],
    // The dossier's finance section sums the quarter's lines; its checks ask the ledger and the disclosures.
    ['/api/quarters/:q/dossier', 'ledger_lines_quarter_idx'],
  ];
  for (const [url, index] of financeLists) {
    it(`${url} reads the quarter's books through an index (${index})`, async () => {
      const r = await wholeTableReads(url.replace(':q', quarterId), false, FINANCE);
      console.log(`scale-plans: ${url}: ${r.queries} queries, indexes ${[...new Set(r.indexes)].join(', ')}`);
      expect(r.status).toBe(200);
      expect(r.scans).toEqual([]);
      expect(r.indexes).toContain(index);
    });
  }

  it('search finds a surname through the name index, a page in name order, and a phone through the index on its last four digits', async () => {
    const surname = await wholeTableReads('/api/search?q=王', true);
    expect(surname.indexes).toContain('owners_district_name_idx');
    const page1 = (await district.get(encodeURI('/api/search?q=王&pageSize=10'))).json();
    expect(page1.owners).toHaveLength(10);
    expect(page1.owners.every((o: { name: string }) => o.name.startsWith('王'))).toBe(true);
    const names = page1.owners.map((o: { name: string }) => o.name);
    expect(names).toEqual([...names].sort());
    expect(page1.nextPage).toBe(2);
    const page2 = (await district.get(encodeURI('/api/search?q=王&pageSize=10&page=2'))).json();
    expect(page2.owners[0].name >= names[9]).toBe(true);
    expect(page2.owners.map((o: { id: string }) => o.id)).not.toContain(page1.owners[0].id);
    // A phone by its last four digits: the district's index on them, never the owners whole.
    for (const q of ['4321', '139****4321', '138 0000 4321']) {
      const r = await wholeTableReads(`/api/search?q=${q}`, true);
      expect(r.scans).toEqual([]);
      expect(r.indexes).toContain('owners_phone_last4_idx');
    }
    const byPhone = (await district.get('/api/search?q=0321')).json();
    expect(byPhone.owners.length).toBeGreaterThan(0);
    expect(byPhone.owners.every((o: { phoneMasked: string }) => o.phoneMasked.endsWith('0321'))).toBe(true);
    const both = (await district.get(encodeURI('/api/search?q=138****0321'))).json();
    expect(both.owners.map((o: { id: string }) => o.id).sort()).toEqual(byPhone.owners.map((o: { id: string }) => o.id).sort());
    expect((await district.get(encodeURI('/api/search?q=139****0321'))).json().owners).toEqual([]);
    // The same digits as a unit number: the number's own trigrams, not the district's digits.
    expect((await wholeTableReads('/api/search?q=4321', true)).indexes).toContain('units_number_run_trgm_idx');
  });

  it('search finds a two-character name through the trigram index, and a partial unit number', async () => {
    expect((await wholeTableReads('/api/search?q=王芳', true)).indexes).toContain('owners_name_trgm_idx');
    const res = (await district.get(encodeURI('/api/search?q=王芳'))).json();
    expect(res.owners.length).toBeGreaterThan(0);
    expect(res.owners.every((o: { name: string }) => o.name.includes('王芳'))).toBe(true);
    // A page of each kind, and the page after it when any kind has more.
    const short = (await district.get(encodeURI('/api/search?q=王芳&pageSize=3'))).json();
    expect(short.owners).toHaveLength(3);
    expect(short.nextPage).toBe(2);
    const next = (await district.get(encodeURI('/api/search?q=王芳&pageSize=3&page=2'))).json();
    expect(next.owners.map((o: { id: string }) => o.id)).not.toContain(short.owners[0].id);
    const units = (await district.get('/api/search?q=1801')).json();
    expect(units.units.length).toBeGreaterThan(0);
    expect(units.units.every((u: { label: string }) => u.label.includes('1801'))).toBe(true);
  });
});
