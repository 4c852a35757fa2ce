// Patrol records (巡查, 湘建房〔2021〕231号 五（二）: 巡查、发现、劝阻、报告、处置、评估): the check
// items of a round and its findings, each of which becomes, in the same step and transaction, a
// case (dispatched as its category says) or a hazard of the hazard database.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan, assertInScope, scopeFilter, type Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { countInOrder, placeOfRow } from '../../platform/db-helpers';
import { AppError } from '../../platform/errors';
import type { Locale } from '../../platform/i18n';
import { deadlineAfter, HAZARD_LIMITS, PATROL_ITEMS, patrolItem, type HazardLevel } from '../../../core/cases';
import { quarterPlaceById, quarterPlacesByIds } from '../registry';
import { insertCase, officeOf } from './cases';
import { calendarFor } from './holidays';

type DB = Kysely<Database>;

export function patrolItems(locale: Locale) {
  return { items: PATROL_ITEMS.map((i) => ({ code: i.code, name: i.name[locale], becomes: i.finding.kind, citation: i.citation })) };
}

export interface NewPatrol {
  quarterId: string;
  items: { code: string; ok: boolean; note?: string | null }[];
  note?: string | null;
  findings: { item: string; description: string; location: string; level?: HazardLevel }[];
}

export async function createPatrol(db: DB, ctx: RequestContext, input: NewPatrol) {
  const place = await quarterPlaceById(db, input.quarterId);
  assertInScope(ctx.actor, place, { parentRead: true });
  assertCan(ctx.actor, 'patrols.write');
  for (const code of [...input.items.map((i) => i.code), ...input.findings.map((f) => f.item)]) {
    if (!patrolItem(code)) throw new AppError('PATROL_ITEM_UNKNOWN', { code });
  }
  const at = new Date();
  const office = officeOf(ctx.actor, null);
  return db.transaction().execute(async (tx) => {
    const patrol = await tx
      .insertInto('patrols')
      .values({
        district_id: place!.districtId,
        street_id: place!.streetId!,
        community_id: place!.communityId!,
        quarter_id: place!.quarterId,
        patrolled_by: ctx.actor.id,
        patrolled_at: at,
        items: JSON.stringify(input.items),
        note: input.note ?? null,
        findings: input.findings.length,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const cases: { id: string; trackingCode: string }[] = [];
    const hazards: string[] = [];
    for (const f of input.findings) {
      const item = patrolItem(f.item)!;
      if (item.finding.kind === 'case') {
        const row = await insertCase(
          tx,
          { districtId: place!.districtId, streetId: place!.streetId!, communityId: place!.communityId!, quarterId: place!.quarterId },
          { quarterId: place!.quarterId, category: item.finding.category, description: f.description, location: f.location, channel: 'patrol' },
          { actor: ctx.actor, office, ip: ctx.ip },
          at,
        );
        await tx.updateTable('cases').set({ patrol_id: patrol.id }).where('id', '=', row.id).execute();
        cases.push({ id: row.id, trackingCode: row.tracking_code });
      } else {
        const level = f.level ?? 'general';
        const hazard = await tx
          .insertInto('hazards')
          .values({
            district_id: place!.districtId,
            street_id: place!.streetId!,
            community_id: place!.communityId!,
            quarter_id: place!.quarterId,
            class: item.finding.class,
            level,
            location: f.location,
            description: f.description,
            found_by: ctx.actor.id,
            found_at: at,
            due_at: deadlineAfter(at, HAZARD_LIMITS[level], await calendarFor(tx, at, HAZARD_LIMITS[level])),
            patrol_id: patrol.id,
          })
          .returning(['id', 'district_id', 'quarter_id'])
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('hazard_events')
          .values({ hazard_id: hazard.id, district_id: hazard.district_id, quarter_id: hazard.quarter_id, at, action: 'find', to_status: 'found', actor_id: ctx.actor.id, actor_office: office, actor_name: ctx.actor.displayName, note: `巡查发现：${item.name['zh-CN']}` })
          .execute();
        hazards.push(hazard.id);
      }
    }
    await recordAudit(tx, ctx, { action: 'create', entity: 'patrol', entityId: patrol.id, place: placeOfRow(patrol), after: { items: input.items.length, findings: input.findings.length } });
    return { id: patrol.id, cases, hazards };
  });
}

export async function listPatrols(db: DB, actor: Actor, query: { quarterId?: string; page: number; pageSize: number }) {
  assertCan(actor, 'patrols.read');
  const scope = scopeFilter(actor);
  let q = db.selectFrom('patrols').where(scope.column, '=', scope.value);
  if (query.quarterId) q = q.where('quarter_id', '=', query.quarterId);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('patrolled_at', 'desc').orderBy('id').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
    countInOrder(db, q, 'patrolled_at', 'desc'),
  ]);
  const names = await quarterPlacesByIds(db, rows.map((r) => r.quarter_id));
  return {
    page: query.page,
    pageSize: query.pageSize,
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      quarterId: r.quarter_id,
      quarterName: names.get(r.quarter_id)?.name ?? '',
      patrolledAt: r.patrolled_at,
      items: (typeof r.items === 'string' ? JSON.parse(r.items) : r.items) as { code: string; ok: boolean; note?: string | null }[],
      note: r.note,
      findings: r.findings,
    })),
  };
}
