// Three things every module's services do with rows: turn a partial update into columns, turn
// a unique-constraint violation into a clear error, and read a row's place.
import { sql, type Kysely, type SelectQueryBuilder, type Updateable } from 'kysely';
import type { Database } from '../db/schema';
import type { PlacePath } from './access';
import type { AppError } from './errors';

/**
 * The columns of a partial update: each field of `patch` that is present (not undefined) goes to
 * the column `mapping` names, or through the function given for it (trim, mask, hash, null).
 * Typed both ways: a field without a mapping, or a column that is not in `Row`, does not compile.
 *
 *   const set = patchColumns<OwnersTable>()(patch, { name: 'name', phone: (v) => ({ phone: v?.trim() || null }) });
 */
export function patchColumns<Row>() {
  return <P extends object>(
    patch: P,
    mapping: { [K in keyof P]-?: (keyof Row & string) | ((value: Exclude<P[K], undefined>) => Partial<Record<keyof Row, unknown>>) },
  ): Updateable<Row> => {
    const set: Partial<Record<keyof Row & string, unknown>> = {};
    for (const key of Object.keys(mapping) as (keyof P)[]) {
      const value = patch[key];
      if (value === undefined) continue;
      const to = mapping[key];
      if (typeof to === 'function') Object.assign(set, to(value as Exclude<P[typeof key], undefined>));
      else set[to as keyof Row & string] = value;
    }
    // The mapping's types guarantee the columns; the values are the patch's own (or the mapped ones).
    return set as Updateable<Row>;
  };
}

/** True for a PostgreSQL unique-constraint violation, from either engine. */
export function isUniqueViolation(err: unknown): err is { code: '23505'; constraint?: string } {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';
}

/**
 * Runs a write and turns a unique-constraint violation into the module's error (e.g. a
 * CONFLICT naming the duplicate); the constraint's name tells which one where a table has several.
 */
export async function uniquely<T>(write: () => Promise<T>, toError: (constraint: string | undefined) => AppError): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw toError(err.constraint);
    throw err;
  }
}

/** The place of a row that carries the hierarchy's columns (district_id … building_id). */
export function placeOfRow(row: {
  district_id: string;
  street_id?: string | null;
  community_id?: string | null;
  quarter_id?: string | null;
  building_id?: string | null;
}): PlacePath {
  return {
    districtId: row.district_id,
    streetId: row.street_id ?? null,
    communityId: row.community_id ?? null,
    quarterId: row.quarter_id ?? null,
    buildingId: row.building_id ?? null,
  };
}

/**
 * The total of a paged list: how many rows the list's filters keep, counted in the list's order
 * (docs/scaling.md). A district's rows are nearly all of a table, so a plain count(*) over the
 * district is planned as a read of the whole table; counted in the list's order, the rows are read
 * from the scope's index that the page itself is read from (test/api/scale-plans.test.ts).
 */
export async function countInOrder<T extends keyof Database>(db: Kysely<Database>, q: SelectQueryBuilder<Database, T, object>, column: string, order: 'asc' | 'desc'): Promise<{ n: number }> {
  const rows = q.select(sql<number>`1`.as('one')).orderBy(sql.ref(column), order);
  const counted = await db.selectFrom(rows.as('listed')).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return { n: Number(counted.n) };
}
