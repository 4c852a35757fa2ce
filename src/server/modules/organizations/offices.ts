// Tripartite offices (三方办 / 微治办, T/ZAS 4006.1—2020 5.2; BG 二（一）1) of a district, a street
// or a community, and their members.
import { placeInScope, type Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { uniquely } from '../../platform/db-helpers';
import { conflict } from '../../platform/errors';
import type { IsoDate } from '../../../core/dates';
import { authorizeAction, authorizeOffice, authorizeOfficeMember, authorizeOfficePlace } from './access';
import type { DB, OrgContext } from './shared';

export interface OfficeInput {
  level: 'district' | 'street' | 'community';
  placeId: string;
  name: string;
  establishedOn?: IsoDate | null;
  address?: string;
  phone?: string | null;
}

export async function createOffice(db: DB, ctx: OrgContext, input: OfficeInput): Promise<{ id: string }> {
  const place = await authorizeOfficePlace(db, ctx.actor, input.level, input.placeId, 'office');
  return uniquely(async () => {
    return db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('tripartite_offices')
        .values({
          district_id: place.districtId,
          level: input.level,
          street_id: place.streetId,
          community_id: place.communityId,
          name: input.name,
          established_on: input.establishedOn ?? null,
          address: input.address ?? '',
          phone: input.phone ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(tx, ctx, { action: 'create', entity: 'tripartite_office', entityId: row.id, place, after: input });
      return row;
    });
  }, () => conflict('该区划的三方办', 'An office for this place'));
}

export async function addOfficeMember(
  db: DB,
  ctx: OrgContext,
  officeId: string,
  input: { name: string; position?: string; department?: string; phone?: string | null },
): Promise<{ id: string }> {
  const { place } = await authorizeOffice(db, ctx.actor, officeId, 'office');
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('office_members')
      .values({ district_id: place.districtId, office_id: officeId, name: input.name, position: input.position ?? '', department: input.department ?? '', phone: input.phone ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'create', entity: 'office_member', entityId: row.id, place, after: input });
    return row;
  });
}

export async function removeOfficeMember(db: DB, ctx: OrgContext, memberId: string): Promise<void> {
  const { member: m, place } = await authorizeOfficeMember(db, ctx.actor, memberId, 'office');
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('office_members').where('id', '=', memberId).execute();
    await recordAudit(tx, ctx, { action: 'delete', entity: 'office_member', entityId: memberId, place, before: { name: m.name, position: m.position, department: m.department } });
  });
}

/**
 * The offices the actor may see: its own and those below it (a street office sees its
 * communities' offices), and the offices above the quarter a quarter account belongs to.
 */
export async function listOffices(db: DB, actor: Actor) {
  authorizeAction(actor, 'organizations.read');
  const offices = await db.selectFrom('tripartite_offices').selectAll().where('district_id', '=', actor.path.districtId).orderBy('level').orderBy('name').execute();
  const visible = offices.filter((o) => {
    const place = { districtId: o.district_id, streetId: o.street_id, communityId: o.community_id };
    if (placeInScope(actor, place)) return true;
    // The offices on the actor's own path (its community's, street's and district's).
    return (
      o.level === 'district' ||
      (o.level === 'street' && o.street_id === actor.path.streetId) ||
      (o.level === 'community' && o.community_id === actor.path.communityId)
    );
  });
  const members = visible.length ? await db.selectFrom('office_members').selectAll().where('office_id', 'in', visible.map((o) => o.id)).orderBy('created_at').execute() : [];
  return visible.map((o) => ({
    id: o.id,
    level: o.level,
    streetId: o.street_id,
    communityId: o.community_id,
    name: o.name,
    establishedOn: o.established_on,
    address: o.address,
    phone: o.phone,
    members: members.filter((m) => m.office_id === o.id).map((m) => ({ id: m.id, name: m.name, position: m.position, department: m.department, phone: m.phone })),
  }));
}
