// Ballots (民法典 第278条): an owner verifies (verification.ts: the two numbers and a one-time
// code) and votes online; staff enter signed paper ballots and proxies (委托) with their scans. Each is
// checked here and then sealed onto the vote's chain by the sealing loop (sealing.ts).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/access';
import type { RequestContext } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import type { Choice } from '../../../core/voting/record';
import { unitLabel } from '../registry';
import { assertTakingBallots, authorizeVote, authorizeVoter } from './access';
import type { VoteRow } from './record';
import { checkScan } from './scans';
import { tokenHash } from './verification';
import { cachedItems, castBallot, type AuditCtx, type CastReceipt, type SealInput } from './sealing';

type DB = Kysely<Database>;
type Exec = DB | Transaction<Database>;

/** Every item chosen, with yes/no/abstain only (the UI asks for each item, format: choices). */
function checkChoices(items: { id: string }[], choices: Record<string, string>): Record<string, Choice> {
  const ids = new Set(items.map((i) => i.id));
  for (const id of Object.keys(choices)) if (!ids.has(id)) throw new AppError('CHOICE_UNKNOWN_ITEM', { item: id });
  const missing = items.filter((i) => !Object.hasOwn(choices, i.id)).map((i) => i.id);
  if (missing.length) throw new AppError('CHOICES_INCOMPLETE', { items: missing.join('、'), itemsEn: missing.join(', ') });
  const out: Record<string, Choice> = {};
  for (const item of items) out[item.id] = choices[item.id] as Choice;
  return out;
}

/** Checks the choices against the vote's items before the ballot is queued. */
async function castChecked(db: DB, ctx: AuditCtx, vote: VoteRow, input: Omit<SealInput, 'choices'> & { choices: Record<string, string> }): Promise<CastReceipt> {
  const choices = checkChoices(await cachedItems(db, vote.id), input.choices);
  return castBallot(db, ctx, vote, { ...input, choices });
}

// ---- owners online: verified (verification.ts), then vote ----

/**
 * The fields of a vote that never change once it is open (its id, places, items' owner), kept
 * in memory per process so that an online ballot needs no query before it queues. Its status
 * and window are not taken from here: the sealing loop reads them, and its write moves the head
 * only while the vote is open and its window has not closed.
 */
const openVoteCache = new WeakMap<DB, Map<string, VoteRow>>();
async function openVoteForVoter(db: DB, voteId: string): Promise<VoteRow> {
  let byVote = openVoteCache.get(db);
  if (!byVote) openVoteCache.set(db, (byVote = new Map()));
  const cached = byVote.get(voteId);
  if (cached) return cached;
  const vote = await authorizeVoter(db, voteId); // 404 for unknown or draft, "not open" otherwise
  if (byVote.size > 1000) byVote.clear();
  byVote.set(voteId, vote);
  return vote;
}

export async function castOnline(db: DB, voteId: string, input: { voterToken: string; choices: Record<string, string> }, ip: string | null, actor: Actor | null): Promise<CastReceipt> {
  const vote = await openVoteForVoter(db, voteId);
  // The window from the cache (it never changes once open): a vote not yet started or past its
  // close is refused before any work; the sealing loop checks the status and window again.
  assertTakingBallots(vote);
  const choices = checkChoices(await cachedItems(db, vote.id), input.choices);
  // The token is resolved to its member in the sealing loop's read, with the rest of the batch.
  return castBallot(db, actor ? { actor, ip } : { actor: null, ip }, vote, { voterTokenHash: tokenHash(input.voterToken), choices, channel: 'online' });
}

// ---- staff: paper ballots, proxies, scans ----

async function memberOfUnit(db: Exec, vote: VoteRow, unitId: string): Promise<{ member: string; label: string }> {
  const label = (await unitLabel(db, vote.quarter_id, unitId)) ?? null;
  if (!label) throw new AppError('INVALID_REFERENCE', { what: '房屋', whatEn: 'The unit' });
  const link = await db.selectFrom('vote_roll_links').select('member').where('vote_id', '=', vote.id).where('unit_id', '=', unitId).executeTakeFirst();
  if (!link) throw new AppError('NOT_ON_ROLL', { unit: label });
  return { member: link.member, label };
}

/** A signed paper ballot entered by staff, with its scan attached (民法典 第278条). */
export async function enterPaperBallot(db: DB, ctx: RequestContext, voteId: string, input: { unitId: string; choices: Record<string, string>; scanId?: string | null }) {
  const vote = await authorizeVote(db, ctx.actor, voteId, 'enterBallots');
  assertTakingBallots(vote);
  const { member, label } = await memberOfUnit(db, vote, input.unitId);
  const scanId = await checkScan(db, vote, input.scanId, true);
  return castChecked(db, ctx, vote, { member, choices: input.choices, channel: 'paper', enteredBy: { id: ctx.actor.id, name: ctx.actor.displayName }, scanId, unitLabel: label });
}

/** A ballot cast by a proxy (委托) holding the owner's written authorisation, entered by staff. */
export async function enterProxyBallot(db: DB, ctx: RequestContext, voteId: string, input: { unitId: string; choices: Record<string, string>; proxyHolder: string; scanId?: string | null }) {
  const vote = await authorizeVote(db, ctx.actor, voteId, 'enterBallots');
  assertTakingBallots(vote);
  const { member, label } = await memberOfUnit(db, vote, input.unitId);
  const scanId = await checkScan(db, vote, input.scanId, false);
  return castChecked(db, ctx, vote, {
    member,
    choices: input.choices,
    channel: 'proxy',
    enteredBy: { id: ctx.actor.id, name: ctx.actor.displayName },
    scanId,
    proxyHolder: input.proxyHolder,
    unitLabel: label,
  });
}
