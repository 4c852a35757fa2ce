// The special maintenance fund (专项维修资金), recorded apart from public revenue (SPEC module 5):
// each raising and each use rests on the owners' assembly's decision, in the matter class of
// 民法典 第278条 第1款 — raising the fund is item 6 (a special matter, 双四分之三), using it item 5
// (an ordinary one, 双过半). The vote must be the quarter's, published, the item passed.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { can, type Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { formatFen } from '../../../core/finance/index';
import { voteDecision } from '../voting';
import { authorizeQuarterFinance } from './access';

type DB = Kysely<Database>;
type Kind = 'raise' | 'use';

const rule: Record<Kind, { item: number; matter: 'special' | 'ordinary'; zh: string; en: string }> = {
  raise: { item: 6, matter: 'special', zh: '筹集', en: 'Raising' },
  use: { item: 5, matter: 'ordinary', zh: '使用', en: 'Using' },
};

export async function maintenanceFundOf(db: DB, actor: Actor, quarterId: string) {
  await authorizeQuarterFinance(db, actor, quarterId, 'finance.read');
  const rows = await db.selectFrom('maintenance_fund_records').selectAll().where('quarter_id', '=', quarterId).orderBy('record_date', 'desc').orderBy('recorded_at', 'desc').execute();
  const titles = new Map<string, string | null>();
  for (const id of new Set(rows.map((r) => r.vote_id))) titles.set(id, (await voteDecision(db, id))?.title ?? null);
  const sum = (kind: Kind) => rows.filter((r) => r.kind === kind).reduce((s, r) => s + BigInt(r.amount_fen), 0n);
  return {
    raisedFen: Number(sum('raise')),
    usedFen: Number(sum('use')),
    balanceFen: Number(sum('raise') - sum('use')),
    items: rows.map((r) => ({ id: r.id, kind: r.kind as Kind, date: r.record_date, amountFen: Number(r.amount_fen), memo: r.memo, voteId: r.vote_id, voteTitle: titles.get(r.vote_id) ?? null, voteItemId: r.vote_item_id, recordedBy: r.recorded_by_name })),
    canRecord: can(actor, 'maintenanceFund.record'),
  };
}

export async function recordMaintenanceFund(db: DB, ctx: RequestContext, quarterId: string, body: { kind: Kind; date: string; amountFen: number; memo: string; voteId: string; voteItemId: string }) {
  const place = await authorizeQuarterFinance(db, ctx.actor, quarterId, 'maintenanceFund.record');
  const r = rule[body.kind];
  const decision = await voteDecision(db, body.voteId);
  const item = decision?.quarterId === quarterId ? decision.items.find((i) => i.id === body.voteItemId) : undefined;
  const refuse = (zh: string, en: string) =>
    new AppError('MAINTENANCE_FUND_VOTE', { kindZh: r.zh, kindEn: r.en, item: r.item, matterZh: r.matter === 'special' ? '特别事项' : '一般事项', matterEn: r.matter === 'special' ? 'a special matter' : 'an ordinary matter', reasonZh: zh, reasonEn: en });
  if (!decision || !item) throw refuse('不存在或不属于本小区', 'does not exist in this quarter');
  if (!decision.quarterWide || decision.status !== 'published') throw refuse('不是已公布结果的业主大会表决', "is not of an owners' assembly vote with a published result");
  if (item.article278Item !== r.item) throw refuse(`不是第${r.item}项事项`, `is not of item ${r.item}`);
  if (!item.passed) throw refuse('未获通过', 'did not pass');
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`maintenance-fund:${quarterId}`}, 0))`.execute(tx);
    if (body.kind === 'use') {
      const sums = await tx
        .selectFrom('maintenance_fund_records')
        .select(sql<string>`coalesce(sum(case when kind = 'raise' then amount_fen else -amount_fen end), 0)::text`.as('balance'))
        .where('quarter_id', '=', quarterId)
        .executeTakeFirstOrThrow();
      if (BigInt(sums.balance) < BigInt(body.amountFen)) throw new AppError('MAINTENANCE_FUND_OVERDRAWN', { balance: formatFen(BigInt(sums.balance)) });
    }
    const row = await tx
      .insertInto('maintenance_fund_records')
      .values({
        district_id: place.districtId,
        street_id: place.streetId,
        community_id: place.communityId,
        quarter_id: quarterId,
        kind: body.kind,
        record_date: body.date,
        amount_fen: body.amountFen,
        memo: body.memo,
        vote_id: body.voteId,
        vote_item_id: body.voteItemId,
        recorded_by: ctx.actor.id,
        recorded_by_name: ctx.actor.displayName,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'create', entity: 'maintenance_fund_record', entityId: row.id, place, after: body });
    return { id: row.id };
  });
}
