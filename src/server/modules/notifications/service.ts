// The inbox of to-dos and reminders, and the outbox of messages to send.
// Other modules call these functions; they never write these tables themselves.
import type { Kysely, Transaction } from 'kysely';
import type { PeriodicJob } from '../../platform/module';
import type { Database } from '../../db/schema';
import type { Actor, Role } from '../../platform/access';
import { notFound } from '../../platform/errors';
import { maskPhone } from '../../../core/idnumber';
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

/**
 * Delivers one message. `to` is set for a message sent at once to a phone number
 * ({@link sendDirect}); queued messages name their recipient by user or owner id.
 */
export type Channel = (message: { id: number; subject: string; body: string; userId: string | null; ownerId: string | null; to?: string | null }) => Promise<void>;

/**
 * The default channel writes messages to the server log. A message to a phone number (the demo's
 * stand-in for SMS, e.g. a one-time code) is written with its text and the number masked.
 */
export const logChannel =
  (log: (line: string) => void = (line) => console.log(line)): Channel =>
  async (m) => {
    if (m.to) log(`[notify] #${m.id} SMS to ${maskPhone(m.to)}: ${m.body}`);
    else log(`[notify] #${m.id} to ${m.userId ?? m.ownerId ?? '?'}: ${m.subject}`);
  };

/**
 * How text messages to a phone (one-time codes) are sent: through an SMS gateway's channel, or
 * written to the server log (the demo and the tests, where the log stands in for the phone).
 */
export interface SmsSetting {
  kind: 'sms' | 'log';
  channel: Channel;
}

/** Attempts after which the queue stops retrying a message. */
const MAX_ATTEMPTS = 5;

export interface DirectMessage {
  districtId: string;
  quarterId: string | null;
  /** The owner the message is for; null for someone without a registry record (a visitor raising a case). */
  ownerId: string | null;
  /** The phone number; used for the channel only, never stored. */
  to: string;
  subject: string;
  /** The text sent, which may hold a secret (a one-time code); never stored. */
  body: string;
  /** What the outbox keeps of the text: the same words with the secret left out. */
  keptBody: string;
}

/**
 * Sends a message to a phone number at once through the given channel (an SMS gateway, or the
 * log channel of the demo) and keeps in the outbox only that it was sent, with `keptBody`: the
 * text with its secret and the number are in no table, so no staff view of the outbox or the
 * database shows them. A message that fails is not retried (the text is not kept); the caller
 * says so and the person asks again. Returns whether the channel took it.
 */
export async function sendDirect(db: Kysely<Database>, channel: Channel, m: DirectMessage): Promise<boolean> {
  const row = await db
    .insertInto('notification_outbox')
    // At the attempt limit from the start, so that deliverPending never picks it up.
    .values({ district_id: m.districtId, quarter_id: m.quarterId, owner_id: m.ownerId, subject: m.subject, body: m.keptBody, channel: 'sms', attempts: MAX_ATTEMPTS })
    .returning('id')
    .executeTakeFirstOrThrow();
  try {
    await channel({ id: row.id, subject: m.subject, body: m.body, userId: null, ownerId: m.ownerId, to: m.to });
    await db.updateTable('notification_outbox').set({ sent_at: new Date() }).where('id', '=', row.id).execute();
    return true;
  } catch (err) {
    await db
      .updateTable('notification_outbox')
      .set({ last_error: String((err as Error).message ?? err).slice(0, 500) })
      .where('id', '=', row.id)
      .execute();
    return false;
  }
}

/** Delivers pending messages through their channels; returns how many were sent. */
export async function deliverPending(db: Kysely<Database>, channels: Record<string, Channel>, limit = 200): Promise<number> {
  const pending = await db.selectFrom('notification_outbox').selectAll().where('sent_at', 'is', null).where('attempts', '<', MAX_ATTEMPTS).orderBy('id').limit(limit).execute();
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

/**
 * A page of the caller's inbox (open items, or every item with `includeDone`), due first, then
 * newest; with its total and the unread open items, which the header counts every minute.
 */
export async function listInbox(db: Kysely<Database>, actor: Actor, opts: { includeDone?: boolean; page?: number; pageSize?: number } = {}) {
  const { page = 1, pageSize = 50 } = opts;
  let base = db.selectFrom('inbox_items').where('user_id', '=', actor.id);
  if (!opts.includeDone) base = base.where('done_at', 'is', null);
  const [items, count, unread] = await Promise.all([
    base
      .select(['id', 'kind', 'title', 'body', 'link', 'due_at as dueAt', 'quarter_id as quarterId', 'created_at as createdAt', 'read_at as readAt', 'done_at as doneAt'])
      .orderBy('due_at')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db
      .selectFrom('inbox_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', actor.id)
      .where('done_at', 'is', null)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), unread: Number(unread.n), items };
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
export async function runPeriodicJobs(
  jobs: readonly PeriodicJob[],
  db: Kysely<Database>,
  now = new Date(),
  log?: (msg: string) => void,
  installed?: Parameters<PeriodicJob['run']>[2],
) {
  for (const job of jobs) {
    try {
      await job.run(db, now, installed);
    } catch (err) {
      log?.(`periodic job ${job.name} failed: ${(err as Error).message}`);
    }
  }
}
