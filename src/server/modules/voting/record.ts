// The server's count and the published vote record (format document; version 2 in record-v2.ts). The count is made in
// SQL from the module's own tables; the record is built from the stored chain, hashes as they
// were sealed, never recomputed — so that `gongzhi tally` on the record checks what the server
// actually holds, and the two must agree (the close refuses to finish when they do not).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { itemPasses, meetsQuorum } from '../../../core/voting/tally';
import {
  VOTE_RECORD_FORMAT,
  type Ballot,
  type Channel,
  type Choice,
  type Count,
  type ItemResult,
  type Rule,
  type TallyResult,
  type VoteRecord,
} from '../../../core/voting/record';
import type { VoteRecordV2 } from '../../../core/voting/record-v2';
import { isoShanghai } from './clock';
import { buildVoteRecordV2 } from './record-v2';

type Exec = Kysely<Database> | Transaction<Database>;
import { loadItems, orderedChoices, type VoteRow } from './record-items';
export { loadItems, orderedChoices, type VoteItemView, type VoteRow } from './record-items';

/** Members and area on the roll, and of those who cast a ballot. */
export async function participationCounts(db: Exec, voteId: string): Promise<{ totals: Count; participation: Count }> {
  const totals = await db
    .selectFrom('vote_roll')
    .select([sql<number>`count(*)`.as('members'), sql<number>`coalesce(sum(area), 0)::bigint`.as('area')])
    .where('vote_id', '=', voteId)
    .executeTakeFirstOrThrow();
  const taking = await db
    .selectFrom('ballots as b')
    .innerJoin('vote_roll as r', (j) => j.onRef('r.vote_id', '=', 'b.vote_id').onRef('r.member', '=', 'b.member'))
    .select([sql<number>`count(*)`.as('members'), sql<number>`coalesce(sum(r.area), 0)::bigint`.as('area')])
    .where('b.vote_id', '=', voteId)
    .executeTakeFirstOrThrow();
  return {
    totals: { members: Number(totals.members), area: Number(totals.area) },
    participation: { members: Number(taking.members), area: Number(taking.area) },
  };
}

/**
 * The server's result, in exactly the shape `gongzhi tally` prints. Counted with SQL over the
 * ballots and the frozen roll; every cast ballot takes part in every item, a choice left out
 * counts as abstain (format document, "Counting rules"); pass/fail by the rules of 民法典
 * 第278条 and HZ 5.1.3.2.2.5 as the core states them (exact integers).
 */
export async function serverTally(db: Exec, vote: VoteRow, head: string = vote.head!): Promise<TallyResult> {
  const items = await loadItems(db, vote.id);
  const { totals, participation } = await participationCounts(db, vote.id);
  const rows = await db
    .selectFrom('ballots as b')
    .innerJoin('vote_roll as r', (j) => j.onRef('r.vote_id', '=', 'b.vote_id').onRef('r.member', '=', 'b.member'))
    .innerJoin('vote_items as i', 'i.vote_id', 'b.vote_id')
    .select([
      'i.id as item',
      sql<string>`coalesce(b.choices ->> i.id, 'abstain')`.as('choice'),
      sql<number>`count(*)`.as('members'),
      sql<number>`coalesce(sum(r.area), 0)::bigint`.as('area'),
    ])
    .where('b.vote_id', '=', vote.id)
    .groupBy(['i.id', sql`coalesce(b.choices ->> i.id, 'abstain')`])
    .execute();
  const counts = new Map<string, Record<Choice, Count>>();
  for (const item of items) {
    counts.set(item.id, { yes: { members: 0, area: 0 }, no: { members: 0, area: 0 }, abstain: { members: 0, area: 0 } });
  }
  for (const r of rows) {
    const c = counts.get(r.item);
    const choice = (r.choice === 'yes' || r.choice === 'no' ? r.choice : 'abstain') as Choice;
    if (c) {
      c[choice].members += Number(r.members);
      c[choice].area += Number(r.area);
    }
  }
  const rule = vote.rule as Rule;
  const quorumMet = meetsQuorum(rule, totals, participation);
  const itemResults: ItemResult[] = items.map((item) => {
    const c = counts.get(item.id)!;
    return {
      id: item.id,
      matter: item.matter,
      yes: c.yes,
      no: c.no,
      abstain: c.abstain,
      passed: itemPasses(rule, item.matter, totals, participation, c.yes),
    };
  });
  return {
    valid: true,
    errors: [],
    rollFingerprint: vote.roll_fingerprint!,
    head,
    totals,
    participation: { members: participation.members, area: participation.area, quorumMet },
    items: itemResults,
  };
}

/**
 * The published record of a vote that has opened, in the version it was sealed with: version 1
 * for the votes made before version 2, version 2 for the others (record-v2.ts).
 */
export async function buildVoteRecord(db: Exec, vote: VoteRow): Promise<VoteRecord | VoteRecordV2> {
  return vote.record_format === 2 ? buildVoteRecordV2(db, vote) : buildVoteRecordV1(db, vote);
}

/** The `gongzhi.vote-record/1` file of a vote that has opened, from what is stored. */
async function buildVoteRecordV1(db: Exec, vote: VoteRow): Promise<VoteRecord> {
  const items = await loadItems(db, vote.id);
  const roll = await db.selectFrom('vote_roll').select(['member', 'area']).where('vote_id', '=', vote.id).orderBy('member').execute();
  const ballots = await db
    .selectFrom('ballots')
    .select(['seq', 'member', 'choices', 'channel', 'cast_at', 'prev', 'hash'])
    .where('vote_id', '=', vote.id)
    .orderBy('seq')
    .execute();
  return {
    format: VOTE_RECORD_FORMAT,
    vote: {
      id: vote.id,
      quarter: vote.quarter_name,
      title: vote.title,
      rule: vote.rule as Rule,
      opensAt: isoShanghai(new Date(vote.opens_at)),
      closesAt: isoShanghai(new Date(vote.closes_at)),
      items: items.map((i) => ({ id: i.id, title: i.title, matter: i.matter })),
    },
    roll: roll.map((r) => ({ member: r.member, area: Number(r.area) })),
    rollFingerprint: vote.roll_fingerprint!,
    ballots: ballots.map(
      (b): Ballot => ({
        seq: b.seq,
        member: b.member,
        choices: orderedChoices(items, (typeof b.choices === 'string' ? JSON.parse(b.choices) : b.choices) as Record<string, Choice>),
        channel: b.channel as Channel,
        castAt: b.cast_at,
        prev: b.prev,
        hash: b.hash,
      }),
    ),
    head: vote.head!,
  };
}
