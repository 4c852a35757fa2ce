// The cases module's parts of the quarter's public board (码上办): how many complaints and
// requests the quarter has had and how many are closed, and the page where anyone raises one
// from the poster's QR code (T/ZAS 4006.1—2020 6.1.6.3; 湘建房〔2021〕231号 五（二）). Counts only:
// nothing of a case's content or its raiser is public. And the public mediations to come (HZ
// 5.1.4.2: their time and place announced beforehand), named by the kind of dispute only.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { PublicBoardSection } from '../../platform/module';
import { upcomingPublicMediations } from './disputes';

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
  { key: 'mediations', section: (db, quarterId, locale) => upcomingPublicMediations(db, quarterId, locale, 20) },
  // Merged into the board's own `raise` (which keeps the commissioner's phone).
  { key: 'raise', section: async (_db, quarterId) => ({ url: `/q/${quarterId}/raise` }) },
];
