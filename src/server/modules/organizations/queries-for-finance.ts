// What the finance module needs from the organisations module, as functions, so that finance
// never reads this module's tables itself (docs/architecture.md, "The module template").
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';

type Exec = Kysely<Database> | Transaction<Database>;

/**
 * Of the given quarters, those served by a property company on `day` (a service contract begun
 * by then and neither ended nor terminated before it): one query for them all, by the contracts'
 * quarter index. The fee-collection report is the serving company's duty (T/ZAS 4006.1—2020 6.3.2.2).
 */
export async function quartersServedByCompanyOn(db: Exec, quarterIds: readonly string[], day: string): Promise<Set<string>> {
  if (!quarterIds.length) return new Set();
  const rows = await db
    .selectFrom('service_contracts')
    .select('quarter_id')
    .distinct()
    .where('quarter_id', 'in', [...quarterIds])
    .where('starts_on', '<=', day)
    .where((w) => w.or([w('ends_on', 'is', null), w('ends_on', '>=', day)]))
    .where((w) => w.or([w('terminated_on', 'is', null), w('terminated_on', '>=', day)]))
    .execute();
  return new Set(rows.map((r) => r.quarter_id));
}
