// Reminders to voting members who have not voted, 3 days and 1 day before a vote closes
// (issue 4): into the inbox of the owners' accounts and into the notification outbox for the
// owners themselves (most owners have no account; the outbox reaches them by SMS or WeChat).
// Idempotent: every message carries a dedupe key, so running the job again, or from several
// server processes at once, sends nothing twice.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { PeriodicJob } from '../../platform/module';
import { notifyUsers, queueMessages, type OutboxMessage } from '../notifications';
import { ownerContacts } from '../registry';
import { ownerAccountIds } from '../users';
import { displayShanghai } from './clock';

const HOUR_MS = 3_600_000;
export const REMINDER_STAGES = [
  { key: '3d', hoursBefore: 72, zh: '3 天', en: '3 days' },
  { key: '1d', hoursBefore: 24, zh: '1 天', en: '1 day' },
] as const;

/**
 * Sends the reminders that are due at `at`: for each open vote closing within 72 (or 24) hours,
 * every member of the frozen roll without a ballot. Returns how many new inbox items and
 * outbox messages were made.
 */
export async function sendVoteReminders(db: Kysely<Database>, at: Date): Promise<{ inbox: number; outbox: number }> {
  let inbox = 0;
  let outbox = 0;
  const votes = await db
    .selectFrom('votes')
    .select(['id', 'title', 'district_id', 'quarter_id', 'quarter_name', 'opens_at', 'closes_at'])
    .where('status', '=', 'open')
    .where('closes_at', '>', at)
    .where('closes_at', '<=', new Date(at.getTime() + 72 * HOUR_MS))
    .execute();
  for (const vote of votes) {
    if (new Date(vote.opens_at).getTime() > at.getTime()) continue;
    const left = new Date(vote.closes_at).getTime() - at.getTime();
    // The latest stage due: a vote opened 30 hours before its close gets only the 3-day one
    // until 24 hours are left, then the 1-day one.
    const stage = [...REMINDER_STAGES].reverse().find((s) => left <= s.hoursBefore * HOUR_MS)!;
    const notVoted = await db
      .selectFrom('vote_roll_links as l')
      .leftJoin('ballots as b', (j) => j.onRef('b.vote_id', '=', 'l.vote_id').onRef('b.member', '=', 'l.member'))
      .select(['l.owner_id', 'l.member'])
      .where('l.vote_id', '=', vote.id)
      .where('b.id', 'is', null)
      .execute();
    if (!notVoted.length) continue;
    const ownerIds = [...new Set(notVoted.map((r) => r.owner_id))];
    // The owners that still exist (the registry), and their enabled accounts (the users module).
    const owners = [...(await ownerContacts(db, vote.quarter_id, ownerIds)).keys()];
    const accounts = await ownerAccountIds(db, owners);
    const closes = displayShanghai(new Date(vote.closes_at));
    const subject = `【${vote.quarter_name}】表决“${vote.title}”还有${stage.zh}截止`;
    const body = `您尚未参加“${vote.title}”的表决，投票将于 ${closes} 截止。请在截止前登录共治平台，核验身份（身份证号码和不动产权证号）后投票，或向业主委员会、小区专员领取纸质选票。`;
    const userIds = owners.flatMap((ownerId) => accounts.get(ownerId) ?? []);
    inbox += await notifyUsers(db, userIds, vote.district_id, {
      kind: 'vote_reminder',
      title: subject,
      body,
      link: `/me/votes/${vote.id}`,
      dueAt: new Date(vote.closes_at),
      dedupeKey: `vote:${vote.id}:reminder-${stage.key}`,
      quarterId: vote.quarter_id,
    });
    const messages: OutboxMessage[] = owners.map((ownerId) => ({
      districtId: vote.district_id,
      quarterId: vote.quarter_id,
      ownerId,
      subject,
      body,
      dedupeKey: `vote:${vote.id}:reminder-${stage.key}:${ownerId}`,
    }));
    for (let i = 0; i < messages.length; i += 1000) outbox += await queueMessages(db, messages.slice(i, i + 1000));
  }
  return { inbox, outbox };
}

export const voteRemindersJob: PeriodicJob = { name: 'voting.reminders', run: async (db, at) => void (await sendVoteReminders(db, at)) };
