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
const BIG = new Set(['units', 'owners', 'unit_owners', 'residents', 'buildings', 'audit_log']);

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
function seqScans(node: PlanNode, limited: boolean, underLimit = false): string[] {
  const own = !(limited && underLimit) && node['Node Type'] === 'Seq Scan' && node['Relation Name'] && BIG.has(node['Relation Name']) ? [node['Relation Name']] : [];
  return [...own, ...(node.Plans ?? []).flatMap((child) => seqScans(child, limited, underLimit || node['Node Type'] === 'Limit'))];
}

/** Calls the route, then explains every SELECT it ran: the big tables each plan reads whole. */
async function wholeTableReads(url: string, limited = false): Promise<{ status: number; queries: number; scans: string[]; indexes: string[] }> {
  captured.length = 0;
  capturing = true;
  let status: number;
  try {
    status = (await district.get(encodeURI(url))).statusCode;
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
    for (const table of seqScans(plan[0].Plan, limited)) scans.push(`${table}: ${q.sql}`);
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
  ];
  for (const url of perQuarter) {
    it(`${url} reads no whole table of the district`, async () => {
      const r = await wholeTableReads(url.replace(':q', quarterId));
      expect(r.status).toBe(200);
      expect(r.scans).toEqual([]);
    });
  }

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
  ];
  for (const url of districtWide) {
    it(`${url} pages or searches through an index`, async () => {
      const r = await wholeTableReads(url, true);
      expect(r.status).toBe(200);
      expect(r.scans).toEqual([]);
    });
  }

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
