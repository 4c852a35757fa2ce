// The grids, building leaders, social organisations and volunteers of a quarter (DB3305/T
// 309—2024 3.4, A.5–A.6), kept by the offices and the commissioner.
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { uniquely } from '../../platform/db-helpers';
import { conflict } from '../../platform/errors';
import type { IsoDate } from '../../../core/dates';
import { buildingsByIds } from '../registry';
import { authorizeCommunityPerson, authorizeQuarterOrganizations, communityPeopleTables, type PeopleKind } from './access';
import { invalidReference, type DB, type OrgContext } from './shared';

export type { PeopleKind };

export interface GridInput {
  name: string;
  leaderName?: string;
  leaderPhone?: string | null;
  note?: string;
}
export interface BuildingLeaderInput {
  buildingId: string;
  name: string;
  phone?: string | null;
  startedOn?: IsoDate | null;
  note?: string;
}
export interface SocialOrgInput {
  name: string;
  kind?: string;
  contactName?: string;
  contactPhone?: string | null;
  note?: string;
}
export interface VolunteerInput {
  name: string;
  phone?: string | null;
  team?: string;
  skills?: string;
  joinedOn?: IsoDate | null;
}

const tableOf = communityPeopleTables;

/** The quarter's community people: grid and building leaders are kept by the offices and the commissioner. */
export async function addPerson(db: DB, ctx: OrgContext, quarterId: string, kind: PeopleKind, input: GridInput | BuildingLeaderInput | SocialOrgInput | VolunteerInput): Promise<{ id: string }> {
  const place = await authorizeQuarterOrganizations(db, ctx.actor, quarterId, 'organizations.manage');
  const common = { district_id: place.districtId, quarter_id: quarterId };
  return uniquely(async () => {
    return db.transaction().execute(async (tx) => {
      let id: string;
      switch (kind) {
        case 'grids': {
          const i = input as GridInput;
          id = (await tx.insertInto('grids').values({ ...common, name: i.name, leader_name: i.leaderName ?? '', leader_phone: i.leaderPhone ?? null, note: i.note ?? '' }).returning('id').executeTakeFirstOrThrow()).id;
          break;
        }
        case 'building-leaders': {
          const i = input as BuildingLeaderInput;
          const b = (await buildingsByIds(tx, [i.buildingId])).get(i.buildingId);
          if (!b || b.quarterId !== quarterId) {
            throw invalidReference('buildingId', { 'zh-CN': '楼栋', en: 'The building' }, { 'zh-CN': '楼栋不存在或不在本小区', en: 'no such building in this quarter' });
          }
          id = (
            await tx
              .insertInto('building_leaders')
              .values({ ...common, building_id: i.buildingId, name: i.name, phone: i.phone ?? null, started_on: i.startedOn ?? null, note: i.note ?? '' })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
          break;
        }
        case 'social-organizations': {
          const i = input as SocialOrgInput;
          id = (
            await tx
              .insertInto('social_organizations')
              .values({ ...common, name: i.name, kind: i.kind ?? '', contact_name: i.contactName ?? '', contact_phone: i.contactPhone ?? null, note: i.note ?? '' })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
          break;
        }
        case 'volunteers': {
          const i = input as VolunteerInput;
          id = (
            await tx
              .insertInto('volunteers')
              .values({ ...common, name: i.name, phone: i.phone ?? null, team: i.team ?? '', skills: i.skills ?? '', joined_on: i.joinedOn ?? null })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
          break;
        }
      }
      await recordAudit(tx, ctx, { action: 'create', entity: tableOf[kind], entityId: id, place, after: input });
      return { id };
    });
  }, () => conflict(`名称“${(input as { name: string }).name}”`, `The name "${(input as { name: string }).name}"`));
}

export async function removePerson(db: DB, ctx: OrgContext, kind: PeopleKind, id: string): Promise<void> {
  const table = tableOf[kind];
  const { person: row, place } = await authorizeCommunityPerson(db, ctx.actor, kind, id, 'organizations.manage');
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom(table).where('id', '=', id).execute();
    await recordAudit(tx, ctx, { action: 'delete', entity: table, entityId: id, place, before: { name: row.name } });
  });
}

export async function peopleOf(db: DB, quarterId: string) {
  const [grids, leaders, socialOrganizations, volunteers] = await Promise.all([
    db.selectFrom('grids').selectAll().where('quarter_id', '=', quarterId).orderBy('name').execute(),
    db.selectFrom('building_leaders').selectAll().where('quarter_id', '=', quarterId).execute(),
    db.selectFrom('social_organizations').selectAll().where('quarter_id', '=', quarterId).orderBy('name').execute(),
    db.selectFrom('volunteers').selectAll().where('quarter_id', '=', quarterId).orderBy('created_at').execute(),
  ]);
  // Leaders by their building's name (the registry names the buildings).
  const buildings = await buildingsByIds(db, leaders.map((l) => l.building_id));
  const buildingName = (id: string) => buildings.get(id)?.name ?? '';
  leaders.sort((a, b) => (buildingName(a.building_id) < buildingName(b.building_id) ? -1 : buildingName(a.building_id) > buildingName(b.building_id) ? 1 : 0));
  return {
    grids: grids.map((g) => ({ id: g.id, name: g.name, leaderName: g.leader_name, leaderPhone: g.leader_phone, note: g.note })),
    buildingLeaders: leaders.map((l) => ({ id: l.id, buildingId: l.building_id, buildingName: buildingName(l.building_id), name: l.name, phone: l.phone, startedOn: l.started_on, endedOn: l.ended_on, note: l.note })),
    socialOrganizations: socialOrganizations.map((s) => ({ id: s.id, name: s.name, kind: s.kind, contactName: s.contact_name, contactPhone: s.contact_phone, note: s.note })),
    volunteers: volunteers.map((v) => ({ id: v.id, name: v.name, phone: v.phone, team: v.team, skills: v.skills, joinedOn: v.joined_on })),
  };
}

export async function listPeople(db: DB, actor: Actor, quarterId: string) {
  await authorizeQuarterOrganizations(db, actor, quarterId, 'organizations.read');
  return peopleOf(db, quarterId);
}
