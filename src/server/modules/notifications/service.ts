// The inbox of to-dos and reminders, and the outbox of messages to send.
// Other modules call these functions; they never write these tables themselves.
import type { Kysely, Transaction } from 'kysely';
import type { PeriodicJob } from '../../platform/module';
import type { Database } from '../../db/schema';
import type { Actor, Role } from '../../platform/access';
import { notFound } from '../../platform/errors';
import { quarterPlace } from '../registry';
import { districtAccountsWithRoles } from '../users';

type Exec = Kysely<Database> | Transaction<Database>;

export interface InboxMessage {
  kind: string;
  title: string;
  body?: string;
  /** A path in the web app, e.g. /quarters/<id>?tab=organizations */
  link?: string | null;
  dueAt?: Date | string | null;
  /** Puts the same reminder into an inbox once, however often it is raised. */
  dedupeKey?: string | null;
  quarterId?: string | null;
}

/** Puts a message into the inboxes of the given users; returns how many were new. */
export async function notifyUsers(db: Exec, userIds: string[], districtId: string, message: InboxMessage): Promise<number> {
  if (!userIds.length) return 0;
  const rows = await db
    .insertInto('inbox_items')
    .values(
      userIds.map((userId) => ({
        user_id: userId,
        district_id: districtId,
        quarter_id: message.quarterId ?? null,
        kind: message.kind,
        title: message.title,
        body: message.body ?? '',
        link: message.link ?? null,
        due_at: message.dueAt ?? null,
        dedupe_key: message.dedupeKey ?? null,
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
    .returning('id')
    .execute();
  return rows.length;
}

/**
 * The accounts holding a role for a place: `quarter` roles of that quarter, and the offices
 * whose scope contains it (e.g. the community office of the quarter's community).
 */
export async function usersForQuarterRoles(db: Exec, quarterId: string, roles: Role[]): Promise<{ id: string; districtId: string }[]> {
  const q = await quarterPlace(db, quarterId);
  if (!q) return [];
  const rows = await districtAccountsWithRoles(db, q.districtId, roles);
  return rows
    .filter(
      (u) =>
        u.quarterId === q.quarterId ||
        (u.scopeLevel === 'community' && u.scopeId === q.communityId) ||
        (u.scopeLevel === 'street' && u.scopeId === q.streetId) ||
        u.scopeLevel === 'district',
    )
    .map((u) => ({ id: u.id, districtId: u.districtId }));
}

export interface OutboxMessage {
  districtId: string;
  quarterId?: string | null;
  userId?: string | null;
  ownerId?: string | null;
  subject: string;
  body: string;
  channel?: string;
  /** The same message is queued once: e.g. `vote:<id>:reminder-3d:<member>`. */
  dedupeKey?: string | null;
}

/** Queues messages for delivery; returns how many were new. */
export async function queueMessages(db: Exec, messages: OutboxMessage[]): Promise<number> {
  if (!messages.length) return 0;
  const rows = await db
    .insertInto('notification_outbox')
    .values(
      messages.map((m) => ({
        district_id: m.districtId,
        quarter_id: m.quarterId ?? null,
        user_id: m.userId ?? null,
        owner_id: m.ownerId ?? null,
        subject: m.subject,
        body: m.body,
        channel: m.channel ?? 'log',
        dedupe_key: m.dedupeKey ?? null,
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .execute();
  return rows.length;
}

export type Channel = (message: { id: number; subject: string; body: string; userId: string | null; ownerId: string | null }) => Promise<void>;

/** The default channel writes messages to the server log. */
export const logChannel =
  (log: (line: string) => void = (line) => console.log(line)): Channel =>
  async (m) => {
    log(`[notify] #${m.id} to ${m.userId ?? m.ownerId ?? '?'}: ${m.subject}`);
  };

/** Delivers pending messages through their channels; returns how many were sent. */
export async function deliverPending(db: Kysely<Database>, channels: Record<string, Channel>, limit = 200): Promise<number> {
  const pending = await db.selectFrom('notification_outbox').selectAll().where('sent_at', 'is', null).where('attempts', '<', 5).orderBy('id').limit(limit).execute();
  let sent = 0;
  for (const m of pending) {
    const channel = channels[m.channel] ?? channels.log;
    try {
      await channel({ id: m.id, subject: m.subject, body: m.body, userId: m.user_id, ownerId: m.owner_id });
      await db.updateTable('notification_outbox').set({ sent_at: new Date(), attempts: m.attempts + 1 }).where('id', '=', m.id).execute();
      sent++;
    } catch (err) {
      await db
        .updateTable('notification_outbox')
        .set({ attempts: m.attempts + 1, last_error: String((err as Error).message ?? err).slice(0, 500) })
        .where('id', '=', m.id)
        .execute();
    }
  }
  return sent;
}

export async function listInbox(db: Kysely<Database>, actor: Actor, opts: { includeDone?: boolean } = {}) {
  let q = db
    .selectFrom('inbox_items')
    .select(['id', 'kind', 'title', 'body', 'link', 'due_at as dueAt', 'quarter_id as quarterId', 'created_at as createdAt', 'read_at as readAt', 'done_at as doneAt'])
    .where('user_id', '=', actor.id);
  if (!opts.includeDone) q = q.where('done_at', 'is', null);
  return q.orderBy('due_at').orderBy('created_at', 'desc').limit(500).execute();
}

export async function markInbox(db: Kysely<Database>, actor: Actor, id: string, change: { read?: boolean; done?: boolean }) {
  const item = await db.selectFrom('inbox_items').select('id').where('id', '=', id).where('user_id', '=', actor.id).executeTakeFirst();
  if (!item) throw notFound();
  const set: { read_at?: Date | null; done_at?: Date | null } = {};
  if (change.read !== undefined) set.read_at = change.read ? new Date() : null;
  if (change.done !== undefined) set.done_at = change.done ? new Date() : null;
  if (Object.keys(set).length) await db.updateTable('inbox_items').set(set).where('id', '=', id).execute();
}

/** Runs the modules' periodic jobs (their descriptors' `jobs`) one after the other; a failure is logged, not fatal. */
export async function runPeriodicJobs(jobs: readonly PeriodicJob[], db: Kysely<Database>, now = new Date(), log?: (msg: string) => void) {
  for (const job of jobs) {
    try {
      await job.run(db, now);
    } catch (err) {
      log?.(`periodic job ${job.name} failed: ${(err as Error).message}`);
    }
  }
}
