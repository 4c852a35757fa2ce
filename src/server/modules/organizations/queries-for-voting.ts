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
