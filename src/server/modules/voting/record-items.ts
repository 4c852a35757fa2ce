// What the vote's record (v1 and v2) and the access checks share: the vote's row type, its items
// and the order of a ballot's choices. Kept apart from record.ts, which builds either version
// and so imports record-v2.ts, so that record-v2.ts and access.ts need not import it back.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { Choice, Matter } from '../../../core/voting/index';
import type { VotesTable } from './tables';

type Exec = Kysely<Database> | Transaction<Database>;
export type VoteRow = Selectable<VotesTable>;

export interface VoteItemView {
  id: string;
  title: string;
  matter: Matter;
  article278Item: number | null;
}

export async function loadItems(db: Exec, voteId: string): Promise<VoteItemView[]> {
  const rows = await db
    .selectFrom('vote_items')
    .select(['id', 'title', 'matter', 'article278_item'])
    .where('vote_id', '=', voteId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, matter: r.matter as Matter, article278Item: r.article278_item }));
}

/** Choices with their keys in the order of the vote's items (jsonb keeps its own order). */
export function orderedChoices(items: readonly { id: string }[], choices: Record<string, Choice>): Record<string, Choice> {
  const out: Record<string, Choice> = {};
  for (const item of items) if (Object.hasOwn(choices, item.id)) out[item.id] = choices[item.id];
  for (const key of Object.keys(choices)) if (!Object.hasOwn(out, key)) out[key] = choices[key];
  return out;
}
