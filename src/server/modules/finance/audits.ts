// Audits of the quarter's accounts (百委〔2023〕37号 二（三）8: 每年组织第三方审计机构…抽审,
// 业委会换届审计): each with its findings and their follow-up until resolved.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { can, type Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { notFound } from '../../platform/errors';
import { authorizeQuarterFinance, authorizeRow } from './access';

type DB = Kysely<Database>;
type Row = NonNullable<Awaited<ReturnType<typeof load>>>;
const load = (db: DB, id: string) => db.selectFrom('finance_audits').selectAll().where('id', '=', id).executeTakeFirst();

function view(r: Row) {
  return {
    id: r.id,
    quarterId: r.quarter_id,
    kind: r.kind as 'yearly_spot' | 'term_end' | 'other',
    periodLabel: r.period_label,
    auditor: r.auditor,
    auditedOn: r.audited_on,
    findings: r.findings,
    followUp: r.follow_up,
    status: r.status as 'open' | 'resolved',
    resolvedOn: r.resolved_on,
  };
}

export async function listAudits(db: DB, actor: Actor, quarterId: string) {
  await authorizeQuarterFinance(db, actor, quarterId, 'finance.read');
  const rows = await db.selectFrom('finance_audits').selectAll().where('quarter_id', '=', quarterId).orderBy('audited_on', 'desc').execute();
  return { items: rows.map(view), canRecord: can(actor, 'finance.audit') };
}

export async function createAudit(
  db: DB,
  ctx: RequestContext,
  quarterId: string,
  body: { kind: 'yearly_spot' | 'term_end' | 'other'; periodLabel: string; auditor: string; auditedOn: string; findings?: string; followUp?: string },
) {
  const place = await authorizeQuarterFinance(db, ctx.actor, quarterId, 'finance.audit');
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('finance_audits')
      .values({
        district_id: place.districtId,
        street_id: place.streetId,
        community_id: place.communityId,
        quarter_id: quarterId,
        kind: body.kind,
        period_label: body.periodLabel,
        auditor: body.auditor,
        audited_on: body.auditedOn,
        findings: body.findings ?? '',
        follow_up: body.followUp ?? '',
        created_by: ctx.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'create', entity: 'finance_audit', entityId: row.id, place, after: body });
    return { id: row.id };
  });
}

/** Records the follow-up of an audit's findings; a day of resolution closes it. */
export async function updateAudit(db: DB, ctx: RequestContext, id: string, body: { followUp?: string; resolvedOn?: string | null }) {
  const row = await authorizeRow(db, ctx.actor, await load(db, id), 'finance.audit');
  const patch = {
    ...(body.followUp !== undefined ? { follow_up: body.followUp } : {}),
    ...(body.resolvedOn !== undefined ? { resolved_on: body.resolvedOn, status: body.resolvedOn ? 'resolved' : 'open' } : {}),
    updated_at: new Date(),
  };
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('finance_audits').set(patch).where('id', '=', row.id).execute();
    await recordAudit(tx, ctx, { action: 'update', entity: 'finance_audit', entityId: row.id, place: { districtId: row.district_id, streetId: row.street_id, communityId: row.community_id, quarterId: row.quarter_id }, before: { followUp: row.follow_up, resolvedOn: row.resolved_on }, after: body });
  });
  const updated = await load(db, id);
  if (!updated) throw notFound();
  return view(updated);
}
