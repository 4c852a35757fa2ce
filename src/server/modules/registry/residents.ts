// Residents (居民) of a quarter: permanent, floating and tenants, and those who need care.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { patchColumns } from '../../platform/db-helpers';
import { AppError } from '../../platform/errors';
import { maskPhone } from '../../../core/idnumber';
import { authorizeQuarter, authorizeResident } from './access';
import { fieldIssue } from './errors';
import { protectIdNumber } from './identity';
import type { ResidentsTable } from './tables';

type DB = Kysely<Database>;
type Exec = DB | Transaction<Database>;

import type { residentKinds } from '../../../contracts/registry';

export interface ResidentInput {
  name: string;
  kind: (typeof residentKinds)[number];
  unitId?: string | null;
  needsCare?: boolean;
  careNote?: string | null;
  phone?: string | null;
  idNumber?: string | null;
}

export async function listResidents(db: DB, actor: Actor, quarterId: string, opts: { kind?: string; q?: string }) {
  await authorizeQuarter(db, actor, quarterId, 'residents.read');
  let q = db
    .selectFrom('residents as r')
    .leftJoin('units as u', 'u.id', 'r.unit_id')
    .leftJoin('buildings as b', 'b.id', 'u.building_id')
    .select([
      'r.id',
      'r.name',
      'r.kind',
      'r.needs_care as needsCare',
      'r.care_note as careNote',
      'r.unit_id as unitId',
      'u.number',
      'b.name as buildingName',
      'r.phone',
      'r.id_number_masked as idNumberMasked',
    ])
    .where('r.quarter_id', '=', quarterId);
  if (actor.scope.level === 'building') q = q.where('u.building_id', '=', actor.scope.id);
  if (opts.kind === 'needsCare') q = q.where('r.needs_care', '=', true);
  else if (opts.kind) q = q.where('r.kind', '=', opts.kind);
  if (opts.q) {
    // A name, a phone number, or a unit as people say it ("3幢 2-301", "2-301").
    const text = opts.q.replace(/\s+/g, '');
    const like = `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) => eb.or([eb('r.name', 'like', like), eb('r.phone', 'like', like), eb('u.number', 'like', like), eb(sql<string>`b.name || u.number`, 'like', like)]));
  }
  const rows = await q.orderBy('r.kind').orderBy('r.name').limit(2000).execute();
  return rows.map(({ phone, number, buildingName, ...r }) => ({
    ...r,
    unitLabel: number ? `${buildingName} ${number}` : null,
    phoneMasked: phone ? maskPhone(phone) : null,
  }));
}

async function checkResidentUnit(db: Exec, quarterId: string, unitId: string | null | undefined) {
  if (!unitId) return;
  const u = await db.selectFrom('units').select('id').where('id', '=', unitId).where('quarter_id', '=', quarterId).executeTakeFirst();
  if (!u) throw new AppError('INVALID_REFERENCE', { what: '房屋', whatEn: 'The unit' }, fieldIssue('unitId', { 'zh-CN': '房屋不存在', en: 'no such unit in this quarter' }));
}

export async function createResident(db: DB, ctx: RequestContext, hashKey: Buffer, quarterId: string, input: ResidentInput) {
  const place = await authorizeQuarter(db, ctx.actor, quarterId, 'residents.write');
  await checkResidentUnit(db, quarterId, input.unitId);
  const id = input.idNumber?.trim() ? protectIdNumber(hashKey, input.idNumber) : null;
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('residents')
      .values({
        district_id: place.districtId,
        quarter_id: quarterId,
        unit_id: input.unitId ?? null,
        name: input.name.trim(),
        kind: input.kind,
        needs_care: input.needsCare ?? false,
        care_note: input.careNote?.trim() || null,
        phone: input.phone?.trim() || null,
        id_number_hash: id?.hash ?? null,
        id_number_masked: id?.masked ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'create',
      entity: 'resident',
      entityId: row.id,
      place,
      after: { ...input, idNumber: undefined, idNumberMasked: id?.masked, phone: input.phone ? maskPhone(input.phone) : null },
    });
    return row;
  });
}

export async function updateResident(db: DB, ctx: RequestContext, hashKey: Buffer, residentId: string, patch: Partial<ResidentInput>) {
  const place = await authorizeResident(db, ctx.actor, residentId, 'residents.write');
  await checkResidentUnit(db, place.quarterId, patch.unitId);
  const id = patch.idNumber?.trim() ? protectIdNumber(hashKey, patch.idNumber) : null;
  await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('residents').select(['name', 'kind', 'needs_care', 'care_note', 'unit_id']).where('id', '=', residentId).executeTakeFirstOrThrow();
    const set = patchColumns<ResidentsTable>()(patch, {
      name: (v) => ({ name: v.trim() }),
      kind: 'kind',
      unitId: 'unit_id',
      needsCare: 'needs_care',
      careNote: (v) => ({ care_note: v?.trim() || null }),
      phone: (v) => ({ phone: v?.trim() || null }),
      idNumber: () => (id ? { id_number_hash: id.hash, id_number_masked: id.masked } : {}),
    });
    await tx.updateTable('residents').set({ ...set, updated_at: new Date() }).where('id', '=', residentId).execute();
    await recordAudit(tx, ctx, {
      action: 'update',
      entity: 'resident',
      entityId: residentId,
      place,
      before,
      after: { ...patch, idNumber: undefined, idNumberMasked: id?.masked, phone: patch.phone ? maskPhone(patch.phone) : patch.phone },
    });
  });
}
