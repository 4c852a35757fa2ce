// Each quarter's judged checks, kept (migration 0012), so that the to-do list of a district
// (GET /api/organizations/actions) reads a page of them instead of judging every quarter in scope
// on each call (issue 9, docs/scaling.md). A kept judgement holds for the day and the policy pack
// it was made under; the triggers of migration 0012 mark it stale on any write to a record the
// rules read (the committee and its members, trainings, appraisals, commissioners, contracts and
// their companies, party organisations, the reserve pool, the quarter and its ownerships). A call
// re-judges only the stale quarters of its scope: the first call of a day judges them all, the
// others cost a page.
import { sql, type Insertable } from 'kysely';
import { scopeFilter, type Actor } from '../../platform/access';
import type { Locale } from '../../platform/i18n';
import type { QuarterChecksProvider } from '../../platform/module';
import { addDays, compareDates, daysBetween, type IsoDate } from '../../../core/dates';
import { evaluateQuarter, resolveRule } from '../../../core/policy/index';
import { quarterCountInScope, quarterFactsInScope, type QuarterFactsRow } from '../registry';
import { applicable, loadQuarterFacts } from './facts';
import type { DB } from './shared';
import type { QuarterCheckStateTable, QuarterFailingChecksTable } from './tables';

/** Quarters judged and written together. */
const CHUNK = 250;

interface Kept {
  generation: number;
  stale: boolean;
  judgedOn: string | null;
  pack: string | null;
}

/** Judges again every quarter of the actor's scope whose kept judgement is stale or missing. */
export async function refreshQuarterChecks(db: DB, actor: Actor, today: IsoDate, pack: string, extra: readonly QuarterChecksProvider[] = []): Promise<void> {
  const scope = scopeFilter(actor);
  const fresh = await db
    .selectFrom('quarter_check_state')
    .select(sql<number>`count(*)`.as('n'))
    .where(scope.column, '=', scope.value)
    .where('stale', '=', false)
    .where('judged_on', '=', today)
    .where('pack', '=', pack)
    .executeTakeFirstOrThrow();
  if (Number(fresh.n) >= (await quarterCountInScope(db, actor))) return;

  const quarters = await quarterFactsInScope(db, actor);
  const kept = new Map<string, Kept>();
  for (let i = 0; i < quarters.length; i += 1000) {
    const rows = await db
      .selectFrom('quarter_check_state')
      .select(['quarter_id', 'generation', 'stale', 'judged_on', 'pack'])
      .where(
        'quarter_id',
        'in',
        quarters.slice(i, i + 1000).map((q) => q.quarterId),
      )
      .execute();
    for (const r of rows) kept.set(r.quarter_id, { generation: Number(r.generation), stale: r.stale, judgedOn: r.judged_on, pack: r.pack });
  }
  const stale = quarters.filter((q) => {
    const k = kept.get(q.quarterId);
    return !k || k.stale || k.judgedOn !== today || k.pack !== pack;
  });
  for (let i = 0; i < stale.length; i += CHUNK) await judgeAndKeep(db, stale.slice(i, i + CHUNK), kept, today, pack, extra);
}

/**
 * Judges the quarters and keeps the result. The state is written only where its generation is
 * still the one read before the facts were: a write that came in between leaves it stale, so
 * the next call judges the quarter again rather than keeping what this one read.
 */
async function judgeAndKeep(db: DB, quarters: QuarterFactsRow[], kept: Map<string, Kept>, today: IsoDate, pack: string, extra: readonly QuarterChecksProvider[]) {
  const ids = quarters.map((q) => q.quarterId);
  // Other modules' checks (the descriptors' quarterChecks), asked once per language since both
  // texts are kept; their tables mark the quarter stale through their own triggers.
  const [facts, othersZh, othersEn] = await Promise.all([
    loadQuarterFacts(db, quarters, { asOf: today }),
    Promise.all(extra.map((p) => p.checks(db, ids, today, 'zh-CN'))),
    Promise.all(extra.map((p) => p.checks(db, ids, today, 'en'))),
  ]);
  const states: Insertable<QuarterCheckStateTable>[] = [];
  const failing: Insertable<QuarterFailingChecksTable>[] = [];
  for (const q of quarters) {
    const f = facts.get(q.quarterId)!;
    const place = { district_id: q.districtId, street_id: q.streetId!, community_id: q.communityId!, quarter_name: q.name };
    const fails = applicable(evaluateQuarter(pack, f))
      .filter((r) => r.status === 'fail')
      .map((r) => ({ rule: r.rule, citation: r.citation, zh: r.message['zh-CN'], en: r.message.en }));
    othersZh.forEach((checks, m) => {
      const english = othersEn[m].get(q.quarterId) ?? [];
      for (const r of checks.get(q.quarterId) ?? []) {
        if (r.status === 'fail') fails.push({ rule: r.rule, citation: r.citation, zh: r.message, en: english.find((e) => e.rule === r.rule)?.message ?? r.message });
      }
    });
    fails.forEach((r, position) =>
      failing.push({ quarter_id: q.quarterId, position, ...place, rule: r.rule, citation: r.citation, message_zh: r.zh, message_en: r.en }),
    );
    const c = f.committee;
    states.push({
      quarter_id: q.quarterId,
      generation: kept.get(q.quarterId)?.generation ?? 0,
      stale: false,
      judged_on: today,
      pack,
      ...place,
      term_end: c?.termEnd && !c.successorElected ? c.termEnd : null,
    });
  }
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('quarter_failing_checks').where('quarter_id', 'in', ids).execute();
    // Two calls may judge the same quarter at once (two offices opening the list at the start of
    // a day): the later one's rows replace the earlier's instead of failing on the key.
    for (let i = 0; i < failing.length; i += 1000) {
      await tx
        .insertInto('quarter_failing_checks')
        .values(failing.slice(i, i + 1000))
        .onConflict((oc) =>
          oc.columns(['quarter_id', 'position']).doUpdateSet((eb) => ({
            district_id: eb.ref('excluded.district_id'),
            street_id: eb.ref('excluded.street_id'),
            community_id: eb.ref('excluded.community_id'),
            quarter_name: eb.ref('excluded.quarter_name'),
            rule: eb.ref('excluded.rule'),
            citation: eb.ref('excluded.citation'),
            message_zh: eb.ref('excluded.message_zh'),
            message_en: eb.ref('excluded.message_en'),
          })),
        )
        .execute();
    }
    await tx
      .insertInto('quarter_check_state')
      .values(states)
      .onConflict((oc) =>
        oc
          .column('quarter_id')
          .doUpdateSet((eb) => ({
            stale: false,
            judged_on: eb.ref('excluded.judged_on'),
            pack: eb.ref('excluded.pack'),
            district_id: eb.ref('excluded.district_id'),
            street_id: eb.ref('excluded.street_id'),
            community_id: eb.ref('excluded.community_id'),
            quarter_name: eb.ref('excluded.quarter_name'),
            term_end: eb.ref('excluded.term_end'),
          }))
          .where('quarter_check_state.generation', '=', (eb) => eb.ref('excluded.generation')),
      )
      .execute();
  });
}

/** A page of the failing checks of the actor's scope (of one rule when asked), in quarter-name order. */
export async function keptFailingChecks(db: DB, actor: Actor, locale: Locale, paging: { page: number; pageSize: number; rule?: string }) {
  const scope = scopeFilter(actor);
  let q = db.selectFrom('quarter_failing_checks').where(scope.column, '=', scope.value);
  if (paging.rule) q = q.where('rule', '=', paging.rule);
  const [rows, count] = await Promise.all([
    q
      .select(['quarter_id', 'quarter_name', 'rule', 'citation', 'message_zh', 'message_en'])
      .orderBy('quarter_name')
      .orderBy('quarter_id')
      .orderBy('position')
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize)
      .execute(),
    q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      quarterId: r.quarter_id,
      quarterName: r.quarter_name,
      rule: r.rule,
      status: 'fail' as const,
      citation: r.citation,
      message: locale === 'en' ? r.message_en : r.message_zh,
    })),
  };
}

/**
 * The committees of the actor's quarters whose term ends within the reminder lead time of the
 * committee-term-expiry rule or has run out, with no successor elected; soonest first.
 */
export async function keptExpiringTerms(db: DB, actor: Actor, today: IsoDate, pack: string) {
  const scope = scopeFilter(actor);
  const lead = resolveRule(pack, 'committee-term-expiry');
  const rows = await db
    .selectFrom('quarter_check_state')
    .select(['quarter_id', 'quarter_name', 'term_end'])
    .where(scope.column, '=', scope.value)
    .where('term_end', 'is not', null)
    .where('term_end', '<=', addDays(today, lead.params.reminderDays))
    .orderBy('term_end')
    .orderBy('quarter_name')
    .execute();
  return rows.map((r) => ({
    quarterId: r.quarter_id,
    quarterName: r.quarter_name ?? '',
    termEnd: r.term_end!,
    daysLeft: daysBetween(today, r.term_end!),
    expired: compareDates(today, r.term_end!) > 0,
    citation: lead.citations[0]?.text ?? '',
  }));
}
