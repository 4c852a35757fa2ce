// The organizations module's permissions, and its authorize… functions: each loads the record,
// finds its place, checks the actor's scope (404, so that an id outside the scope looks exactly
// like an unknown one) and then the action (403). Services call these and nothing else for access.
import { assertCan, assertInScope, defineGrants, isOffice, OFFICES, placeInScope, type Actor, type PlacePath, type Permission, type ScopeLevel } from '../../platform/access';
import { placeOfRow } from '../../platform/db-helpers';
import { AppError, notFound } from '../../platform/errors';
import { placePath } from '../places';
import { quarterPlaceById, quarterPlacesByIds, type QuarterPlaceRow } from '../registry';
import { shanghaiDate, type DB, type Exec } from './shared';

// Organisations (组织建设, T/ZAS 4006.1—2020 5): the bodies of a quarter are public knowledge inside it; the
// offices and the commissioner keep the records (ZAS 5.2, 5.3). Candidate vetting: community
// pre-review, street review, joint department review (BG 5); the step decides which office may act.
export const organizationsGrants = defineGrants({
  'organizations.read': [...OFFICES, 'commissioner', 'party_secretary', 'committee', 'supervisory', 'company', 'building_leader', 'grid_worker', 'department'],
  'organizations.manage': [...OFFICES, 'commissioner'],
  'vetting.review': [...OFFICES, 'party_secretary'],
  // The supervision dashboard (工作台) of the offices: what every module counts in their places.
  'dashboard.read': [...OFFICES],
});

declare module '../../platform/access' {
  interface PermissionRegistry extends Record<keyof typeof organizationsGrants, true> {}
}

/**
 * What the actor wants to do with the record, once it is in scope:
 * - a permission of this module (`organizations.read`, `organizations.manage`, `vetting.review`);
 * - `office`: only the tripartite offices appoint commissioners and keep the offices' own records
 *   (ZAS 5.2, 5.3.1 "配备");
 * - `recommend`: candidates are recommended by the quarter's party organisation or recorded by
 *   those who keep the records (BG 二（二）5 "小区党组织或业主联名推荐");
 * - `public`: the scope alone, for what every account of the quarter may read (the commissioner's
 *   public profile, ZAS 6.1.3.5).
 */
export type OrgAction = Permission | 'office' | 'recommend' | 'public';

function assertAction(actor: Actor, action: OrgAction): void {
  switch (action) {
    case 'public':
      return;
    case 'office':
      assertCan(actor, 'organizations.manage');
      if (!isOffice(actor.role)) throw new AppError('FORBIDDEN');
      return;
    case 'recommend':
      // The party organisation by its permission, not its role: one whose organisation was
      // dissolved holds none (docs/architecture.md, "Accounts and the offices they hold").
      if (!actor.permissions.includes('organizations.manage') && !(actor.role === 'party_secretary' && actor.permissions.includes('vetting.review'))) throw new AppError('FORBIDDEN');
      return;
    default:
      assertCan(actor, action);
  }
}

export type QuarterPlace = QuarterPlaceRow;

/** A quarter's organisations: its place if the quarter exists and is in scope (404), then the action (403). */
export async function authorizeQuarterOrganizations(db: Exec, actor: Actor, quarterId: string, action: OrgAction): Promise<QuarterPlace> {
  const place = await quarterPlaceById(db, quarterId);
  // A building leader reads the organisations of the quarter their building is in.
  assertInScope(actor, place, { parentRead: true });
  assertAction(actor, action);
  return place!;
}

/** A record of one quarter: 404 when there is none, else authorized as its quarter. */
async function authorizeQuarterRecord<T extends { quarter_id: string }>(db: Exec, actor: Actor, row: T | undefined, action: OrgAction): Promise<{ row: T; place: QuarterPlace }> {
  if (!row) throw notFound();
  return { row, place: await authorizeQuarterOrganizations(db, actor, row.quarter_id, action) };
}

export async function authorizeCommittee(db: Exec, actor: Actor, committeeId: string, action: OrgAction) {
  const c = await db.selectFrom('owners_committees').selectAll().where('id', '=', committeeId).executeTakeFirst();
  const { row, place } = await authorizeQuarterRecord(db, actor, c, action);
  return { committee: row, place };
}

export async function authorizeCommitteeMember(db: Exec, actor: Actor, memberId: string, action: OrgAction) {
  const m = await db.selectFrom('committee_members').selectAll().where('id', '=', memberId).executeTakeFirst();
  if (!m) throw notFound();
  const { committee, place } = await authorizeCommittee(db, actor, m.committee_id, action);
  return { member: m, committee, place };
}

export async function authorizeSupervisoryCommittee(db: Exec, actor: Actor, id: string, action: OrgAction) {
  const c = await db.selectFrom('supervisory_committees').selectAll().where('id', '=', id).executeTakeFirst();
  const { row, place } = await authorizeQuarterRecord(db, actor, c, action);
  return { committee: row, place };
}

export async function authorizeSupervisoryMember(db: Exec, actor: Actor, memberId: string, action: OrgAction) {
  const m = await db.selectFrom('supervisory_committee_members').selectAll().where('id', '=', memberId).executeTakeFirst();
  if (!m) throw notFound();
  const { committee, place } = await authorizeSupervisoryCommittee(db, actor, m.supervisory_committee_id, action);
  return { member: m, committee, place };
}

export async function authorizeCandidate(db: Exec, actor: Actor, id: string, action: OrgAction) {
  const c = await db.selectFrom('candidates').selectAll().where('id', '=', id).executeTakeFirst();
  const { row, place } = await authorizeQuarterRecord(db, actor, c, action);
  return { candidate: row, place };
}

export async function authorizeCommissioner(db: Exec, actor: Actor, id: string, action: OrgAction) {
  const c = await db.selectFrom('commissioners').selectAll().where('id', '=', id).executeTakeFirst();
  const { row, place } = await authorizeQuarterRecord(db, actor, c, action);
  return { commissioner: row, place };
}

export async function authorizeContract(db: Exec, actor: Actor, id: string, action: OrgAction) {
  const c = await db.selectFrom('service_contracts').selectAll().where('id', '=', id).executeTakeFirst();
  const { row, place } = await authorizeQuarterRecord(db, actor, c, action);
  return { contract: row, place };
}

export const communityPeopleTables = { grids: 'grids', 'building-leaders': 'building_leaders', 'social-organizations': 'social_organizations', volunteers: 'volunteers' } as const;
export type PeopleKind = keyof typeof communityPeopleTables;

/** A grid, building leader, social organisation or volunteer of a quarter. */
export async function authorizeCommunityPerson(db: Exec, actor: Actor, kind: PeopleKind, id: string, action: OrgAction) {
  const row = await db.selectFrom(communityPeopleTables[kind]).select(['id', 'quarter_id', 'name']).where('id', '=', id).executeTakeFirst();
  const { place } = await authorizeQuarterRecord(db, actor, row, action);
  return { person: row!, place };
}

/**
 * A property company is a record of its district (one company serves many quarters, and any
 * quarter of the district may sign with it), so every account of the district may read it and
 * choose it for a contract. Changing it (its name, its party members, a party organisation of
 * it) is another matter, since the rule ZAS 5.1.2 judges it in the quarters it serves: a company
 * may be changed by an account whose scope covers a quarter it serves (the commissioner of that
 * quarter, its community or street office), or by the district office of its district. "Serves"
 * means a contract with the quarter that has not ended (current, or signed to start later); a
 * company between contracts is kept by the district office alone.
 */
export async function authorizeCompany(db: Exec, actor: Actor, id: string, action: OrgAction) {
  const company = await db.selectFrom('property_companies').selectAll().where('id', '=', id).executeTakeFirst();
  if (!company || !(await companyInScope(db, actor, company))) throw notFound();
  assertAction(actor, action);
  return { company, place: { districtId: company.district_id } as PlacePath };
}

async function companyInScope(db: Exec, actor: Actor, company: { id: string; district_id: string }): Promise<boolean> {
  if (actor.scope.level === 'district') return actor.scope.id === company.district_id;
  if (actor.path.districtId !== company.district_id) return false;
  const today = shanghaiDate();
  const served = await db
    .selectFrom('service_contracts')
    .select('quarter_id')
    .where('property_company_id', '=', company.id)
    .where((eb) => eb.or([eb('terminated_on', 'is', null).and(eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)])), eb('terminated_on', '>=', today)]))
    .execute();
  const places = await quarterPlacesByIds(db, served.map((s) => s.quarter_id));
  // A building leader of a served quarter sees the company there: refused by permission (403), not hidden.
  return [...places.values()].some((p) => placeInScope(actor, p, { parentRead: true }));
}

/**
 * A party organisation: of a quarter or its committee (as the quarter), or of a company (as
 * the company, above).
 */
export async function authorizePartyOrganization(db: Exec, actor: Actor, id: string, action: OrgAction) {
  const po = await db.selectFrom('party_organizations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!po) throw notFound();
  if (po.quarter_id) return { partyOrganization: po, place: (await authorizeQuarterOrganizations(db, actor, po.quarter_id, action)) as PlacePath };
  if (!po.property_company_id) throw notFound();
  const { place } = await authorizeCompany(db, actor, po.property_company_id, action);
  return { partyOrganization: po, place };
}

/** The place of a new tripartite office (a district, street or community), in scope (404), then the action. */
export async function authorizeOfficePlace(db: Exec, actor: Actor, level: ScopeLevel, placeId: string, action: OrgAction) {
  const path = await placePath(db as DB, level, placeId);
  const place = path ? { districtId: path.districtId, streetId: path.streetId ?? null, communityId: path.communityId ?? null } : null;
  assertInScope(actor, place);
  assertAction(actor, action);
  return place!;
}

/** A tripartite office: in scope when its place is (an office sees the offices below it). */
export async function authorizeOffice(db: Exec, actor: Actor, id: string, action: OrgAction) {
  const o = await db.selectFrom('tripartite_offices').selectAll().where('id', '=', id).executeTakeFirst();
  const place = o ? placeOfRow(o) : null;
  assertInScope(actor, place);
  assertAction(actor, action);
  return { office: o!, place: place! };
}

export async function authorizeOfficeMember(db: Exec, actor: Actor, memberId: string, action: OrgAction) {
  const m = await db.selectFrom('office_members').selectAll().where('id', '=', memberId).executeTakeFirst();
  if (!m) throw notFound();
  const { place } = await authorizeOffice(db, actor, m.office_id, action);
  return { member: m, place };
}

/** What needs no record, only the action (lists of the caller's own district). */
export function authorizeAction(actor: Actor, action: OrgAction): void {
  assertAction(actor, action);
}
