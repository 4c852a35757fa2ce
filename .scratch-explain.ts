import { sql } from 'kysely';
import { migrate, openDatabase } from './src/server/db/index';
import { writeScaleDistrict } from './test/support/scale-district';
const N = Number(process.argv[2] ?? 500);
const db = await openDatabase({ dataDir: process.argv[3] ?? 'memory://' });
await migrate(db);
const k = db.kysely;
const d = await k.insertInto('districts').values({ name: 'x' }).returning('id').executeTakeFirstOrThrow();
const s = await k.insertInto('streets').values({ district_id: d.id, name: 's' }).returning('id').executeTakeFirstOrThrow();
const c = await k.insertInto('communities').values({ district_id: d.id, street_id: s.id, name: 'c' }).returning('id').executeTakeFirstOrThrow();
let t = Date.now();
await writeScaleDistrict(k, { districtA: d.id, streetA1: s.id, communityA1: c.id }, N);
console.log('written', Date.now() - t);
const queries = process.argv.slice(4);
for (const q of queries) {
  const text = q.replaceAll('$D', `'${d.id}'`);
  for (let i = 0; i < 2; i++) {
    const r = await sql.raw(`EXPLAIN (ANALYZE, BUFFERS) ${text}`).execute(k);
    if (i === 1) console.log((r.rows as any[]).map((x) => x['QUERY PLAN']).join('\n'));
  }
}
await db.close();
