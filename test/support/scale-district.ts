// A generated district of many quarters for plan tests, written set-based (INSERT … SELECT
// generate_series) so that a few hundred quarters take seconds rather than the minutes of the
// row-by-row demo writer (src/server/seed/write.ts). Each quarter has 10 buildings of 36 units;
// one owner a unit with a Chinese name of two or three characters (each surname a twentieth of
// the owners, each two-character pair a four-hundredth), a co-owner on every tenth
// unit, the developer on every fiftieth; a resident in every other unit; 10 audit entries.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema';

export async function writeScaleDistrict(
  kysely: Kysely<Database>,
  place: { districtA: string; streetA1: string; communityA1: string },
  quarters: number,
  log: (line: string) => void = () => {},
): Promise<void> {
  // One connection throughout, so that the session setting below holds for every statement.
  await kysely.connection().execute((db) => load(db, place, quarters, log));
}

async function load(db: Kysely<Database>, place: { districtA: string; streetA1: string; communityA1: string }, quarters: number, log: (line: string) => void) {
  const { districtA, streetA1, communityA1 } = place;
  // Building an index once over the loaded rows is many times faster than keeping it up row by
  // row: the tables' own indexes (not those behind a key or a unique constraint) are set aside
  // during the load and built again from their definitions.
  const indexes = (
    await sql<{ name: string; def: string }>`
      SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename IN ('buildings', 'units', 'owners', 'unit_owners', 'residents', 'audit_log')
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`.execute(db)
  ).rows;
  for (const i of indexes) await sql`DROP INDEX ${sql.id(i.name)}`.execute(db);
  // The rows are made consistent by construction; the foreign-key triggers (three lookups a row)
  // are switched off for the load (this needs a superuser, which the test databases have).
  await sql`SET session_replication_role = replica`.execute(db);
  let last = Date.now();
  let n = 0;
  const step = () => {
    log(`step ${++n}: ${Date.now() - last} ms`);
    last = Date.now();
  };
  await sql`
    INSERT INTO quarters (district_id, street_id, community_id, name, address, total_building_area, delivered_area, first_delivery_date, households)
    SELECT ${districtA}, ${streetA1}, ${communityA1}, '规模' || g || '苑', '规模路' || g || '号', 5000000, 4000000, '2012-05-01', 360
    FROM generate_series(1, ${quarters}::int) g`.execute(db);
  step();
  await sql`
    INSERT INTO buildings (district_id, quarter_id, name, floors)
    SELECT q.district_id, q.id, b || '幢', 18 FROM quarters q CROSS JOIN generate_series(1, 10) b WHERE q.name LIKE '规模%苑'`.execute(db);
  step();
  await sql`
    INSERT INTO units (district_id, quarter_id, building_id, number, exclusive_area)
    SELECT b.district_id, b.quarter_id, b.id, f || '0' || k, 8000 + (f * 37 + k * 11) % 4000
    FROM buildings b CROSS JOIN generate_series(1, 18) f CROSS JOIN generate_series(1, 2) k
    JOIN quarters q ON q.id = b.quarter_id WHERE q.name LIKE '规模%苑'`.execute(db);
  step();
  // One owner a unit, with a Chinese name of two or three characters; every tenth unit has a
  // co-owner and every fiftieth belongs to the developer.
  await sql`
    WITH src AS (
      SELECT u.id AS unit_id, u.district_id, u.quarter_id, gen_random_uuid() AS owner_id, row_number() OVER () AS n
      FROM units u JOIN quarters q ON q.id = u.quarter_id WHERE q.name LIKE '规模%苑'
    ), o AS (
      INSERT INTO owners (id, district_id, quarter_id, kind, name, phone)
      SELECT owner_id, district_id, quarter_id, CASE WHEN n % 50 = 0 THEN 'developer' ELSE 'person' END,
        substr('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗', 1 + (n % 20)::int, 1)
          || substr('芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚', 1 + (n / 20 % 20)::int, 1)
          || CASE WHEN n % 3 = 0 THEN substr('文武斌宇浩然子轩梓涵', 1 + (n / 400 % 10)::int, 1) ELSE '' END,
        '138' || lpad((n % 100000000)::text, 8, '0')
      FROM src
    )
    INSERT INTO unit_owners (unit_id, owner_id, district_id, quarter_id) SELECT unit_id, owner_id, district_id, quarter_id FROM src`.execute(db);
  step();
  await sql`
    INSERT INTO unit_owners (unit_id, owner_id, district_id, quarter_id)
    SELECT u.id, o.id, u.district_id, u.quarter_id
    FROM (SELECT id, district_id, quarter_id, lead(id) OVER (PARTITION BY quarter_id ORDER BY id) AS next, row_number() OVER () AS n FROM units) u
    JOIN unit_owners uo ON uo.unit_id = u.next JOIN owners o ON o.id = uo.owner_id
    WHERE u.n % 10 = 0`.execute(db);
  step();
  await sql`
    INSERT INTO residents (district_id, quarter_id, unit_id, name, kind, needs_care)
    SELECT u.district_id, u.quarter_id, u.id, '住户' || n, (ARRAY['permanent', 'floating', 'tenant'])[1 + n % 3], n % 40 = 0
    FROM (SELECT *, row_number() OVER () AS n FROM units) u WHERE u.n % 2 = 0`.execute(db);
  step();
  await sql`
    INSERT INTO audit_log (username, action, entity, entity_id, district_id, street_id, community_id, quarter_id, after)
    SELECT 'scale', 'update', 'quarter', q.id::text, q.district_id, q.street_id, q.community_id, q.id, '{}'::jsonb
    FROM quarters q CROSS JOIN generate_series(1, 10) g`.execute(db);
  step();
  await sql`SET session_replication_role = DEFAULT`.execute(db);
  // The triggers that keep a quarter's counts (migration 0024) were off with the others.
  await sql`
    INSERT INTO quarter_counts (quarter_id, buildings, units)
    SELECT q.id, coalesce(b.n, 0), coalesce(u.n, 0)
    FROM quarters q
    LEFT JOIN (SELECT quarter_id, count(*) AS n FROM buildings GROUP BY quarter_id) b ON b.quarter_id = q.id
    LEFT JOIN (SELECT quarter_id, count(*) AS n FROM units GROUP BY quarter_id) u ON u.quarter_id = q.id
    WHERE q.name LIKE '规模%苑'
    ON CONFLICT (quarter_id) DO UPDATE SET buildings = EXCLUDED.buildings, units = EXCLUDED.units`.execute(db);
  for (const i of indexes) await sql.raw(i.def).execute(db);
  step();
  await sql`ANALYZE`.execute(db);
  step();
}
