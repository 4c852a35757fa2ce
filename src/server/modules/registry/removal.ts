// Deleting registry records that were entered by mistake: a unit, an owner, a resident. Each is
// authorised (scope 404, then permission 403), refused with a reason while another module keeps
// the record (platform/module.ts, RegistryHold: a unit on an open vote's roll, an owner with a
// ballot) or another record still refers to it, and audited with what was deleted.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import type { Localized } from '../../platform/i18n';
import type { RegistryHold } from '../../platform/module';
import { maskPhone } from '../../../core/idnumber';
import { authorizeOwner, authorizeResident, authorizeUnit } from './access';

type DB = Kysely<Database>;

async function assertNotHeld(db: DB, holds: readonly RegistryHold[], record: { entity: 'unit' | 'owner'; id: string }, what: Localized) {
  for (const hold of holds) {
    const reason = await hold.held(db, record);
    if (reason) throw new AppError('RECORD_HELD', { what: what['zh-CN'], whatEn: what.en, reason: reason['zh-CN'], reasonEn: reason.en });
  }
}

/** Runs a delete and turns a foreign-key violation (another record still refers to it) into a 409. */
async function unlessReferenced<T>(write: () => Promise<T>, what: Localized, by: Localized): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if ((err as { code?: string }).code === '23503') throw new AppError('RECORD_REFERENCED', { what: what['zh-CN'], whatEn: what.en, by: by['zh-CN'], byEn: by.en });
    throw err;
  }
}

export async function deleteUnit(db: DB, ctx: RequestContext, holds: readonly RegistryHold[], unitId: string) {
  const place = await authorizeUnit(db, ctx.actor, unitId, 'registry.write');
  const what = { 'zh-CN': `房屋“${place.label}”`, en: `Unit "${place.label}"` };
  await assertNotHeld(db, holds, { entity: 'unit', id: unitId }, what);
  await unlessReferenced(
    () =>
      db.transaction().execute(async (tx) => {
        const before = await tx.selectFrom('units').select(['number', 'exclusive_area', 'use', 'certificate_masked', 'building_id']).where('id', '=', unitId).executeTakeFirstOrThrow();
        const owners = await tx.selectFrom('unit_owners').select('owner_id').where('unit_id', '=', unitId).execute();
        // Its owner links go with it (ON DELETE CASCADE); its residents stay, without a unit.
        await tx.deleteFrom('units').where('id', '=', unitId).execute();
        await recordAudit(tx, ctx, {
          action: 'delete',
          entity: 'unit',
          entityId: unitId,
          place: { ...place, buildingId: before.building_id },
          before: { label: place.label, ...before, ownerIds: owners.map((o) => o.owner_id) },
        });
      }),
    what,
    { 'zh-CN': '其他模块的记录', en: "another module's records" },
  );
}

export async function deleteOwner(db: DB, ctx: RequestContext, holds: readonly RegistryHold[], ownerId: string) {
  const place = await authorizeOwner(db, ctx.actor, ownerId, 'registry.write');
  const owner = await db.selectFrom('owners').select(['name', 'kind', 'id_number_masked', 'phone']).where('id', '=', ownerId).executeTakeFirstOrThrow();
  const what = { 'zh-CN': `业主“${owner.name}”`, en: `Owner "${owner.name}"` };
  await assertNotHeld(db, holds, { entity: 'owner', id: ownerId }, what);
  await unlessReferenced(
    () =>
      db.transaction().execute(async (tx) => {
        const units = await tx.selectFrom('unit_owners').select('unit_id').where('owner_id', '=', ownerId).execute();
        await tx.deleteFrom('owners').where('id', '=', ownerId).execute();
        await recordAudit(tx, ctx, {
          action: 'delete',
          entity: 'owner',
          entityId: ownerId,
          place,
          before: { ...owner, phone: owner.phone ? maskPhone(owner.phone) : null, unitIds: units.map((u) => u.unit_id) },
        });
      }),
    what,
    // The tables that refer to an owner without cascading: its login account, and the
    // organisations' records of committee members, candidates and conveners (migrations 0001, 0003).
    { 'zh-CN': '业主的登录账号，或业主委员会成员、候选人等组织记录', en: "the owner's login account, or the organisations' records of committee members or candidates" },
  );
}

/** A resident who has moved away or was entered by mistake: the record goes, the audit keeps it. */
export async function deleteResident(db: DB, ctx: RequestContext, residentId: string) {
  const place = await authorizeResident(db, ctx.actor, residentId, 'residents.write');
  await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('residents').select(['name', 'kind', 'unit_id', 'needs_care', 'id_number_masked', 'phone']).where('id', '=', residentId).executeTakeFirstOrThrow();
    await tx.deleteFrom('residents').where('id', '=', residentId).execute();
    await recordAudit(tx, ctx, { action: 'delete', entity: 'resident', entityId: residentId, place, before: { ...before, phone: before.phone ? maskPhone(before.phone) : null } });
  });
}
