// Buildings, units (专有部分), owners with co-ownership, and residents of a quarter.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { assertInScope, can, type Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { AppError, conflict, isUniqueViolation, notFound } from '../../platform/errors';
import { keyedHash } from '../../platform/keys';
import { fieldIssue } from './errors';
import { maskIdNumber, maskPhone, parseIdNumber } from '../../../core/idnumber';
import { authorizeBuilding, authorizeOwner, authorizeQuarter, authorizeResident, authorizeUnit, buildingPlace, ownerPlace } from './access';

type DB = Kysely<Database>;
type Exec = DB | Transaction<Database>;

export const ownerKinds = ['person', 'developer', 'organization'] as const;
export const unitUses = ['residential', 'commercial', 'other'] as const;
export const residentKinds = ['permanent', 'floating', 'tenant'] as const;

const idReasonText = {
  length: { zh: '应为 18 位', en: 'it must have 18 characters' },
  characters: { zh: '只能是数字，末位可以是 X', en: 'only digits, with an X allowed at the end' },
  birthDate: { zh: '出生日期不存在', en: 'the birth date does not exist' },
  checksum: { zh: '校验位不对，可能有数字录错了', en: 'the check digit does not match; a digit may be mistyped' },
} as const;

const required = { 'zh-CN': '必填', en: 'required' };

/** Keyed hash and masked form of an ID number, or a 422 saying what is wrong with it. */
export function protectIdNumber(hashKey: Buffer, idNumber: string): { hash: string; masked: string } {
  const parsed = parseIdNumber(idNumber);
  if (!parsed.ok) {
    const reason = idReasonText[parsed.reason as keyof typeof idReasonText] ?? idReasonText.checksum;
    throw new AppError('INVALID_ID_NUMBER', { reason: reason.zh, reasonEn: reason.en }, fieldIssue('idNumber', { 'zh-CN': reason.zh, en: reason.en }));
  }
  return { hash: keyedHash(hashKey, parsed.value), masked: maskIdNumber(parsed.value) };
}

/** A property certificate number keeps its head and its last four characters visible. */
export function maskCertificate(no: string): string {
  const trimmed = no.trim();
  if (trimmed.length <= 8) return `${trimmed.slice(0, 2)}***`;
  const digits = trimmed.match(/第(\d+)号/);
  if (digits) {
    const d = digits[1];
    return trimmed.replace(`第${d}号`, `第${'*'.repeat(Math.max(0, d.length - 3))}${d.slice(-3)}号`);
  }
  return `${trimmed.slice(0, 4)}${'*'.repeat(trimmed.length - 8)}${trimmed.slice(-4)}`;
}

export function protectCertificate(hashKey: Buffer, no: string | null | undefined) {
  if (!no || !no.trim()) return { hash: null, masked: null };
  return { hash: keyedHash(hashKey, no), masked: maskCertificate(no) };
}

// ---------- buildings ----------

export async function listBuildings(db: DB, actor: Actor, quarterId: string) {
  await authorizeQuarter(db, actor, quarterId, 'registry.read');
  let q = db
    .selectFrom('buildings as b')
    .select([
      'b.id',
      'b.name',
      'b.floors',
      sql<number>`(select count(*) from units u where u.building_id = b.id)`.as('unitCount'),
      sql<number>`coalesce((select sum(u.exclusive_area) from units u where u.building_id = b.id), 0)`.as('totalArea'),
    ])
    .where('b.quarter_id', '=', quarterId);
  if (actor.scope.level === 'building') q = q.where('b.id', '=', actor.scope.id);
  const rows = await q.orderBy(sql`length(b.name)`).orderBy('b.name').execute();
  return rows.map((r) => ({ ...r, unitCount: Number(r.unitCount), totalArea: Number(r.totalArea) }));
}

export async function createBuilding(db: DB, ctx: RequestContext, quarterId: string, input: { name: string; floors?: number | null }) {
  const place = await authorizeQuarter(db, ctx.actor, quarterId, 'registry.write');
  try {
    return await db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('buildings')
        .values({ district_id: place.districtId, quarter_id: quarterId, name: input.name.trim(), floors: input.floors ?? null })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(tx, ctx, { action: 'create', entity: 'building', entityId: row.id, place, after: input });
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`楼栋“${input.name}”`, `Building "${input.name}"`);
    throw err;
  }
}

export async function updateBuilding(db: DB, ctx: RequestContext, buildingId: string, patch: { name?: string; floors?: number | null }) {
  const place = await authorizeBuilding(db, ctx.actor, buildingId, 'registry.write');
  try {
    await db.transaction().execute(async (tx) => {
      const before = await tx.selectFrom('buildings').selectAll().where('id', '=', buildingId).executeTakeFirstOrThrow();
      const set: { name?: string; floors?: number | null } = {};
      if (patch.name !== undefined) set.name = patch.name.trim();
      if (patch.floors !== undefined) set.floors = patch.floors;
      if (Object.keys(set).length) await tx.updateTable('buildings').set(set).where('id', '=', buildingId).execute();
      await recordAudit(tx, ctx, { action: 'update', entity: 'building', entityId: buildingId, place, before, after: patch });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`楼栋“${patch.name}”`, `Building "${patch.name}"`);
    throw err;
  }
}

// ---------- units ----------

export async function listUnits(
  db: DB,
  actor: Actor,
  quarterId: string,
  opts: { buildingId?: string; q?: string; page: number; pageSize: number },
) {
  await authorizeQuarter(db, actor, quarterId, 'registry.read');
  let base = db
    .selectFrom('units as u')
    .innerJoin('buildings as b', 'b.id', 'u.building_id')
    .where('u.quarter_id', '=', quarterId);
  if (actor.scope.level === 'building') base = base.where('u.building_id', '=', actor.scope.id);
  if (opts.buildingId) base = base.where('u.building_id', '=', opts.buildingId);
  if (opts.q?.trim()) {
    const like = `%${opts.q.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    base = base.where((eb) =>
      eb.or([
        eb('u.number', 'like', like),
        eb.exists(
          eb
            .selectFrom('unit_owners as uo')
            .innerJoin('owners as o', 'o.id', 'uo.owner_id')
            .select('uo.unit_id')
            .whereRef('uo.unit_id', '=', 'u.id')
            .where('o.name', 'like', like),
        ),
      ]),
    );
  }
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'u.id',
      'u.building_id as buildingId',
      'b.name as buildingName',
      'u.number',
      'u.exclusive_area as exclusiveArea',
      'u.use',
      'u.certificate_masked as certificateNoMasked',
    ])
    .orderBy(sql`length(b.name)`)
    .orderBy('b.name')
    .orderBy(sql`length(u.number)`)
    .orderBy('u.number')
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize)
    .execute();
  const showOwners = can(actor, 'owners.read');
  const owners = rows.length && showOwners ? await ownersOfUnits(db, rows.map((r) => r.id)) : new Map();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({ ...r, owners: owners.get(r.id) ?? [] })),
  };
}

async function ownersOfUnits(db: Exec, unitIds: string[]) {
  const rows = await db
    .selectFrom('unit_owners as uo')
    .innerJoin('owners as o', 'o.id', 'uo.owner_id')
    .select(['uo.unit_id', 'o.id', 'o.name', 'o.kind'])
    .where('uo.unit_id', 'in', unitIds)
    .orderBy('o.name')
    .execute();
  const map = new Map<string, { id: string; name: string; kind: string }[]>();
  for (const r of rows) {
    const list = map.get(r.unit_id) ?? [];
    list.push({ id: r.id, name: r.name, kind: r.kind });
    map.set(r.unit_id, list);
  }
  return map;
}

export interface UnitInput {
  buildingId: string;
  number: string;
  exclusiveArea: number;
  use?: (typeof unitUses)[number];
  certificateNo?: string | null;
}

export async function createUnit(db: DB, ctx: RequestContext, hashKey: Buffer, quarterId: string, input: UnitInput) {
  const place = await authorizeQuarter(db, ctx.actor, quarterId, 'registry.write');
  const building = await buildingPlace(db, input.buildingId);
  if (!building || building.quarterId !== quarterId) {
    throw new AppError('INVALID_REFERENCE', { what: '楼栋', whatEn: 'The building' }, fieldIssue('buildingId', { 'zh-CN': '楼栋不存在', en: 'no such building in this quarter' }));
  }
  const cert = protectCertificate(hashKey, input.certificateNo);
  try {
    return await db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('units')
        .values({
          district_id: place.districtId,
          quarter_id: quarterId,
          building_id: input.buildingId,
          number: input.number.trim(),
          exclusive_area: input.exclusiveArea,
          use: input.use ?? 'residential',
          certificate_hash: cert.hash,
          certificate_masked: cert.masked,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(tx, ctx, { action: 'create', entity: 'unit', entityId: row.id, place: { ...place, buildingId: input.buildingId }, after: { ...input, certificateNo: cert.masked } });
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`房屋“${building.name} ${input.number}”`, `Unit "${building.name} ${input.number}"`);
    throw err;
  }
}

export async function updateUnit(db: DB, ctx: RequestContext, hashKey: Buffer, unitId: string, patch: Partial<Omit<UnitInput, 'buildingId'>>) {
  const place = await authorizeUnit(db, ctx.actor, unitId, 'registry.write');
  try {
    await db.transaction().execute(async (tx) => {
      const before = await tx
        .selectFrom('units')
        .select(['number', 'exclusive_area', 'use', 'certificate_masked'])
        .where('id', '=', unitId)
        .executeTakeFirstOrThrow();
      const set: Record<string, unknown> = { updated_at: new Date() };
      if (patch.number !== undefined) set.number = patch.number.trim();
      if (patch.exclusiveArea !== undefined) set.exclusive_area = patch.exclusiveArea;
      if (patch.use !== undefined) set.use = patch.use;
      if (patch.certificateNo !== undefined) {
        const cert = protectCertificate(hashKey, patch.certificateNo);
        set.certificate_hash = cert.hash;
        set.certificate_masked = cert.masked;
      }
      await tx.updateTable('units').set(set).where('id', '=', unitId).execute();
      await recordAudit(tx, ctx, {
        action: 'update',
        entity: 'unit',
        entityId: unitId,
        place,
        before,
        after: { ...patch, certificateNo: undefined, certificateNoMasked: set.certificate_masked },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`房屋“${patch.number}”`, `Unit "${patch.number}"`);
    throw err;
  }
}

// ---------- owners ----------

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
  const place = await ownerPlace(db, ownerId);
  // An owner may read their own record; staff need owners.read within scope.
  const self = actor.ownerId === ownerId;
  if (!self) {
    assertInScope(actor, place);
    if (!can(actor, 'owners.read')) throw notFound();
  }
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
  try {
    return await db.transaction().execute(async (tx) => {
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
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`身份证号为 ${id?.masked} 的业主`, `An owner with ID number ${id?.masked}`);
    throw err;
  }
}

export async function updateOwner(db: DB, ctx: RequestContext, hashKey: Buffer, ownerId: string, patch: { name?: string; phone?: string | null; idNumber?: string | null }) {
  const place = await authorizeOwner(db, ctx.actor, ownerId, 'registry.write');
  const id = patch.idNumber?.trim() ? protectIdNumber(hashKey, patch.idNumber) : null;
  try {
    await db.transaction().execute(async (tx) => {
      const before = await tx.selectFrom('owners').select(['name', 'kind', 'id_number_masked', 'phone']).where('id', '=', ownerId).executeTakeFirstOrThrow();
      if (patch.idNumber !== undefined && !id && before.kind === 'person') {
        throw new AppError('ID_NUMBER_REQUIRED', {}, fieldIssue('idNumber', required));
      }
      const set: Record<string, unknown> = { updated_at: new Date() };
      if (patch.name !== undefined) set.name = patch.name.trim();
      if (patch.phone !== undefined) set.phone = patch.phone?.trim() || null;
      if (id) {
        set.id_number_hash = id.hash;
        set.id_number_masked = id.masked;
      }
      await tx.updateTable('owners').set(set).where('id', '=', ownerId).execute();
      await recordAudit(tx, ctx, {
        action: 'update',
        entity: 'owner',
        entityId: ownerId,
        place,
        before: { ...before, phone: before.phone ? maskPhone(before.phone) : null },
        after: { name: patch.name, phone: patch.phone ? maskPhone(patch.phone) : patch.phone, idNumberMasked: id?.masked },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`身份证号为 ${id?.masked} 的业主`, `An owner with ID number ${id?.masked}`);
    throw err;
  }
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

// ---------- residents ----------

export interface ResidentInput {
  name: string;
  kind: (typeof residentKinds)[number];
  unitId?: string | null;
  needsCare?: boolean;
  careNote?: string | null;
  phone?: string | null;
  idNumber?: string | null;
}

export async function listResidents(db: DB, actor: Actor, quarterId: string, opts: { kind?: string }) {
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
    const set: Record<string, unknown> = { updated_at: new Date() };
    if (patch.name !== undefined) set.name = patch.name.trim();
    if (patch.kind !== undefined) set.kind = patch.kind;
    if (patch.unitId !== undefined) set.unit_id = patch.unitId;
    if (patch.needsCare !== undefined) set.needs_care = patch.needsCare;
    if (patch.careNote !== undefined) set.care_note = patch.careNote?.trim() || null;
    if (patch.phone !== undefined) set.phone = patch.phone?.trim() || null;
    if (id) {
      set.id_number_hash = id.hash;
      set.id_number_masked = id.masked;
    }
    await tx.updateTable('residents').set(set).where('id', '=', residentId).execute();
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
