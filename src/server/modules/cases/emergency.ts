// Emergency plans and drills of a quarter (T/ZAS 4006.1—2020 6.2.4.1): the plans by class with
// their contacts, the drills with their date and attendance, and what is missing with the clause.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan, assertInScope, type Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import type { Locale } from '../../platform/i18n';
import { planClassLabels, planGaps, type PlanClass } from '../../../core/cases';
import { notFound } from '../../platform/errors';
import { patchColumns, placeOfRow } from '../../platform/db-helpers';
import type { EmergencyPlansTable } from './tables';
import { quarterPlaceById } from '../registry';
import { shanghaiDate } from '../../../core/dates';

type DB = Kysely<Database>;


async function quarterFor(db: DB, actor: Actor, quarterId: string, permission: 'hazards.read' | 'emergency.manage') {
  const place = await quarterPlaceById(db, quarterId);
  assertInScope(actor, place, { parentRead: true });
  assertCan(actor, permission);
  return place!;
}

/** The plans, drills and gaps of a quarter, from rows already read. */
export async function emergencyGapsOf(db: DB, quarterId: string, now: Date = new Date()) {
  const [plans, drill] = await Promise.all([
    db.selectFrom('emergency_plans').select('plan_class').where('quarter_id', '=', quarterId).execute(),
    db.selectFrom('emergency_drills').select('held_on').where('quarter_id', '=', quarterId).orderBy('held_on', 'desc').limit(1).executeTakeFirst(),
  ]);
  return planGaps(plans.map((p) => ({ planClass: p.plan_class as PlanClass })), drill ? String(drill.held_on).slice(0, 10) : null, shanghaiDate(now));
}

export async function quarterEmergency(db: DB, actor: Actor, quarterId: string, locale: Locale) {
  await quarterFor(db, actor, quarterId, 'hazards.read');
  const [plans, drills, gaps] = await Promise.all([
    db.selectFrom('emergency_plans').selectAll().where('quarter_id', '=', quarterId).orderBy('plan_class').execute(),
    db.selectFrom('emergency_drills').selectAll().where('quarter_id', '=', quarterId).orderBy('held_on', 'desc').limit(50).execute(),
    emergencyGapsOf(db, quarterId),
  ]);
  return {
    plans: plans.map((p) => ({ id: p.id, planClass: p.plan_class as PlanClass, classLabel: planClassLabels[p.plan_class as PlanClass][locale], title: p.title, contacts: p.contacts, approvedOn: String(p.approved_on).slice(0, 10) })),
    drills: drills.map((d) => ({ id: d.id, planClass: d.plan_class as PlanClass | null, heldOn: String(d.held_on).slice(0, 10), attendance: d.attendance, note: d.note })),
    gaps: gaps.map((g) => ({ kind: g.kind, planClass: g.planClass ?? null, citation: g.citation, message: g.message[locale] })),
  };
}

export async function addPlan(db: DB, ctx: RequestContext, quarterId: string, input: { planClass: PlanClass; title: string; contacts: string; approvedOn: string }) {
  const place = await quarterFor(db, ctx.actor, quarterId, 'emergency.manage');
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('emergency_plans')
      .values({ district_id: place.districtId, street_id: place.streetId!, community_id: place.communityId!, quarter_id: quarterId, plan_class: input.planClass, title: input.title, contacts: input.contacts, approved_on: input.approvedOn })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'create', entity: 'emergency_plan', entityId: row.id, place, after: { planClass: input.planClass, title: input.title } });
    return { id: row.id };
  });
}

export async function addDrill(db: DB, ctx: RequestContext, quarterId: string, input: { heldOn: string; attendance: number; planClass?: PlanClass | null; note?: string | null }) {
  const place = await quarterFor(db, ctx.actor, quarterId, 'emergency.manage');
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('emergency_drills')
      .values({ district_id: place.districtId, street_id: place.streetId!, community_id: place.communityId!, quarter_id: quarterId, plan_class: input.planClass ?? null, held_on: input.heldOn, attendance: input.attendance, note: input.note ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'create', entity: 'emergency_drill', entityId: row.id, place, after: { heldOn: input.heldOn, attendance: input.attendance } });
    return { id: row.id };
  });
}

/**
 * Changes a plan (its class, title, contacts or approval day): a plan's contacts change with the
 * people (ZAS 6.2.4.1 asks for current contacts). Out of scope or unknown: 404; not a keeper: 403.
 */
export async function updatePlan(db: DB, ctx: RequestContext, planId: string, input: Partial<{ planClass: PlanClass; title: string; contacts: string; approvedOn: string }>) {
  return db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('emergency_plans').selectAll().where('id', '=', planId).forUpdate().executeTakeFirst();
    if (!row) throw notFound();
    const place = placeOfRow(row);
    assertInScope(ctx.actor, place, { parentRead: true });
    assertCan(ctx.actor, 'emergency.manage');
    const set = patchColumns<EmergencyPlansTable>()(input, { planClass: 'plan_class', title: 'title', contacts: 'contacts', approvedOn: 'approved_on' });
    if (Object.keys(set).length) await tx.updateTable('emergency_plans').set(set).where('id', '=', planId).execute();
    await recordAudit(tx, ctx, { action: 'update', entity: 'emergency_plan', entityId: planId, place, before: { planClass: row.plan_class, title: row.title, contacts: row.contacts, approvedOn: String(row.approved_on).slice(0, 10) }, after: input });
    return { id: planId };
  });
}
