// Who keeps the quarter's public revenue (DB3305/T 309—2024 5.1.2.5) and from what amount its
// spending is large (百委〔2023〕37号 二（三）9): set by the residents' committee.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { authorizeQuarterFinance, type Holder } from './access';

export async function updateSettings(db: Kysely<Database>, ctx: RequestContext, quarterId: string, body: { holder?: Holder; largeThresholdFen?: number }) {
  const place = await authorizeQuarterFinance(db, ctx.actor, quarterId, 'finance.configure');
  const after = { holder: body.holder ?? place.settings.holder, largeThresholdFen: body.largeThresholdFen ?? place.settings.largeThresholdFen };
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('finance_settings')
      .values({ quarter_id: quarterId, district_id: place.districtId, street_id: place.streetId, community_id: place.communityId, holder: after.holder, large_threshold_fen: after.largeThresholdFen, updated_by: ctx.actor.id })
      .onConflict((oc) => oc.column('quarter_id').doUpdateSet({ holder: after.holder, large_threshold_fen: after.largeThresholdFen, updated_by: ctx.actor.id, updated_at: new Date() }))
      .execute();
    await recordAudit(tx, ctx, { action: 'update', entity: 'finance_settings', entityId: quarterId, place, before: place.settings, after });
  });
  return after;
}
