// What the quarter's public board (码上办) shows of the quarter's votes: those that have opened,
// newest first, with each item's outcome once the result is published and the links to the
// vote's public page and its record file (docs/vote-record-format.md: anyone may re-tally).
// One statement: the votes by the (quarter_id, created_at) index, their items alongside.
import { sql, type Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from '../../db/schema';
import { iso } from './clock';
import { phaseOf, type VotePhase, type VoteStatus } from './votes';

type DB = Kysely<Database>;

/** How many votes the board lists; older ones stay on the votes' own pages. */
const BOARD_VOTES = 20;

export interface BoardVote {
  id: string;
  title: string;
  status: VoteStatus;
  phase: VotePhase;
  opensAt: string;
  closesAt: string;
  publishedAt: string | null;
  /** Each item's title, and once the result is published whether it passed. */
  items: { title: string; passed: boolean | null }[];
  /** The vote's public page (web app). */
  pageUrl: string;
  /** The record file for a published vote; null before. */
  recordUrl: string | null;
}

export async function publicVotesForBoard(db: DB, quarterId: string): Promise<BoardVote[]> {
  const rows = await db
    .selectFrom('votes as v')
    .select((eb) => [
      'v.id',
      'v.title',
      'v.status',
      'v.opens_at',
      'v.closes_at',
      'v.published_at',
      // Only each item's outcome of the stored result, not the whole tally.
      sql<{ id: string; passed: boolean }[] | null>`case when v.status = 'published' then v.result -> 'items' end`.as('outcomes'),
      jsonArrayFrom(eb.selectFrom('vote_items as i').select(['i.id', 'i.title']).whereRef('i.vote_id', '=', 'v.id').orderBy('i.position')).as('items'),
    ])
    .where('v.quarter_id', '=', quarterId)
    .where('v.status', '<>', 'draft')
    .orderBy('v.created_at', 'desc')
    .limit(BOARD_VOTES)
    .execute();
  return rows.map((v) => {
    const passed = new Map((v.outcomes ?? []).map((o) => [o.id, o.passed]));
    const published = v.status === 'published';
    return {
      id: v.id,
      title: v.title,
      status: v.status as VoteStatus,
      phase: phaseOf(v),
      opensAt: iso(v.opens_at)!,
      closesAt: iso(v.closes_at)!,
      publishedAt: iso(v.published_at),
      items: v.items.map((i) => ({ title: i.title, passed: published ? (passed.get(i.id) ?? false) : null })),
      pageUrl: `/public/votes/${v.id}`,
      recordUrl: published ? `/api/votes/${v.id}/record` : null,
    };
  });
}
