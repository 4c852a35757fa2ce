// What a vote decided, for a module that rests a step on an owners' assembly decision (the
// finance module's 业主大会审定, 百委〔2023〕37号 二（三）9): the vote's quarter, its status and
// each item with its matter class (民法典 第278条) and, once counted, whether it passed.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { TallyResult } from '../../../core/voting/record';
import { loadItems } from './record';

type Exec = Kysely<Database> | Transaction<Database>;

export interface VoteDecision {
  id: string;
  quarterId: string;
  title: string;
  status: 'draft' | 'open' | 'closed' | 'published';
  /** The whole quarter's owners (civil-code-278), not one building's household representatives. */
  quarterWide: boolean;
  publishedAt: string | null;
  items: { id: string; title: string; matter: 'ordinary' | 'special'; article278Item: number | null; passed: boolean | null }[];
}

/** The decision of a vote, or null for an unknown id. `passed` is null until the vote is counted. */
export async function voteDecision(db: Exec, voteId: string): Promise<VoteDecision | null> {
  const vote = await db.selectFrom('votes').select(['id', 'quarter_id', 'title', 'status', 'rule', 'result', 'published_at']).where('id', '=', voteId).executeTakeFirst();
  if (!vote) return null;
  const items = await loadItems(db, vote.id);
  const result = vote.result as TallyResult | null;
  return {
    id: vote.id,
    quarterId: vote.quarter_id,
    title: vote.title,
    status: vote.status as VoteDecision['status'],
    quarterWide: vote.rule === 'civil-code-278',
    publishedAt: vote.published_at ? new Date(vote.published_at).toISOString() : null,
    items: items.map((i) => ({ id: i.id, title: i.title, matter: i.matter, article278Item: i.article278Item, passed: result ? (result.items.find((r) => r.id === i.id)?.passed ?? false) : null })),
  };
}
