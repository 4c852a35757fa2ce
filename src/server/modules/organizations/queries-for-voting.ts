// What the voting module needs from the organisations module, as functions, so that voting
// never reads this module's tables itself (docs/architecture.md, "The module template": a module owns its tables).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';

type Exec = Kysely<Database> | Transaction<Database>;

/** Whether the quarter has an owners' committee in office (status `active`). */
export async function hasCommitteeInOffice(db: Exec, quarterId: string): Promise<boolean> {
  const row = await db.selectFrom('owners_committees').select('id').where('quarter_id', '=', quarterId).where('status', '=', 'active').executeTakeFirst();
  return !!row;
}

/** Of the given quarters, those whose owners' committee is in office: one query for them all. */
export async function quartersWithCommitteeInOffice(db: Exec, quarterIds: string[]): Promise<Set<string>> {
  if (!quarterIds.length) return new Set();
  const rows = await db.selectFrom('owners_committees').select('quarter_id').distinct().where('quarter_id', 'in', quarterIds).where('status', '=', 'active').execute();
  return new Set(rows.map((r) => r.quarter_id));
}
