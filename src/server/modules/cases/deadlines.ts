// The periodic job of the time limits: a reminder to the handler before the deadline, and after
// it the case goes up to the street (街乡吹哨、部门报到, 湘建房〔2021〕231号 五（二）: the street
// "whistles" and the departments report), into the street office's inbox and the escalated list.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { PeriodicJob } from '../../platform/module';
import { reminderAt } from '../../../core/cases';
import { notifyUsers, usersForQuarterRoles } from '../notifications';
import { overdueNow } from './cases';
import { handlerAccounts, writeStep } from './steps';

type DB = Kysely<Database>;

export const ESCALATION_CLAUSE = '湘建房〔2021〕231号 五（二）';
/** Cases a run handles at most: the next run takes the rest. */
const BATCH = 500;

export async function runCaseDeadlines(db: DB, now: Date = new Date()) {
  // Open cases not yet escalated whose reply or acknowledgement is due within a day: the only
  // ones that can need a reminder or an escalation now (cases_open_idx).
  const soon = new Date(now.getTime() + 24 * 60 * 60 * 1000);
  const rows = await db
    .selectFrom('cases')
    .selectAll()
    .where('status', 'not in', ['replied', 'closed'])
    .where('escalated_at', 'is', null)
    .where((eb) => eb.or([eb('resolve_due_at', '<', soon), eb.and([eb('status', '=', 'received'), eb('acknowledge_due_at', '<', soon)])]))
    .orderBy('resolve_due_at')
    .limit(BATCH)
    .execute();
  let reminded = 0;
  let escalated = 0;
  for (const row of rows) {
    if (overdueNow(row, now)) {
      await db.transaction().execute(async (tx) => {
        await writeStep(tx, row, { action: 'escalate', to: null, by: { actorId: null, office: '系统', name: null }, note: `逾期未办结，上报街道（${ESCALATION_CLAUSE}）`, set: { escalated_at: now } }, now);
        const street = (await usersForQuarterRoles(tx, row.quarter_id, ['street_office'])).map((u) => u.id);
        await notifyUsers(tx, street, row.district_id, {
          kind: 'case-escalated',
          title: `逾期诉求上报：${row.category_name}`,
          body: `${row.description.slice(0, 120)}（${ESCALATION_CLAUSE} 街乡吹哨、部门报到）`,
          link: `/cases/${row.id}`,
          quarterId: row.quarter_id,
          dedupeKey: `case:${row.id}:escalated:${now.getTime()}`,
        });
      });
      escalated++;
      continue;
    }
    const due = row.status === 'received' ? new Date(row.acknowledge_due_at) : new Date(row.resolve_due_at);
    if (row.reminded_at || now.getTime() < reminderAt(new Date(row.received_at), due).getTime()) continue;
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('cases').set({ reminded_at: now }).where('id', '=', row.id).execute();
      const users = row.status === 'received' ? (await usersForQuarterRoles(tx, row.quarter_id, ['commissioner', 'community_office'])).map((u) => u.id) : await handlerAccounts(tx, row);
      await notifyUsers(tx, users, row.district_id, {
        kind: 'case-due',
        title: `诉求即将到期：${row.category_name}`,
        body: row.description.slice(0, 120),
        link: `/cases/${row.id}`,
        dueAt: due,
        quarterId: row.quarter_id,
        dedupeKey: `case:${row.id}:due:${due.getTime()}`,
      });
    });
    reminded++;
  }
  return { reminded, escalated };
}

export const caseDeadlinesJob: PeriodicJob = {
  name: 'case-deadlines',
  run: async (db, now) => {
    await runCaseDeadlines(db, now);
  },
};
