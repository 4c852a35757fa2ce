// The sealing loop: ballots appended to a vote's hash chain (docs/vote-record-format.md), in batches
// of one read and one statement each, so that the chain stays unbroken across server processes
// and a receipt is answered only once its ballot is committed. See docs/architecture.md,
// "Voting": the design, its query plans and what the benchmark measured. Nothing here checks
// who may cast: the callers (ballots.ts) have done so.
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from '../../db/schema';
import { insertAuditRows, type AuditEntry, type RequestContext } from '../../platform/audit';
import { isUniqueViolation, placeOfRow } from '../../platform/db-helpers';
import { AppError } from '../../platform/errors';
import { sealBallot } from '../../../core/voting/builder';
import { sealBallotV2, type SealedBallotV2 } from '../../../core/voting/builder-v2';
import { receiptCode } from '../../../core/voting/hash';
import type { Channel, Choice } from '../../../core/voting/record';
import { displayShanghai, isoShanghai, now } from './clock';
import { channelParams, statusParams } from './labels';
import { loadItems, type VoteRow } from './record';

type DB = Kysely<Database>;

export interface SealInput {
  member: string;
  choices: Record<string, Choice>;
  channel: Channel;
  enteredBy?: { id: string; name: string } | null;
  castByOwner?: string | null;
  scanId?: string | null;
  proxyHolder?: string | null;
  unitLabel?: string | null;
}

export interface CastReceipt {
  seq: number;
  castAt: string;
  hash: string;
  receiptCode: string;
  channel: Channel;
}

/**
 * The channel only, never the time: staff who enter a paper or proxy ballot for a unit that
 * voted online would otherwise learn when that ballot was cast (issue 11, point 1).
 */
function alreadyVotedError(existing: { channel: string }) {
  return new AppError('ALREADY_VOTED', channelParams(existing.channel));
}

export type AuditCtx = RequestContext | { actor: null; ip: string | null };

/**
 * An online ballot whose voter token is resolved to its member in the sealing loop's read,
 * together with the rest of its batch: one query for the batch instead of one per ballot.
 */
export type OnlineSealInput = Omit<SealInput, 'member' | 'castByOwner'> & { voterTokenHash: string };

interface PendingBallot {
  ctx: AuditCtx;
  input: SealInput | OnlineSealInput;
  resolve(receipt: CastReceipt): void;
  reject(err: unknown): void;
}

interface SealQueue {
  pending: PendingBallot[];
  running: boolean;
}

/** Queues of ballots waiting to be sealed, per database and vote. */
const sealQueues = new WeakMap<DB, Map<string, SealQueue>>();
/** The most ballots sealed in one statement. */
const SEAL_BATCH = 500;

/**
 * Appends a ballot to the vote's hash chain and answers its receipt once it is committed.
 *
 * Ballots of one vote are sealed by one loop per server process, in batches: while one batch
 * is written, the ballots that arrive queue up and are sealed together in the next one (group
 * commit). A batch is written in one statement that moves the vote's head only from the head it
 * was built on (see {@link writeBatch}), so that across processes too the seqs are consecutive
 * and each ballot links to the one before — no fork, no gap. One ballot per member is checked
 * against what was read, and is in any case the database's UNIQUE (vote_id, member). A ballot's
 * audit entry is written in the same statement as the ballot. The receipt is only given after
 * the statement committed: a ballot that was answered is never lost, and a failed statement
 * writes nothing.
 */
export function castBallot(db: DB, ctx: AuditCtx, vote: VoteRow, input: SealInput | OnlineSealInput): Promise<CastReceipt> {
  let byVote = sealQueues.get(db);
  if (!byVote) sealQueues.set(db, (byVote = new Map()));
  let queue = byVote.get(vote.id);
  if (!queue) byVote.set(vote.id, (queue = { pending: [], running: false }));
  const q = queue;
  const done = new Promise<CastReceipt>((resolve, reject) => q.pending.push({ ctx, input, resolve, reject }));
  if (!q.running) void drainSealQueue(db, vote, q, byVote);
  return done;
}

function settle(batch: PendingBallot[], outcomes: Array<CastReceipt | AppError>) {
  outcomes.forEach((outcome, i) => (outcome instanceof Error ? batch[i].reject(outcome) : batch[i].resolve(outcome)));
}

/**
 * What one sealing loop has itself written: the head its next batch builds on, and the members
 * and scans it sealed. The next batch's read runs while the previous batch is being written
 * (so that the loop waits for one round trip per batch, not two) and may not see that batch
 * yet; these fill the gap. They are kept only until a read sees the loop's last write: a
 * voided ballot leaves the ballots (voids.ts), and its member may cast again.
 */
interface LoopChain {
  base: { head: string; lastSeq: number } | null;
  sealed: Map<string, { channel: string; cast_at: string }>;
  scans: Set<string>;
}

async function drainSealQueue(db: DB, vote: VoteRow, queue: SealQueue, byVote: Map<string, SealQueue>) {
  queue.running = true;
  const chain: LoopChain = { base: null, sealed: new Map(), scans: new Set() };
  let writing: Promise<void> | null = null;
  try {
    while (queue.pending.length || writing) {
      if (!queue.pending.length) {
        await writing;
        writing = null;
        continue;
      }
      const batch = queue.pending.splice(0, SEAL_BATCH);
      // The read starts now, alongside the previous batch's write.
      const read = readBatchState(db, vote, batch);
      read.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"
      if (writing) {
        await writing;
        writing = null;
      }
      let built: BuiltBatch;
      try {
        const items = await cachedItems(db, vote.id);
        const state = await read;
        // The read may predate this loop's last write; another process's write (or a void)
        // shows as a later seq than the loop's own, and then the chain is built on what was read.
        // A read that saw the loop's last write sees everything the loop remembers, and a void
        // made since (voids.ts) takes a member and its scan out of what was sealed: the memory
        // is emptied then, so that it only ever fills the gap of a read older than the write.
        const stale = chain.base !== null && chain.base.lastSeq > state.last_seq;
        if (!stale) {
          chain.sealed.clear();
          chain.scans.clear();
        }
        const base = stale ? chain.base! : { head: state.head!, lastSeq: state.last_seq };
        built = buildBatch(vote, items, batch, state, base, chain);
      } catch (err) {
        for (const p of batch) p.reject(err);
        continue;
      }
      if (!built.rows.length) {
        settle(batch, built.outcomes);
        continue;
      }
      writing = writeBatch(db, vote, built)
        .catch((err: unknown) => {
          // Only a ballot that slipped past the checks (UNIQUE) can fail the statement;
          // nothing was written, and the batch is sealed again from a fresh read.
          if (isUniqueViolation(err)) return false;
          throw err;
        })
        .then(async (moved) => {
          if (moved) {
            chain.base = { head: built.head, lastSeq: built.seq };
            for (const r of built.rows) {
              chain.sealed.set(r.input.member, { channel: r.input.channel, cast_at: r.sealed.castAt });
              if (r.input.scanId) chain.scans.add(r.input.scanId);
            }
            settle(batch, built.outcomes);
            return;
          }
          // The chain moved under the batch (another process, or the vote was closed): read
          // everything again and seal it on its own.
          chain.base = null;
          settle(batch, await sealBatch(db, vote, batch));
        })
        .catch((err: unknown) => {
          chain.base = null;
          for (const p of batch) p.reject(err);
        });
    }
  } finally {
    queue.running = false;
    if (!queue.pending.length) byVote.delete(vote.id);
  }
}

/** How often a batch is read and written again when another process moved the chain first. */
const SEAL_ATTEMPTS = 50;

/** Seals a batch on its own, reading and writing again while another process moves the chain. */
async function sealBatch(db: DB, vote: VoteRow, batch: PendingBallot[]): Promise<Array<CastReceipt | AppError>> {
  const items = await cachedItems(db, vote.id);
  for (let attempt = 0; attempt < SEAL_ATTEMPTS; attempt++) {
    const state = await readBatchState(db, vote, batch);
    const built = buildBatch(vote, items, batch, state, { head: state.head!, lastSeq: state.last_seq }, null);
    if (!built.rows.length) return built.outcomes;
    if (await writeBatch(db, vote, built)) return built.outcomes;
  }
  throw new Error(`the chain of vote ${vote.id} kept moving while a batch was sealed`);
}

/**
 * One read for a batch: the vote's state and head, the batch's voter tokens and the ballots
 * its members (or scans) already have.
 */
function readBatchState(db: DB, vote: VoteRow, batch: PendingBallot[]) {
  const tokenHashes = batch.flatMap((p) => ('voterTokenHash' in p.input ? [p.input.voterTokenHash] : []));
  const knownMembers = batch.flatMap((p) => ('member' in p.input ? [p.input.member] : []));
  const batchScans = batch.flatMap((p) => (p.input.scanId ? [p.input.scanId] : []));
  return db
    .selectFrom('votes as v')
    .select(['v.status', 'v.opens_at', 'v.closes_at', 'v.head', 'v.last_seq'])
    .select((eb) => [
      // The batch's voter tokens with what their members already cast, found by the tokens'
      // unique index alone: the token's vote is checked in {@link buildBatch}. Filtering by
      // the vote here let the planner pick the (vote_id, member) index, which reads every
      // verification of the vote for each batch when its statistics lag behind a busy vote.
      jsonArrayFrom(
        eb
          .selectFrom('owner_verifications as ov')
          // Lateral, so that each member's ballot is one lookup in the (vote_id, member) index
          // rather than a join that may read all of the vote's ballots.
          .leftJoinLateral(
            (lb) => lb.selectFrom('ballots').select(['channel', 'cast_at', 'scan_id']).whereRef('ballots.vote_id', '=', 'ov.vote_id').whereRef('ballots.member', '=', 'ov.member').limit(1).as('b'),
            (j) => j.onTrue(),
          )
          .select(['ov.token_hash', 'ov.vote_id', 'ov.member', 'ov.owner_id', 'ov.expires_at', 'b.channel', 'b.cast_at', 'b.scan_id'])
          .where((w) => w.or(tokenHashes.length ? [w('ov.token_hash', 'in', tokenHashes)] : [])),
      ).as('voters'),
      jsonArrayFrom(
        eb
          .selectFrom('ballots as b')
          .select(['b.member', 'b.channel', 'b.cast_at', 'b.scan_id'])
          .where('b.vote_id', '=', vote.id)
          .where((w) => w.or(knownMembers.length ? [w('b.member', 'in', knownMembers)] : [])),
      ).as('earlierEntered'),
      jsonArrayFrom(
        eb
          .selectFrom('ballots as b')
          .select(['b.member', 'b.channel', 'b.cast_at', 'b.scan_id'])
          .where((w) => w.or(batchScans.length ? [w('b.scan_id', 'in', batchScans)] : [])),
      ).as('earlierScans'),
      // Version 2 commits to each ballot's area at cast: the areas of the batch's members.
      jsonArrayFrom(
        eb
          .selectFrom('vote_roll as r')
          .select(['r.member', 'r.area'])
          .where('r.vote_id', '=', vote.id)
          .where((w) =>
            w.or(
              vote.record_format === 2
                ? [
                    ...(knownMembers.length ? [w('r.member', 'in', knownMembers)] : []),
                    ...(tokenHashes.length ? [w('r.member', 'in', w.selectFrom('owner_verifications as ov2').select('ov2.member').where('ov2.vote_id', '=', vote.id).where('ov2.token_hash', 'in', tokenHashes))] : []),
                  ]
                : [],
            ),
          ),
      ).as('areas'),
    ])
    .where('v.id', '=', vote.id)
    .executeTakeFirstOrThrow();
}

type BatchState = Awaited<ReturnType<typeof readBatchState>>;

/** A ballot ready to write: its link in the server's chain and, for version 2, its published seal. */
interface BatchRow {
  id: string;
  sealed: ReturnType<typeof sealBallot>;
  v2: SealedBallotV2 | null;
  input: SealInput;
}

/** 128 random bits as 32 lowercase hex: a version 2 nonce or area salt. */
function random128(): string {
  return crypto.randomBytes(16).toString('hex');
}

interface BuiltBatch {
  outcomes: Array<CastReceipt | AppError>;
  rows: BatchRow[];
  audits: { ctx: AuditCtx; entry: AuditEntry }[];
  /** The head the batch was built on, and the new one. */
  baseSeq: number;
  head: string;
  seq: number;
  castAt: string;
}

/**
 * Checks a batch against what was read (and what the loop itself sealed since), and seals the
 * accepted ballots onto the chain from `base`. Nothing is written here.
 */
function buildBatch(
  vote: VoteRow,
  items: Awaited<ReturnType<typeof cachedItems>>,
  batch: PendingBallot[],
  state: BatchState,
  base: { head: string; lastSeq: number },
  chain: LoopChain | null,
): BuiltBatch {
  const at = now();
  const castAt = isoShanghai(at);
  const empty = { rows: [], audits: [], baseSeq: base.lastSeq, head: base.head, seq: base.lastSeq, castAt };
  let refusal: AppError | null = null;
  if (state.status !== 'open') refusal = new AppError('VOTE_NOT_OPEN', statusParams(state.status));
  else if (at.getTime() < new Date(state.opens_at).getTime()) refusal = new AppError('VOTE_NOT_STARTED', { opensAt: displayShanghai(new Date(state.opens_at)) });
  else if (at.getTime() > new Date(state.closes_at).getTime()) refusal = new AppError('VOTE_WINDOW_CLOSED', { closesAt: displayShanghai(new Date(state.closes_at)) });
  if (refusal) return { ...empty, outcomes: batch.map(() => refusal!) };

  // Online ballots: a token that is unknown, of another vote or expired is refused.
  const voters = new Map(state.voters.filter((v) => v.vote_id === vote.id).map((v) => [v.token_hash, v]));
  const inputs = batch.map((p): SealInput | AppError => {
    if (!('voterTokenHash' in p.input)) return p.input;
    const { voterTokenHash, ...rest } = p.input;
    const voter = voters.get(voterTokenHash);
    if (!voter || new Date(voter.expires_at).getTime() < at.getTime()) return new AppError('VOTER_TOKEN_INVALID');
    return { ...rest, member: voter.member, castByOwner: voter.owner_id };
  });

  const cast = new Map<string, { channel: string; cast_at: string }>(chain?.sealed);
  const usedScans = new Set<string>(chain?.scans);
  const earlierOnline = state.voters.flatMap((v) => (v.vote_id === vote.id && v.channel && v.cast_at ? [{ member: v.member, channel: v.channel, cast_at: v.cast_at, scan_id: v.scan_id }] : []));
  for (const row of [...earlierOnline, ...state.earlierEntered, ...state.earlierScans]) {
    cast.set(row.member, row);
    if (row.scan_id) usedScans.add(row.scan_id);
  }
  const areas = new Map(state.areas.map((r) => [r.member, Number(r.area)]));
  let head = base.head;
  let seq = base.lastSeq;
  const rows: BuiltBatch['rows'] = [];
  const audits: BuiltBatch['audits'] = [];
  const outcomes = batch.map((p, i): CastReceipt | AppError => {
    const input = inputs[i];
    if (input instanceof AppError) return input;
    const earlier = cast.get(input.member);
    if (earlier) return alreadyVotedError(earlier);
    if (input.scanId && usedScans.has(input.scanId)) return new AppError('SCAN_ALREADY_USED');
    const sealed = sealBallot(items, head, seq + 1, { member: input.member, choices: input.choices, channel: input.channel, castAt });
    // Version 2: the published seal (nonce, area commitment, hash) is made now, so that the
    // receipt code is the one the published record will carry.
    const area = areas.get(input.member);
    if (vote.record_format === 2 && area === undefined) throw new Error(`member of vote ${vote.id} has no area on the roll`);
    const v2 = vote.record_format === 2 ? sealBallotV2({ id: vote.id, items }, { choices: input.choices, channel: input.channel, area: area! }, { nonce: random128(), areaSalt: random128() }) : null;
    head = sealed.hash;
    seq = sealed.seq;
    cast.set(input.member, { channel: input.channel, cast_at: castAt });
    if (input.scanId) usedScans.add(input.scanId);
    const id = crypto.randomUUID();
    rows.push({ id, sealed, v2, input });
    audits.push({
      // An online ballot's entry names nobody: it is written in the ballot's own statement, so
      // its time is the record's castAt, and an account or address next to that time would
      // tell a reader of the log whose ballot it is. Who verified, and from where, is in the
      // verification's entry, made earlier.
      ctx: input.channel === 'online' ? { actor: null, ip: null } : p.ctx,
      entry: {
        action: 'cast',
        entity: 'ballot',
        entityId: id,
        place: placeOfRow(vote),
        // Staff-entered ballots log who entered which unit's ballot, where in the chain, never
        // its choices: the log is read by the offices while the vote is open, when no one may
        // see how anyone voted (the chain keeps the choices; the scan shows the paper). An
        // owner's online ballot logs only that one was cast: its seq or pseudonym would tell a
        // reader of the log, with the published record, how it voted.
        after:
          input.channel === 'online'
            ? { voteId: vote.id, channel: input.channel }
            : { voteId: vote.id, seq: sealed.seq, channel: input.channel, unit: input.unitLabel ?? null, scanId: input.scanId ?? null, proxyHolder: input.proxyHolder ?? null },
      },
    });
    const published = v2?.hash ?? sealed.hash;
    return { seq: sealed.seq, castAt, hash: published, receiptCode: receiptCode(published), channel: input.channel };
  });
  return { outcomes, rows, audits, baseSeq: base.lastSeq, head, seq, castAt };
}

/**
 * Writes a built batch in one statement that moves the vote's head from the seq the batch was
 * built on to its new one and, only if it did, inserts the ballots and their audit entries. A
 * single statement is atomic, and the head only moves from the value the chain was built on
 * (`last_seq` unchanged, vote still open, its window not yet closed at the ballots' time), so
 * two writers can never both extend the chain from the same head: the second writes nothing
 * and answers false.
 */
async function writeBatch(db: DB, vote: VoteRow, built: BuiltBatch): Promise<boolean> {
  // The audit entries go in through the platform's fragment, as the last CTE of the same statement.
  const written = await sql<{ moved: number }>`
    with u as (
      update votes set head = ${built.head}, last_seq = ${built.seq}
      where id = ${vote.id} and last_seq = ${built.baseSeq} and status = 'open' and closes_at >= ${built.castAt}::timestamptz
      returning id
    ), b as (
      insert into ballots (id, vote_id, district_id, quarter_id, seq, member, choices, channel, cast_at, prev, hash,
                           entered_by, entered_by_name, cast_by_owner, scan_id, proxy_holder, unit_label,
                           nonce, area_salt, area_commitment, record_hash)
      select r.id, r.vote_id, r.district_id, r.quarter_id, r.seq, r.member, r.choices, r.channel, r.cast_at, r.prev, r.hash,
             r.entered_by, r.entered_by_name, r.cast_by_owner, r.scan_id, r.proxy_holder, r.unit_label,
             r.nonce, r.area_salt, r.area_commitment, r.record_hash
      from jsonb_populate_recordset(null::ballots, ${JSON.stringify(ballotRows(built.rows, vote))}::jsonb) as r
      where exists (select 1 from u)
      returning 1
    ), a as (
      ${insertAuditRows(built.audits, sql`exists (select 1 from u)`)}
      returning 1
    )
    select (select count(*) from u)::int as moved
  `.execute(db);
  return Number(written.rows[0]?.moved) === 1;
}

function ballotRows(rows: BatchRow[], vote: VoteRow) {
  return rows.map(({ id, sealed, v2, input }) => ({
    id,
    vote_id: vote.id,
    district_id: vote.district_id,
    quarter_id: vote.quarter_id,
    seq: sealed.seq,
    member: sealed.member,
    choices: sealed.choices,
    channel: sealed.channel,
    cast_at: sealed.castAt,
    prev: sealed.prev,
    hash: sealed.hash,
    entered_by: input.enteredBy?.id ?? null,
    entered_by_name: input.enteredBy?.name ?? null,
    cast_by_owner: input.castByOwner ?? null,
    scan_id: input.scanId ?? null,
    proxy_holder: input.proxyHolder ?? null,
    unit_label: input.unitLabel ?? null,
    nonce: v2?.nonce ?? null,
    area_salt: v2?.areaSalt ?? null,
    area_commitment: v2?.areaCommitment ?? null,
    record_hash: v2?.hash ?? null,
  }));
}

/**
 * A vote's items never change once it exists (there is no route to edit them), so they are
 * kept in memory after the first read; every ballot needs them.
 */
const itemCache = new WeakMap<DB, Map<string, Awaited<ReturnType<typeof loadItems>>>>();
export async function cachedItems(db: DB, voteId: string) {
  let byVote = itemCache.get(db);
  if (!byVote) itemCache.set(db, (byVote = new Map()));
  let items = byVote.get(voteId);
  if (!items) {
    items = await loadItems(db, voteId);
    if (byVote.size > 1000) byVote.clear();
    byVote.set(voteId, items);
  }
  return items;
}
