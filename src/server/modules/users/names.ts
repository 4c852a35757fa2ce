// The names of accounts, for the pages that show who did something (the audit log) by the
// person's name rather than the login name.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** Display names by account id; ids of removed accounts are simply absent. */
export async function displayNamesOf(db: Kysely<Database>, userIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
