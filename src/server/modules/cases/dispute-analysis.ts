// The owners' committee's monthly dispute analysis (矛盾纠纷分析例会, DB3305/T 309—2024 5.1.4.1.3),
// read from the register: a quarter's disputes of a month (its own and the joint mediations it
// takes part in, HZ 5.1.4.2) by kind, risk level and where they stood at the month's end, new
// and carried over, and the major ones reported upward. The arithmetic is core/cases
// (analyseDisputeMonth); this reads the rows.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan, assertInScope, type Actor } from '../../platform/access';
import type { Locale } from '../../platform/i18n';
import { analyseDisputeMonth, DISPUTE_ANALYSIS_CLAUSE, disputeStatusLabels, monthBounds, type DisputeCategory, type DisputeRisk, type DisputeStatus } from '../../../core/cases';
import { quarterPlaceById } from '../registry';

type DB = Kysely<Database>;

/** A month's register holds a few dozen disputes; this bounds a pathological one. */
const MAX_DISPUTES = 1000;

export async function disputeMonthAnalysis(db: DB, actor: Actor, query: { quarterId: string; month: string }, locale: Locale) {
  const place = await quarterPlaceById(db, query.quarterId);
  assertInScope(actor, place, { parentRead: true });
  assertCan(actor, 'disputes.read');
  const { start, end } = monthBounds(query.month);
  const rows = await db
    .selectFrom('disputes')
    .select(['id', 'quarter_id', 'subject', 'category', 'risk', 'registered_at', 'reported_up_at'])
    .select((eb) => eb.exists(eb.selectFrom('dispute_quarters').select('dispute_quarters.dispute_id').whereRef('dispute_quarters.dispute_id', '=', 'disputes.id')).as('joint'))
    .where((eb) =>
      eb.or([
        eb('quarter_id', '=', query.quarterId),
        eb('id', 'in', eb.selectFrom('dispute_quarters').select('dispute_id').where('dispute_quarters.quarter_id', '=', query.quarterId)),
      ]),
    )
    .where('registered_at', '<', end)
    // Closed is the last status and its step the last update: one closed before the month is not the month's.
    .where((eb) => eb.or([eb('status', '<>', 'closed'), eb('updated_at', '>=', start)]))
    .orderBy('registered_at', 'desc')
    .limit(MAX_DISPUTES)
    .execute();
  const changes = rows.length
    ? await db
        .selectFrom('dispute_events')
        .select(['dispute_id', 'at', 'to_status'])
        .where('dispute_id', 'in', rows.map((r) => r.id))
        .where('at', '<', end)
        .execute()
    : [];
  const a = analyseDisputeMonth(
    query.month,
    rows.map((r) => ({ id: r.id, subject: r.subject, category: r.category as DisputeCategory, risk: r.risk as DisputeRisk, registeredAt: new Date(r.registered_at), reportedUpAt: r.reported_up_at ? new Date(r.reported_up_at) : null, joint: !!r.joint || r.quarter_id !== query.quarterId })),
    changes.map((c) => ({ disputeId: c.dispute_id, at: new Date(c.at), toStatus: c.to_status as DisputeStatus })),
  );
  return {
    quarterId: place!.quarterId,
    quarterName: place!.name,
    citation: DISPUTE_ANALYSIS_CLAUSE,
    ...a,
    items: a.items.map((i) => ({ id: i.id, subject: i.subject, category: i.category, risk: i.risk, status: i.status, statusLabel: disputeStatusLabels[i.status][locale], isNew: i.isNew, joint: i.joint, registeredAt: i.registeredAt, reportedUpAt: i.reportedUpAt })),
  };
}
