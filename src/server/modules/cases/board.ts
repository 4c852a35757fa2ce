// The cases module's parts of the quarter's public board (码上办): how many complaints and
// requests the quarter has had and how many are closed, and the page where anyone raises one
// from the poster's QR code (T/ZAS 4006.1—2020 6.1.6.3; 湘建房〔2021〕231号 五（二）). Counts only:
// nothing of a case's content or its raiser is public.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { PublicBoardSection } from '../../platform/module';

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
  // Merged into the board's own `raise` (which keeps the commissioner's phone).
  { key: 'raise', section: async (_db, quarterId) => ({ url: `/q/${quarterId}/raise` }) },
];
