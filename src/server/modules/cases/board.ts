// The cases module's parts of the quarter's public board (码上办): how many complaints and
// requests the quarter has had and how many are closed, and the page where anyone raises one
// from the poster's QR code (T/ZAS 4006.1—2020 6.1.6.3; 湘建房〔2021〕231号 五（二）). Counts only:
// nothing of a case's content or its raiser is public. And the public mediations to come (HZ
// 5.1.4.2: their time and place announced beforehand), named by the kind of dispute only.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { PublicBoardSection } from '../../platform/module';
import { disputeCategoryLabels, type DisputeCategory } from '../../../core/cases';

/** A mediation of the day before stays on the board, as the old list of them did. */
const MEDIATION_GRACE_MS = 24 * 3600_000;

export const casesBoardSections: PublicBoardSection[] = [
  {
    key: 'cases',
    section: async (db: Kysely<Database>, quarterId) => {
      const row = await db
        .selectFrom('cases')
        .select([sql<string>`count(*)`.as('total'), sql<string>`count(*) filter (where status = 'closed')`.as('closed')])
        .where('quarter_id', '=', quarterId)
        .executeTakeFirstOrThrow();
      const total = Number(row.total);
      const closed = Number(row.closed);
      return { total, open: total - closed, closed };
    },
  },
  {
    key: 'mediations',
    section: async (db: Kysely<Database>, quarterId, locale) => {
      const rows = await db
        .selectFrom('disputes')
        .select(['category', 'mediation_at', 'mediation_place'])
        .where('quarter_id', '=', quarterId)
        .where('status', '=', 'mediating')
        .where('mediation_kind', '=', 'public')
        .where('mediation_at', '>=', new Date(Date.now() - MEDIATION_GRACE_MS))
        .orderBy('mediation_at')
        .limit(20)
        .execute();
      return rows.map((r) => ({ at: new Date(r.mediation_at!).toISOString(), place: r.mediation_place ?? '', category: r.category, categoryLabel: disputeCategoryLabels[r.category as DisputeCategory][locale] }));
    },
  },
  // Merged into the board's own `raise` (which keeps the commissioner's phone).
  { key: 'raise', section: async (_db, quarterId) => ({ url: `/q/${quarterId}/raise` }) },
];
