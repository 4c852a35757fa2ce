// What other modules may know of a case they name: a joint meeting's agenda item that takes up
// a case of its quarter (T/ZAS 4006.1—2020 6.1.6.3 诉求…提交三方联席会议协商). The caller has
// checked its own record's scope; a case of another quarter is not found here.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';

type Exec = Kysely<Database> | Transaction<Database>;

export interface CaseReference {
  id: string;
  trackingCode: string;
  categoryName: string;
  status: string;
  /** The first words of what was raised, as a title. */
  summary: string;
}

/** The cases of `quarterId` among `ids`, by id; ids of other quarters are left out. */
export async function casesOfQuarter(db: Exec, quarterId: string, ids: string[]): Promise<Map<string, CaseReference>> {
  const out = new Map<string, CaseReference>();
  const wanted = [...new Set(ids)];
  if (!wanted.length) return out;
  const rows = await db.selectFrom('cases').select(['id', 'tracking_code', 'category_name', 'status', 'description']).where('quarter_id', '=', quarterId).where('id', 'in', wanted).execute();
  for (const r of rows) out.set(r.id, { id: r.id, trackingCode: r.tracking_code, categoryName: r.category_name, status: r.status, summary: r.description.slice(0, 60) });
  return out;
}
