// The property company's half-yearly arrears list (欠费名单) and its disclosure (欠费公示).
// 西政办〔2020〕29号 二（三）10 lets streets and communities publish, as a rule every half year, the
// owners late with the property fee; only a district whose policy pack has that clause publishes
// (core/policy arrearsDisclosureOf). The list holds the unit and what it owes, never the owner;
// the public form masks the room as well (core/finance/arrears.ts).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { assertInScope, can, type Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { uniquely } from '../../platform/db-helpers';
import { publicArrears, type ArrearsRow } from '../../../core/finance/index';
import { arrearsDisclosureOf } from '../../../core/policy/index';
import { districtPolicyPack } from '../places';
import { quarterPlace } from '../registry';
import { authorizeQuarterFinance, authorizeRow, type QuarterPlace } from './access';

type DB = Kysely<Database>;

function rowsOf(json: unknown): ArrearsRow[] {
  return (typeof json === 'string' ? JSON.parse(json) : json) as ArrearsRow[];
}

const totalOf = (rows: readonly ArrearsRow[]) => rows.reduce((s, r) => s + r.amountFen, 0);

async function policyOf(db: DB | Transaction<Database>, districtId: string) {
  const p = arrearsDisclosureOf(await districtPolicyPack(db, districtId));
  return { ...p, clause: p.citations.map((c) => c.text).join('；') };
}

/** The company reads its own lists; the offices and those who follow the money read them too. */
async function authorizeRead(db: DB, actor: Actor, quarterId: string): Promise<QuarterPlace> {
  const place = await quarterPlace(db, quarterId);
  assertInScope(actor, place, { parentRead: true });
  if (!can(actor, 'arrears.record')) return authorizeQuarterFinance(db, actor, quarterId, 'finance.read');
  return place as QuarterPlace;
}

export async function listArrears(db: DB, actor: Actor, quarterId: string) {
  const place = await authorizeRead(db, actor, quarterId);
  const rows = await db.selectFrom('arrears_lists').selectAll().where('quarter_id', '=', quarterId).orderBy('period', 'desc').execute();
  const policy = await policyOf(db, place.districtId);
  return {
    items: rows.map((r) => {
      const list = rowsOf(r.rows);
      return {
        id: r.id,
        period: r.period,
        rows: list,
        totalFen: totalOf(list),
        recordedBy: r.recorded_by_name,
        recordedAt: r.recorded_at,
        publishedAt: r.published_at,
        publicRows: publicArrears(list),
      };
    }),
    policy: { packId: policy.packId, allowed: policy.allowed, clause: policy.clause },
    canRecord: can(actor, 'arrears.record'),
    canPublish: can(actor, 'arrears.publish') && policy.allowed,
  };
}

export async function recordArrears(db: DB, ctx: RequestContext, quarterId: string, body: { period: string; rows: ArrearsRow[] }) {
  const place = await authorizeQuarterFinance(db, ctx.actor, quarterId, 'arrears.record');
  // Only the four fields are kept, whatever else a caller sends: the list never holds a name or a phone.
  const rows = body.rows.map((r) => ({ building: r.building, unit: r.unit, monthsOwed: r.monthsOwed, amountFen: r.amountFen }));
  return db.transaction().execute(async (tx) => {
    const row = await uniquely(
      () =>
        tx
          .insertInto('arrears_lists')
          .values({
            district_id: place.districtId,
            street_id: place.streetId,
            community_id: place.communityId,
            quarter_id: quarterId,
            period: body.period,
            rows: JSON.stringify(rows),
            recorded_by: ctx.actor.id,
            recorded_by_name: ctx.actor.displayName,
          })
          .returning('id')
          .executeTakeFirstOrThrow(),
      () => new AppError('ARREARS_RECORDED', { period: body.period }),
    );
    await recordAudit(tx, ctx, { action: 'create', entity: 'arrears_list', entityId: row.id, place, after: { period: body.period, rows: rows.length, totalFen: totalOf(rows) } });
    return { id: row.id };
  });
}

/** Publishes a list to the public board, where the district's pack has the disclosure (409 with the clause otherwise). */
export async function publishArrears(db: DB, ctx: RequestContext, id: string) {
  return db.transaction().execute(async (tx) => {
    const row = await authorizeRow(tx, ctx.actor, await tx.selectFrom('arrears_lists').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(), 'arrears.publish');
    const policy = await policyOf(tx, row.district_id);
    if (!policy.allowed) {
      const why = { packId: policy.packId, clause: policy.clause };
      throw new AppError('ARREARS_DISCLOSURE_NOT_ALLOWED', why, why);
    }
    if (row.published_at) throw new AppError('ARREARS_PUBLISHED');
    const publishedAt = new Date();
    await tx.updateTable('arrears_lists').set({ published_at: publishedAt, published_by: ctx.actor.id }).where('id', '=', id).execute();
    await recordAudit(tx, ctx, { action: 'publish', entity: 'arrears_list', entityId: id, place: { districtId: row.district_id, streetId: row.street_id, communityId: row.community_id, quarterId: row.quarter_id }, after: { publishedAt } });
    return { id, publishedAt: publishedAt.toISOString() };
  });
}

/**
 * The board's `arrears` section: the published lists, newest first, in their public form — and
 * none where the district's pack (now) has no such disclosure.
 */
export async function boardArrears(db: DB, quarterId: string) {
  const rows = await db
    .selectFrom('arrears_lists')
    .select(['district_id', 'period', 'rows', 'published_at'])
    .where('quarter_id', '=', quarterId)
    .where('published_at', 'is not', null)
    .orderBy('period', 'desc')
    .limit(2)
    .execute();
  if (!rows.length) return [];
  const policy = await policyOf(db, rows[0].district_id);
  if (!policy.allowed) return [];
  return rows.map((r) => {
    const list = rowsOf(r.rows);
    return { period: r.period, publishedAt: new Date(r.published_at!).toISOString(), households: list.length, totalFen: totalOf(list), rows: publicArrears(list), clause: policy.clause };
  });
}
