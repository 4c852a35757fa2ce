// Quarter commissioners (小区专员, T/ZAS 4006.1—2020 5.3): appointed by the offices, one per
// quarter and trained first (5.3.1), with a public profile every account of the quarter may read
// (ZAS 6.1.3.5). Appointments go through checkedWrite: refused with 422 and every violation when
// the result breaks a "fail" rule that this write brought about.
import type { Actor } from '../../platform/access';
import type { Updateable } from 'kysely';
import { recordAudit } from '../../platform/audit';
import { patchColumns } from '../../platform/db-helpers';
import type { IsoDate } from '../../../core/dates';
import { commissionerPhotoUrl } from './commissioner-photo';
import { checkedWrite, type CheckItem } from './facts';
import { authorizeCommissioner, authorizeQuarterOrganizations } from './access';
import type { CommissionersTable } from './tables';
import { assertDateOrder, shanghaiDate, type DB, type OrgContext } from './shared';

export interface CommissionerInput {
  name: string;
  phone: string;
  photoPath?: string | null;
  isPartyMember?: boolean;
  trainedOn?: IsoDate | null;
  startedOn: IsoDate;
}

/** The offices appoint commissioners (ZAS 5.3.1 "配备"); a second one or an untrained one is refused. */
export async function appointCommissioner(db: DB, ctx: OrgContext, quarterId: string, input: CommissionerInput): Promise<{ id: string; warnings: CheckItem[] }> {
  const place = await authorizeQuarterOrganizations(db, ctx.actor, quarterId, 'office');
  const { result, warnings } = await checkedWrite(
    db,
    // Judged on the day the commissioner starts, so that a future appointment is judged too.
    { quarterId, asOf: maxIso(shanghaiDate(), input.startedOn), locale: ctx.locale, rules: ['commissioner-assigned'], blocking: ['commissioner-assigned'] },
    async (tx) => {
      const row = await tx
        .insertInto('commissioners')
        .values({
          district_id: place.districtId,
          quarter_id: quarterId,
          name: input.name,
          phone: input.phone,
          photo_path: input.photoPath ?? null,
          is_party_member: input.isPartyMember ?? false,
          trained_on: input.trainedOn ?? null,
          started_on: input.startedOn,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(tx, ctx, { action: 'create', entity: 'commissioner', entityId: row.id, place, after: input });
      return row.id;
    },
  );
  return { id: result, warnings };
}

const maxIso = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

export interface CommissionerPatch {
  name?: string;
  phone?: string;
  photoPath?: string | null;
  isPartyMember?: boolean;
  trainedOn?: IsoDate | null;
  startedOn?: IsoDate;
  endedOn?: IsoDate | null;
  endReason?: string | null;
}

export async function updateCommissioner(db: DB, ctx: OrgContext, id: string, patch: CommissionerPatch): Promise<{ warnings: CheckItem[] }> {
  const { commissioner: c, place } = await authorizeCommissioner(db, ctx.actor, id, 'office');
  const startedOn = patch.startedOn ?? c.started_on;
  assertDateOrder(startedOn, patch.endedOn === undefined ? c.ended_on : patch.endedOn, {
    earlier: '上岗日期',
    earlierEn: 'The start date',
    later: '离岗日期',
    laterEn: 'The end date',
    path: 'endedOn',
  });
  // A commissioner leaving is a fact to record, never refused; the vacancy comes back as a warning.
  const leaving = patch.endedOn !== undefined && patch.endedOn !== null;
  const { warnings } = await checkedWrite(
    db,
    { quarterId: c.quarter_id, asOf: shanghaiDate(), locale: ctx.locale, rules: ['commissioner-assigned'], blocking: ['commissioner-assigned'], neverRefuse: leaving },
    async (tx) => {
      const set = patchColumns<CommissionersTable>()(patch, {
        name: 'name',
        phone: 'phone',
        photoPath: 'photo_path',
        isPartyMember: 'is_party_member',
        trainedOn: 'trained_on',
        startedOn: 'started_on',
        endedOn: 'ended_on',
        endReason: 'end_reason',
      });
      await tx.updateTable('commissioners').set({ ...set, updated_at: new Date() } as Updateable<CommissionersTable>).where('id', '=', id).execute();
      await recordAudit(tx, ctx, { action: 'update', entity: 'commissioner', entityId: id, place, before: { trainedOn: c.trained_on, startedOn: c.started_on, endedOn: c.ended_on }, after: patch });
    },
  );
  return { warnings };
}

export async function commissionersOf(db: DB, quarterId: string) {
  const rows = await db
    .selectFrom('commissioners as c')
    .leftJoin('commissioner_photos as p', (j) => j.onRef('p.commissioner_id', '=', 'c.id').on('p.quarter_id', '=', quarterId))
    .selectAll('c')
    .select('p.sha256')
    .where('c.quarter_id', '=', quarterId)
    .orderBy('c.started_on', 'desc')
    .execute();
  const today = shanghaiDate();
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    phone: c.phone,
    photoPath: c.photo_path,
    isPartyMember: c.is_party_member,
    trainedOn: c.trained_on,
    startedOn: c.started_on,
    endedOn: c.ended_on,
    endReason: c.end_reason,
    current: c.started_on <= today && (c.ended_on === null || c.ended_on >= today),
    photoUrl: c.sha256 ? commissionerPhotoUrl(c.id, c.sha256) : null,
  }));
}

/**
 * The commissioner's public profile (ZAS 6.1.3.5 公开小区专员姓名、联系方式、照片): what every
 * account of the quarter, owners included, may read. Name, phone and photo, nothing else.
 */
export async function commissionerProfile(db: DB, actor: Actor, quarterId: string) {
  await authorizeQuarterOrganizations(db, actor, quarterId, 'public');
  const current = (await commissionersOf(db, quarterId)).filter((c) => c.current);
  return { items: current.map((c) => ({ name: c.name, phone: c.phone, photoPath: c.photoPath, photoUrl: c.photoUrl })) };
}

export async function listCommissioners(db: DB, actor: Actor, quarterId: string) {
  await authorizeQuarterOrganizations(db, actor, quarterId, 'organizations.read');
  return commissionersOf(db, quarterId);
}
