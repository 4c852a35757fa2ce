// The three inventories of a quarter's public resources, assets and funds (三张清单, 百委〔2023〕37号
// 二（三）10: 组织开展小区“清产核资”专项行动，建立公共资源、资产和资金“三张清单”). The funds list
// always shows what the public-revenue ledger holds.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { can, type Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { assetAccounts } from '../../../core/finance/index';
import { authorizeQuarterFinance, authorizeRow } from './access';
import { accountSums } from './ledger';

type DB = Kysely<Database>;
type Kind = 'resource' | 'asset' | 'fund';

export async function inventoriesOf(db: DB, actor: Actor, quarterId: string) {
  await authorizeQuarterFinance(db, actor, quarterId, 'finance.read');
  const rows = await db.selectFrom('inventory_items').selectAll().where('quarter_id', '=', quarterId).orderBy('created_at').execute();
  const items = rows.map((r) => ({ id: r.id, kind: r.kind as Kind, name: r.name, description: r.description, quantity: r.quantity, location: r.location, valueFen: r.value_fen === null ? null : Number(r.value_fen) }));
  const sums = await accountSums(db, quarterId);
  const held = assetAccounts.reduce((s, a) => s + sums.get(a)!.debit - sums.get(a)!.credit, 0n);
  return {
    resources: items.filter((i) => i.kind === 'resource'),
    assets: items.filter((i) => i.kind === 'asset'),
    funds: items.filter((i) => i.kind === 'fund'),
    ledgerHeldFen: Number(held),
    canManage: can(actor, 'inventories.manage'),
  };
}

export async function addInventoryItem(
  db: DB,
  ctx: RequestContext,
  quarterId: string,
  body: { kind: Kind; name: string; description?: string; quantity?: string; location?: string; valueFen?: number | null },
) {
  const place = await authorizeQuarterFinance(db, ctx.actor, quarterId, 'inventories.manage');
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('inventory_items')
      .values({
        district_id: place.districtId,
        street_id: place.streetId,
        community_id: place.communityId,
        quarter_id: quarterId,
        kind: body.kind,
        name: body.name,
        description: body.description ?? '',
        quantity: body.quantity ?? '',
        location: body.location ?? '',
        value_fen: body.valueFen ?? null,
        created_by: ctx.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'create', entity: 'inventory_item', entityId: row.id, place, after: body });
    return { id: row.id };
  });
}

export async function removeInventoryItem(db: DB, ctx: RequestContext, id: string) {
  const row = await authorizeRow(db, ctx.actor, await db.selectFrom('inventory_items').selectAll().where('id', '=', id).executeTakeFirst(), 'inventories.manage');
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('inventory_items').where('id', '=', row.id).execute();
    await recordAudit(tx, ctx, { action: 'delete', entity: 'inventory_item', entityId: row.id, place: { districtId: row.district_id, streetId: row.street_id, communityId: row.community_id, quarterId: row.quarter_id }, before: { kind: row.kind, name: row.name, valueFen: row.value_fen } });
  });
}
