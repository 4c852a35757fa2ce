// Voiding a staff-entered ballot (issue 10, point 5): a paper or proxy ballot entered on the wrong
// unit is voided before the close, with a reason, and the unit's member may then vote again. The
// void is an entry of the server's cast-order chain naming the voided ballot, and an entry of the
// audit log with who, when and why; the published record (version 2) leaves the voided ballot
// out (docs/vote-record-format.md, "Voided ballots"). Online ballots are not staff's to void:
// they are not found here, exactly as an unknown id (docs/security.md, ballot secrecy).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { placeOfRow } from '../../platform/db-helpers';
import { AppError, notFound } from '../../platform/errors';
import { sealVoid } from '../../../core/voting/chain';
import type { Channel } from '../../../core/voting/record';
import { assertTakingBallots, authorizeVote } from './access';
import { displayShanghai, isoShanghai, now } from './clock';

type DB = Kysely<Database>;

/** A staff-entered ballot as GET /entries lists it: who entered which unit's ballot, and its void if any. */
export interface BallotEntryView {
  id: string;
  seq: number;
  channel: Channel;
  castAt: string;
  enteredBy: string | null;
  unit: string | null;
  proxyHolder: string | null;
  scanId: string | null;
  voided: { at: string; by: string | null; reason: string } | null;
}

/** The ballots of the vote that were voided, as entries (they were all entered by staff). */
export async function voidedEntries(db: DB, voteId: string, opts: { limit: number; id?: string }): Promise<BallotEntryView[]> {
  let q = db.selectFrom('voided_ballots').where('vote_id', '=', voteId);
  if (opts.id) q = q.where('id', '=', opts.id);
  const rows = await q
    .select(['id', 'seq', 'channel', 'cast_at', 'entered_by_name', 'unit_label', 'proxy_holder', 'scan_id', 'voided_at', 'voided_by_name', 'reason'])
    .orderBy('seq', 'desc')
    .limit(opts.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    channel: r.channel as Channel,
    castAt: r.cast_at,
    enteredBy: r.entered_by_name,
    unit: r.unit_label,
    proxyHolder: r.proxy_holder,
    scanId: r.scan_id,
    voided: { at: r.voided_at, by: r.voided_by_name, reason: r.reason },
  }));
}

/**
 * Voids a paper or proxy ballot of an open vote before its close, with the reason staff give.
 * The vote's row is locked for the transaction, so that the void's chain entry follows the head
 * exactly as a batch of ballots does (the sealing loop's write moves the head only from the seq
 * it built on, and builds again when the void moved it first).
 */
export async function voidBallot(db: DB, ctx: RequestContext, voteId: string, entryId: string, input: { reason: string }): Promise<BallotEntryView> {
  const reason = input.reason.trim();
  await db.transaction().execute(async (tx) => {
    const vote = await authorizeVote(tx, ctx.actor, voteId, 'enterBallots', { forUpdate: true });
    const ballot = await tx
      .selectFrom('ballots')
      .select(['id', 'seq', 'hash', 'channel', 'unit_label', 'scan_id', 'proxy_holder'])
      .where('vote_id', '=', vote.id)
      .where('id', '=', entryId)
      // An online ballot answers as an unknown id: that it exists, and is online, is not staff's to learn.
      .where('channel', '<>', 'online')
      .executeTakeFirst();
    if (!ballot) {
      const earlier = await tx.selectFrom('voided_ballots').select(['voided_at', 'voided_by_name']).where('vote_id', '=', vote.id).where('id', '=', entryId).executeTakeFirst();
      if (earlier) throw new AppError('BALLOT_ALREADY_VOIDED', { voidedAt: displayShanghai(new Date(earlier.voided_at)), voidedBy: earlier.voided_by_name ?? '' });
      throw notFound();
    }
    // Only while ballots are taken: after the close the count is fixed (民法典 第278条).
    assertTakingBallots(vote);
    if (vote.record_format !== 2) throw new AppError('VOID_NOT_IN_RECORD_V1');
    const entry = sealVoid(vote.head!, vote.last_seq + 1, { seq: ballot.seq, hash: ballot.hash }, isoShanghai(now()), reason);
    // The ballot moves, as it was sealed, to voided_ballots with its void (migration 0011).
    await sql`
      with d as (delete from ballots where id = ${ballot.id} and vote_id = ${vote.id} returning *)
      insert into voided_ballots (id, vote_id, district_id, quarter_id, seq, member, choices, channel, cast_at, prev, hash,
                                  entered_by, entered_by_name, cast_by_owner, scan_id, proxy_holder, unit_label,
                                  nonce, area_salt, area_commitment, record_hash, created_at,
                                  void_seq, void_prev, void_hash, voided_at, voided_by, voided_by_name, reason)
      select d.id, d.vote_id, d.district_id, d.quarter_id, d.seq, d.member, d.choices, d.channel, d.cast_at, d.prev, d.hash,
             d.entered_by, d.entered_by_name, d.cast_by_owner, d.scan_id, d.proxy_holder, d.unit_label,
             d.nonce, d.area_salt, d.area_commitment, d.record_hash, d.created_at,
             ${entry.seq}, ${entry.prev}, ${entry.hash}, ${entry.voidedAt}, ${ctx.actor.id}, ${ctx.actor.displayName}, ${reason}
      from d
    `.execute(tx);
    await tx
      .updateTable('votes')
      .set({ head: entry.hash, last_seq: entry.seq, voids: sql`voids + 1` })
      .where('id', '=', vote.id)
      .execute();
    await recordAudit(tx, ctx, {
      action: 'void',
      entity: 'ballot',
      entityId: ballot.id,
      place: placeOfRow(vote),
      // As the ballot's own entry: which unit's ballot, where in the chain, never its choices.
      before: { voteId: vote.id, seq: ballot.seq, channel: ballot.channel, unit: ballot.unit_label, scanId: ballot.scan_id, proxyHolder: ballot.proxy_holder },
      after: { voteId: vote.id, voided: true, voidSeq: entry.seq, reason },
    });
  });
  const [view] = await voidedEntries(db, voteId, { limit: 1, id: entryId });
  return view;
}
