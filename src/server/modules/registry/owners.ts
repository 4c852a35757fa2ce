// Owners (业主) of a quarter, and who owns which unit (co-ownership: one unit, several owners;
// one owner, several units).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { can, type Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { patchColumns, uniquely } from '../../platform/db-helpers';
import { AppError, conflict, notFound } from '../../platform/errors';
import { maskPhone } from '../../../core/idnumber';
import { authorizeOwner, authorizeQuarter, authorizeUnit, ownerPlace } from './access';
import { fieldIssue } from './errors';
import { protectIdNumber, required } from './identity';
import type { OwnersTable } from './tables';

type DB = Kysely<Database>;
type Exec = DB | Transaction<Database>;

import type { ownerKinds } from '../../../contracts/registry';

/** One person is registered once per quarter: a second owner with the same ID number is a conflict. */
const sameIdNumber = (masked: string | undefined) => conflict(`身份证号为 ${masked} 的业主`, `An owner with ID number ${masked}`);

async function unitsOfOwners(db: Exec, ownerIds: string[]) {
  if (!ownerIds.length) return new Map<string, { id: string; label: string; exclusiveArea: number; coOwned: boolean }[]>();
  const rows = await db
    .selectFrom('unit_owners as uo')
    .innerJoin('units as u', 'u.id', 'uo.unit_id')
    .innerJoin('buildings as b', 'b.id', 'u.building_id')
    .select([
      'uo.owner_id',
      'u.id',
      'u.number',
      'b.name as buildingName',
      'u.exclusive_area',
      sql<number>`(select count(*) from unit_owners x where x.unit_id = u.id)`.as('ownerCount'),
    ])
    .where('uo.owner_id', 'in', ownerIds)
    .orderBy('b.name')
    .orderBy('u.number')
    .execute();
  const map = new Map<string, { id: string; label: string; exclusiveArea: number; coOwned: boolean }[]>();
  for (const r of rows) {
    const list = map.get(r.owner_id) ?? [];
    list.push({ id: r.id, label: `${r.buildingName} ${r.number}`, exclusiveArea: r.exclusive_area, coOwned: Number(r.ownerCount) > 1 });
    map.set(r.owner_id, list);
  }
  return map;
}

export async function listOwners(db: DB, actor: Actor, quarterId: string, opts: { q?: string; page: number; pageSize: number }) {
  await authorizeQuarter(db, actor, quarterId, 'owners.read');
  let base = db.selectFrom('owners as o').where('o.quarter_id', '=', quarterId);
  // Within one quarter a plain LIKE over its few hundred owners is cheapest; the trigram index
  // (search-text.ts) is for the district-wide search.
  if (opts.q?.trim()) {
    const like = `%${opts.q.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    base = base.where('o.name', 'like', like);
  }
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select(['o.id', 'o.kind', 'o.name', 'o.id_number_masked as idNumberMasked', 'o.phone'])
    .orderBy('o.kind', 'desc')
    .orderBy('o.name')
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize)
    .execute();
  const units = await unitsOfOwners(db, rows.map((r) => r.id));
  return {
    total: Number(total.n),
    items: rows.map(({ phone, ...r }) => {
      const list = units.get(r.id) ?? [];
      return {
        ...r,
        phoneMasked: phone ? maskPhone(phone) : null,
        unitCount: list.length,
        totalArea: list.reduce((s, u) => s + u.exclusiveArea, 0),
        units: list,
      };
    }),
  };
}

export async function getOwner(db: DB, actor: Actor, ownerId: string) {
  // An owner may read their own record; staff need owners.read within scope (404 outside it,
  // 403 inside it without the permission, as the owners' list of the quarter answers).
  // An owner's account reaches no other owner's record: to it they are as unknown ids (404).
  const self = actor.ownerId === ownerId;
  if (!self && actor.role === 'owner') throw notFound();
  if (!self) await authorizeOwner(db, actor, ownerId, 'owners.read');
  const o = await db
    .selectFrom('owners')
    .select(['id', 'kind', 'name', 'id_number_masked as idNumberMasked', 'phone', 'quarter_id as quarterId'])
    .where('id', '=', ownerId)
    .executeTakeFirstOrThrow();
  const units = (await unitsOfOwners(db, [ownerId])).get(ownerId) ?? [];
  const showPhone = self || can(actor, 'registry.write');
  return {
    id: o.id,
    kind: o.kind,
    name: o.name,
    quarterId: o.quarterId,
    idNumberMasked: o.idNumberMasked,
    phoneMasked: o.phone ? maskPhone(o.phone) : null,
    phone: showPhone ? o.phone : undefined,
    unitCount: units.length,
    totalArea: units.reduce((s, u) => s + u.exclusiveArea, 0),
    units,
  };
}

export interface OwnerInput {
  kind: (typeof ownerKinds)[number];
  name: string;
  idNumber?: string | null;
  phone?: string | null;
  unitIds?: string[];
}

export async function createOwner(db: DB, ctx: RequestContext, hashKey: Buffer, quarterId: string, input: OwnerInput) {
  const place = await authorizeQuarter(db, ctx.actor, quarterId, 'registry.write');
  if (input.kind === 'person' && !input.idNumber?.trim()) {
    throw new AppError('ID_NUMBER_REQUIRED', {}, fieldIssue('idNumber', required));
  }
  const id = input.idNumber?.trim() ? protectIdNumber(hashKey, input.idNumber) : null;
  const unitIds = [...new Set(input.unitIds ?? [])];
  return uniquely(
    () =>
      db.transaction().execute(async (tx) => {
      if (unitIds.length) {
        const found = await tx.selectFrom('units').select('id').where('id', 'in', unitIds).where('quarter_id', '=', quarterId).execute();
        if (found.length !== unitIds.length) {
          throw new AppError('INVALID_REFERENCE', { what: '房屋', whatEn: 'A unit' }, fieldIssue('unitIds', { 'zh-CN': '房屋不存在', en: 'no such unit in this quarter' }));
        }
      }
      const row = await tx
        .insertInto('owners')
        .values({
          district_id: place.districtId,
          quarter_id: quarterId,
          kind: input.kind,
          name: input.name.trim(),
          id_number_hash: id?.hash ?? null,
          id_number_masked: id?.masked ?? null,
          phone: input.phone?.trim() || null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const unitId of unitIds) {
        await tx.insertInto('unit_owners').values({ unit_id: unitId, owner_id: row.id, district_id: place.districtId, quarter_id: quarterId }).execute();
      }
      await recordAudit(tx, ctx, {
        action: 'create',
        entity: 'owner',
        entityId: row.id,
        place,
        after: { kind: input.kind, name: input.name, idNumberMasked: id?.masked ?? null, phone: input.phone ? maskPhone(input.phone) : null, unitIds },
      });
      return row;
    }),
    () => sameIdNumber(id?.masked),
  );
}

export async function updateOwner(db: DB, ctx: RequestContext, hashKey: Buffer, ownerId: string, patch: { name?: string; phone?: string | null; idNumber?: string | null }) {
  const place = await authorizeOwner(db, ctx.actor, ownerId, 'registry.write');
  const id = patch.idNumber?.trim() ? protectIdNumber(hashKey, patch.idNumber) : null;
  const set = patchColumns<OwnersTable>()(patch, {
    name: (v) => ({ name: v.trim() }),
    phone: (v) => ({ phone: v?.trim() || null }),
    idNumber: () => (id ? { id_number_hash: id.hash, id_number_masked: id.masked } : {}),
  });
  await uniquely(
    () =>
      db.transaction().execute(async (tx) => {
      const before = await tx.selectFrom('owners').select(['name', 'kind', 'id_number_masked', 'phone']).where('id', '=', ownerId).executeTakeFirstOrThrow();
      if (patch.idNumber !== undefined && !id && before.kind === 'person') {
        throw new AppError('ID_NUMBER_REQUIRED', {}, fieldIssue('idNumber', required));
      }
      await tx.updateTable('owners').set({ ...set, updated_at: new Date() }).where('id', '=', ownerId).execute();
      await recordAudit(tx, ctx, {
        action: 'update',
        entity: 'owner',
        entityId: ownerId,
        place,
        before: { ...before, phone: before.phone ? maskPhone(before.phone) : null },
        after: { name: patch.name, phone: patch.phone ? maskPhone(patch.phone) : patch.phone, idNumberMasked: id?.masked },
      });
    }),
    () => sameIdNumber(id?.masked),
  );
}

export async function addUnitOwner(db: DB, ctx: RequestContext, unitId: string, ownerId: string) {
  const place = await authorizeUnit(db, ctx.actor, unitId, 'registry.write');
  const owner = await ownerPlace(db, ownerId);
  if (!owner || owner.quarterId !== place.quarterId) {
    throw new AppError('INVALID_REFERENCE', { what: '业主', whatEn: 'The owner' }, fieldIssue('ownerId', { 'zh-CN': '业主不存在', en: 'no such owner in this quarter' }));
  }
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('unit_owners')
      .values({ unit_id: unitId, owner_id: ownerId, district_id: place.districtId, quarter_id: place.quarterId! })
      .onConflict((oc) => oc.columns(['unit_id', 'owner_id']).doNothing())
      .execute();
    await recordAudit(tx, ctx, { action: 'create', entity: 'unit_owner', entityId: `${unitId}:${ownerId}`, place, after: { unitId, ownerId } });
  });
}

export async function removeUnitOwner(db: DB, ctx: RequestContext, unitId: string, ownerId: string) {
  const place = await authorizeUnit(db, ctx.actor, unitId, 'registry.write');
  await db.transaction().execute(async (tx) => {
    const removed = await tx.deleteFrom('unit_owners').where('unit_id', '=', unitId).where('owner_id', '=', ownerId).executeTakeFirst();
    if (!removed.numDeletedRows) throw notFound();
    await recordAudit(tx, ctx, { action: 'delete', entity: 'unit_owner', entityId: `${unitId}:${ownerId}`, place, before: { unitId, ownerId } });
  });
}
