// Term expiry and re-election (换届) reminders: the commissioner and the community office of a
// quarter find a to-do in their inbox when the owners' committee's term ends within the lead
// time of the committee-term-expiry rule (90 days by default; the pack may change it), and
// another once the term has run out without a successor (T/ZAS 4006.1—2020 5.4.2 "任期为3至5年").
// Each reminder carries a dedupe key of the committee, its last day and the kind of reminder, so
// running the job again (every few minutes) never puts the same reminder in an inbox twice, while
// a term that is later extended gets a reminder of its own.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { addDays, compareDates, daysBetween } from '../../../core/dates';
import { resolveRule } from '../../../core/policy/index';
import { districtPolicyPack } from '../places';
import type { PeriodicJob } from '../../platform/module';
import { notifyUsers, usersForQuarterRoles } from '../notifications';
import { quarterFactsByIds } from '../registry';
import { shanghaiDate } from './shared';

/** Who is reminded: the quarter's commissioner and its community office. */
const REMINDED = ['commissioner', 'community_office'] as const;

export interface ReminderRun {
  /** Inbox items newly created. */
  created: number;
}

export async function sendTermExpiryReminders(db: Kysely<Database>, now: Date = new Date()): Promise<ReminderRun> {
  const today = shanghaiDate(now);
  const committees = await db.selectFrom('owners_committees').select(['id', 'quarter_id', 'district_id', 'term_end']).where('status', '=', 'active').execute();
  if (!committees.length) return { created: 0 };
  // A successor elected (a forming committee with its election day) means the re-election is done.
  const successors = new Set(
    (await db.selectFrom('owners_committees').select('quarter_id').where('status', '=', 'forming').where('elected_on', 'is not', null).execute()).map((r) => r.quarter_id),
  );
  const quarters = await quarterFactsByIds(db, committees.map((c) => c.quarter_id));
  const leadByDistrict = new Map<string, number>();
  let created = 0;
  for (const c of committees) {
    if (successors.has(c.quarter_id)) continue;
    let lead = leadByDistrict.get(c.district_id);
    if (lead === undefined) {
      lead = resolveRule(await districtPolicyPack(db, c.district_id), 'committee-term-expiry').params.reminderDays;
      leadByDistrict.set(c.district_id, lead);
    }
    const expired = compareDates(today, c.term_end) > 0;
    const due = compareDates(today, addDays(c.term_end, -lead)) >= 0;
    if (!due) continue;
    const quarterName = quarters.get(c.quarter_id)?.name ?? '';
    const daysLeft = daysBetween(today, c.term_end);
    // Commissioner accounts are bound to the quarter and community offices to its community, so
    // these are exactly the quarter's commissioner and its community office.
    const ids = (await usersForQuarterRoles(db, c.quarter_id, [...REMINDED])).map((u) => u.id);
    created += await notifyUsers(db, ids, c.district_id, {
      kind: expired ? 'committee-term-expired' : 'committee-term-expiring',
      title: expired
        ? `${quarterName}业主委员会任期已于 ${c.term_end} 届满，尚未完成换届（T/ZAS 4006.1—2020 5.4.2）`
        : `${quarterName}业主委员会任期将于 ${c.term_end} 届满（还有 ${daysLeft} 天），请筹备换届（T/ZAS 4006.1—2020 5.4.2）`,
      body: expired
        ? 'The owners’ committee term has run out without a re-election.'
        : `The owners’ committee term ends on ${c.term_end} (${daysLeft} days): prepare the re-election.`,
      link: `/quarters/${c.quarter_id}?tab=section-organizations`,
      dueAt: `${c.term_end}T23:59:59+08:00`,
      dedupeKey: `committee-term:${c.id}:${c.term_end}:${expired ? 'expired' : `${lead}d`}`,
      quarterId: c.quarter_id,
    });
  }
  return { created };
}

export const termExpiryRemindersJob: PeriodicJob = {
  name: 'organizations.term-expiry-reminders',
  run: async (db, now) => void (await sendTermExpiryReminders(db, now)),
};
