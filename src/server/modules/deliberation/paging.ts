// The total of a paged list of deliberation (docs/scaling.md). A district's proposals, meetings
// and actions are nearly every row of their tables, so a plain count(*) over the district is
// planned as a read of the whole table; counted in the order of the list, the rows are read from
// the scope's index that the page itself is read from (test/api/scale-plans.test.ts).
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/schema';

type Listed = 'proposals' | 'joint_meetings' | 'deliberation_actions';

/** How many rows the list's filters keep, read in the list's order. */
export async function countInOrder<T extends Listed>(db: Kysely<Database>, q: SelectQueryBuilder<Database, T, object>, column: string, order: 'asc' | 'desc'): Promise<{ n: number }> {
  const rows = q.select(sql<number>`1`.as('one')).orderBy(sql.ref(column), order);
  const counted = await db.selectFrom(rows.as('listed')).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return { n: Number(counted.n) };
}
