// The property company's fee-collection rate, reported at least every half year
// (T/ZAS 4006.1—2020 6.3.2.2: 督促物业服务企业每半年不少于1次上报物业费收缴率).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { assertInScope, can, type Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { uniquely } from '../../platform/db-helpers';
import { lastEndedHalfYear } from '../../../core/finance/index';
import { quarterPlace } from '../registry';
import { authorizeQuarterFinance, type QuarterPlace } from './access';
import { today } from './ledger';

type DB = Kysely<Database>;

/** Collected over receivable in basis points, exact (rounded down); null when nothing was due. */
export function rateBasisPoints(collected: number, receivable: number): number | null {
  return receivable > 0 ? Number((BigInt(collected) * 10_000n) / BigInt(receivable)) : null;
}

/** The company reads its own reports; the others who follow the money read them too. */
async function authorizeRead(db: DB, actor: Actor, quarterId: string): Promise<QuarterPlace> {
  const place = await quarterPlace(db, quarterId);
  assertInScope(actor, place, { parentRead: true });
  if (!can(actor, 'feeCollection.report')) return authorizeQuarterFinance(db, actor, quarterId, 'finance.read');
  return place as QuarterPlace;
}

export async function listFeeCollection(db: DB, actor: Actor, quarterId: string) {
  await authorizeRead(db, actor, quarterId);
  const rows = await db.selectFrom('fee_collection_reports').selectAll().where('quarter_id', '=', quarterId).orderBy('period', 'desc').execute();
  const due = lastEndedHalfYear(today());
  return {
    items: rows.map((r) => ({
      id: r.id,
      period: r.period,
      receivableFen: Number(r.receivable_fen),
      collectedFen: Number(r.collected_fen),
      householdsDue: r.households_due,
      householdsPaid: r.households_paid,
      rateBasisPoints: rateBasisPoints(Number(r.collected_fen), Number(r.receivable_fen)),
      note: r.note,
      reportedBy: r.reported_by_name,
      reportedAt: r.reported_at,
    })),
    due: { period: due, reported: rows.some((r) => r.period === due) },
    canReport: can(actor, 'feeCollection.report'),
  };
}

export async function reportFeeCollection(
  db: DB,
  ctx: RequestContext,
  quarterId: string,
  body: { period: string; receivableFen: number; collectedFen: number; householdsDue: number; householdsPaid: number; note?: string },
) {
  const place = await authorizeQuarterFinance(db, ctx.actor, quarterId, 'feeCollection.report');
  if (body.collectedFen > body.receivableFen || body.householdsPaid > body.householdsDue) throw new AppError('FEE_COLLECTION_INVALID');
  return db.transaction().execute(async (tx) => {
    const row = await uniquely(
      () =>
        tx
          .insertInto('fee_collection_reports')
          .values({
            district_id: place.districtId,
            street_id: place.streetId,
            community_id: place.communityId,
            quarter_id: quarterId,
            period: body.period,
            receivable_fen: body.receivableFen,
            collected_fen: body.collectedFen,
            households_due: body.householdsDue,
            households_paid: body.householdsPaid,
            note: body.note ?? '',
            reported_by: ctx.actor.id,
            reported_by_name: ctx.actor.displayName,
          })
          .returning('id')
          .executeTakeFirstOrThrow(),
      () => new AppError('FEE_COLLECTION_REPORTED', { period: body.period }),
    );
    await recordAudit(tx, ctx, { action: 'create', entity: 'fee_collection_report', entityId: row.id, place, after: body });
    return { id: row.id };
  });
}
