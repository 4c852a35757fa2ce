// The published record of a vote sealed as version 2 (docs/vote-record-format.md, "Version 2"),
// built from what was sealed at cast (nonce, area commitment and salt, hash — never recomputed
// here), and the openings of its withheld areas for an authorised audit.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { recordAudit } from '../../platform/audit';
import { placeOfRow } from '../../platform/db-helpers';
import { loadVote } from './access';
import { buildRecordV2, withheldFlags } from '../../../core/voting/builder-v2';
import type { Channel, Choice, Rule } from '../../../core/voting/record';
import type { VoteRecordV2 } from '../../../core/voting/record-v2';
import { isoShanghai } from './clock';
import { loadItems, orderedChoices, type VoteRow } from './record-items';

type Exec = Kysely<Database> | Transaction<Database>;

/** The vote's ballots as sealed at cast, with their members and areas (server side only). */
async function sealedBallots(db: Exec, vote: VoteRow) {
  const items = await loadItems(db, vote.id);
  const rows = await db
    .selectFrom('ballots as b')
    .innerJoin('vote_roll as r', (j) => j.onRef('r.vote_id', '=', 'b.vote_id').onRef('r.member', '=', 'b.member'))
    .select(['b.member', 'b.choices', 'b.channel', 'b.nonce', 'b.area_salt', 'b.area_commitment', 'b.record_hash', 'r.area'])
    .where('b.vote_id', '=', vote.id)
    // Any fixed order will do: the record sorts by hash. Not the seq, so that nothing here
    // even looks at the cast order.
    .orderBy('b.record_hash')
    .execute();
  return {
    items,
    ballots: rows.map((b) => {
      if (!b.nonce || !b.area_salt || !b.area_commitment || !b.record_hash) throw new Error(`a ballot of vote ${vote.id} was not sealed as version 2`);
      return {
        member: b.member,
        nonce: b.nonce,
        choices: orderedChoices(items, (typeof b.choices === 'string' ? JSON.parse(b.choices) : b.choices) as Record<string, Choice>),
        channel: b.channel as Channel,
        area: Number(b.area),
        areaSalt: b.area_salt,
        areaCommitment: b.area_commitment,
        hash: b.record_hash,
      };
    }),
  };
}

/** The `gongzhi.vote-record/2` file of a vote that has opened, from what is stored. */
export async function buildVoteRecordV2(db: Exec, vote: VoteRow): Promise<VoteRecordV2> {
  const { items, ballots } = await sealedBallots(db, vote);
  const roll = await db.selectFrom('vote_roll').select(['member', 'area']).where('vote_id', '=', vote.id).execute();
  return buildRecordV2(
    {
      id: vote.id,
      quarter: vote.quarter_name,
      title: vote.title,
      rule: vote.rule as Rule,
      opensAt: isoShanghai(new Date(vote.opens_at)),
      closesAt: isoShanghai(new Date(vote.closes_at)),
      items: items.map((i) => ({ id: i.id, title: i.title, matter: i.matter })),
    },
    roll.map((r) => ({ member: r.member, area: Number(r.area) })),
    ballots,
  );
}

/**
 * The openings of a closed version 2 vote's withheld areas — each withheld ballot's hash, area
 * and salt — for an auditor authorised to check the `withheld` sums (docs/vote-record-format.md,
 * "What a re-tally cannot check"). Given by `gongzhi vote-openings` on the server's own
 * machine only, never over HTTP: the openings with what staff see would link ballots to units.
 */
async function withheldOpenings(db: Exec, vote: VoteRow) {
  const { ballots } = await sealedBallots(db, vote);
  const flags = withheldFlags(vote.rule as Rule, ballots);
  return ballots
    .filter((_, i) => flags[i])
    .map((b) => ({ hash: b.hash, area: b.area, areaSalt: b.areaSalt }))
    .sort((a, b) => (a.hash < b.hash ? -1 : 1));
}

/**
 * What `gongzhi vote-openings VOTE_ID` prints for an auditor: the openings of a closed or
 * published version 2 vote, or a sentence saying why there are none. Reading them is logged
 * (who ran the command is whoever has the server's database; the entry records that it was done).
 */
export async function voteOpenings(db: Kysely<Database>, voteId: string): Promise<{ voteId: string; head: string | null; openings: Array<{ hash: string; area: number; areaSalt: string }> } | string> {
  const vote = await loadVote(db, voteId);
  if (!vote) return `There is no vote ${voteId}.`;
  if (vote.record_format !== 2) return `Vote ${voteId} was sealed as gongzhi.vote-record/1, which publishes every area; it has no withheld areas.`;
  if (vote.status !== 'closed' && vote.status !== 'published') return `Vote ${voteId} is ${vote.status}: openings are given only after the close.`;
  const openings = await withheldOpenings(db, vote);
  await recordAudit(db, { actor: null, ip: null }, { action: 'read_openings', entity: 'vote', entityId: vote.id, place: placeOfRow(vote), after: { withheld: openings.length } });
  return { voteId: vote.id, head: (vote.result as { head?: string } | null)?.head ?? null, openings };
}
