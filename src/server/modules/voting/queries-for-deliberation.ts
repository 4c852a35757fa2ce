// What the deliberation module needs of votes, as functions, so that it never reads the voting
// module's tables: the quarter's roll as the voting module counts it (for co-signing, DB3305/T
// 309—2024 5.1.3.2.1.3), creating the assembly vote that resolves a proposal, and the outcome of
// a vote once its result is published.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { TallyResult } from '../../../core/voting/record';
import { votingRollSource } from '../registry';
import { groupMembers } from './roll';

type Exec = Kysely<Database> | Transaction<Database>;

export interface QuarterRoll {
  /** The voting members of the quarter now: the owners each stands for and its area (0.01 m²). */
  members: { ownerIds: string[]; area: number }[];
  membersTotal: number;
  areaTotal: number;
}

/**
 * The quarter's voting members as a vote would freeze them now (roll.ts: one member per buyer
 * of units, the developer's units as one), without pseudonyms: owners co-signing a proposal are
 * counted against it in members and area, as the assembly's vote counts them.
 */
export async function quarterRoll(db: Exec, quarterId: string): Promise<QuarterRoll> {
  const { list } = groupMembers(await votingRollSource(db, quarterId));
  return { members: list.map((m) => ({ ownerIds: m.ownerIds, area: m.area })), membersTotal: list.length, areaTotal: list.reduce((sum, m) => sum + m.area, 0) };
}

export interface VoteOutcome {
  id: string;
  quarterId: string;
  /** The building of a building-majority vote; null for the quarter's. */
  buildingId: string | null;
  title: string;
  rule: string;
  status: string;
  publishedAt: Date | null;
  /** Once published: whether every item passed; null before. */
  passed: boolean | null;
}

/** The outcome of votes by id (no access check: the caller has checked its own record's). */
export async function voteOutcomes(db: Exec, voteIds: string[]): Promise<Map<string, VoteOutcome>> {
  const out = new Map<string, VoteOutcome>();
  if (!voteIds.length) return out;
  const rows = await db.selectFrom('votes').select(['id', 'quarter_id', 'building_id', 'title', 'rule', 'status', 'published_at', 'result']).where('id', 'in', voteIds).execute();
  for (const r of rows) {
    const result = r.result as TallyResult | null;
    const passed = r.status === 'published' && result ? result.valid && result.items.length > 0 && result.items.every((i) => i.passed) : null;
    out.set(r.id, { id: r.id, quarterId: r.quarter_id, buildingId: r.building_id, title: r.title, rule: r.rule, status: r.status, publishedAt: r.published_at, passed });
  }
  return out;
}

export interface VoteItemOutcome {
  position: number;
  title: string;
  /** Once published: whether this item passed on its own (民法典 第278条 第2款); null before. */
  passed: boolean | null;
}

/**
 * Each item's outcome of a vote whose items are separate choices (the year's livelihood-project
 * candidates, one item each: T/ZAS 4006.1—2020 6.2.5.2). No access check, as voteOutcomes.
 */
export async function voteItemOutcomes(db: Exec, voteId: string): Promise<VoteItemOutcome[]> {
  const [vote, items] = await Promise.all([
    db.selectFrom('votes').select(['status', 'result']).where('id', '=', voteId).executeTakeFirst(),
    db.selectFrom('vote_items').select(['id', 'position', 'title']).where('vote_id', '=', voteId).orderBy('position').execute(),
  ]);
  const result = vote?.status === 'published' ? (vote.result as TallyResult | null) : null;
  const passed = new Map((result?.items ?? []).map((i) => [i.id, result!.valid && i.passed]));
  return items.map((i) => ({ position: i.position, title: i.title, passed: result ? (passed.get(i.id) ?? false) : null }));
}
