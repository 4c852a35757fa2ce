// Roles, what each may do, and the scope check every module runs before every action.
// A user is bound to one place of district › street › community › quarter › building
// (SPEC "Users and roles"); anything outside it answers like an unknown id (404).
import { AppError, notFound } from './errors';
import type { Localized } from './i18n';

export const roles = [
  'district_office',
  'street_office',
  'community_office',
  'commissioner',
  'party_secretary',
  'committee',
  'supervisory',
  'company',
  'building_leader',
  'grid_worker',
  'owner',
  'department',
  'mediator',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, Localized> = {
  district_office: { 'zh-CN': '区三方办', en: 'District tripartite office' },
  street_office: { 'zh-CN': '街道三方办', en: 'Street tripartite office' },
  community_office: { 'zh-CN': '社区微治办', en: 'Community tripartite office' },
  commissioner: { 'zh-CN': '小区专员', en: 'Quarter commissioner' },
  party_secretary: { 'zh-CN': '小区党组织', en: 'Quarter party organisation' },
  committee: { 'zh-CN': '业主委员会', en: "Owners' committee" },
  supervisory: { 'zh-CN': '业主监督委员会', en: "Owners' supervisory committee" },
  company: { 'zh-CN': '物业服务企业', en: 'Property service company' },
  building_leader: { 'zh-CN': '楼道长', en: 'Building leader' },
  grid_worker: { 'zh-CN': '网格员', en: 'Grid worker' },
  owner: { 'zh-CN': '业主', en: 'Owner' },
  department: { 'zh-CN': '职能部门', en: 'Functional department' },
  mediator: { 'zh-CN': '调解员', en: 'Mediator' },
};

export type ScopeLevel = 'district' | 'street' | 'community' | 'quarter' | 'building';
export const scopeLevels: ScopeLevel[] = ['district', 'street', 'community', 'quarter', 'building'];

/** Where a role's accounts may be bound. */
export const roleScopeLevels: Record<Role, ScopeLevel[]> = {
  district_office: ['district'],
  street_office: ['street'],
  community_office: ['community'],
  commissioner: ['quarter'],
  party_secretary: ['quarter'],
  committee: ['quarter'],
  supervisory: ['quarter'],
  company: ['quarter'],
  building_leader: ['building'],
  grid_worker: ['quarter', 'community'],
  owner: ['quarter'],
  department: ['district', 'street'],
  mediator: ['district', 'street', 'community'],
};

export const permissions = [
  'quarter.create',
  'quarter.update',
  'registry.read',
  'registry.write',
  'registry.import',
  'owners.read',
  'residents.read',
  'residents.write',
  'audit.read',
  'users.manage',
  'places.manage',
  'organizations.read',
  'organizations.manage',
  'vetting.review',
  'votes.read',
  'votes.manage',
  'ballots.enter',
] as const;
export type Permission = (typeof permissions)[number];

const OFFICES: Role[] = ['district_office', 'street_office', 'community_office'];

// Who may do what with the registry. Owners' personal data is read by those who serve or
// represent the owners; residents' data (including people needing care) by those who look
// after them (ZAS 6.2.2.2). Departments and mediators see quarters, not people.
const grants: Record<Permission, Role[]> = {
  'quarter.create': OFFICES,
  'quarter.update': [...OFFICES, 'commissioner'],
  'registry.read': [...OFFICES, 'commissioner', 'party_secretary', 'committee', 'supervisory', 'company', 'building_leader', 'grid_worker'],
  'registry.write': [...OFFICES, 'commissioner', 'company'],
  'registry.import': [...OFFICES, 'commissioner', 'company'],
  'owners.read': [...OFFICES, 'commissioner', 'party_secretary', 'committee', 'company'],
  'residents.read': [...OFFICES, 'commissioner', 'grid_worker', 'building_leader'],
  'residents.write': [...OFFICES, 'commissioner', 'grid_worker'],
  'audit.read': OFFICES,
  'users.manage': OFFICES,
  'places.manage': ['district_office', 'street_office'],
  // Organisations (SPEC module 2): the bodies of a quarter are public knowledge inside it; the
  // offices and the commissioner keep the records (ZAS 5.2, 5.3).
  'organizations.read': [...OFFICES, 'commissioner', 'party_secretary', 'committee', 'supervisory', 'company', 'building_leader', 'grid_worker', 'department'],
  'organizations.manage': [...OFFICES, 'commissioner'],
  // Candidate vetting: community pre-review, street review, joint department review (BG 5);
  // the step decides which office may act.
  'vetting.review': [...OFFICES, 'party_secretary'],
  // Votes (SPEC module 3): the owners' committee with the commissioner runs them, or the
  // community office where there is no committee.
  'votes.read': [...OFFICES, 'commissioner', 'party_secretary', 'committee', 'supervisory'],
  'votes.manage': ['community_office', 'commissioner', 'committee'],
  'ballots.enter': ['community_office', 'commissioner', 'committee'],
};

export function permissionsOf(role: Role): Permission[] {
  return permissions.filter((p) => grants[p].includes(role));
}

export function isOffice(role: Role): boolean {
  return OFFICES.includes(role);
}

/** The ids of a place's path; deeper levels are absent for a higher place. */
export interface PlacePath {
  districtId: string;
  streetId?: string | null;
  communityId?: string | null;
  quarterId?: string | null;
  buildingId?: string | null;
}

export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  locale: string;
  scope: { level: ScopeLevel; id: string };
  /** The path of the user's own place. */
  path: PlacePath;
  ownerId: string | null;
  permissions: Permission[];
}

const pathKey: Record<ScopeLevel, keyof PlacePath> = {
  district: 'districtId',
  street: 'streetId',
  community: 'communityId',
  quarter: 'quarterId',
  building: 'buildingId',
};

/**
 * Is the place inside the actor's scope? A place above the actor's level is inside only when
 * it is the actor's own quarter and `parentRead` is allowed: a building leader may read their
 * quarter's facts, but nothing of another building.
 */
export function placeInScope(actor: Actor, place: PlacePath, opts: { parentRead?: boolean } = {}): boolean {
  const key = pathKey[actor.scope.level];
  const value = place[key];
  if (value) return value === actor.scope.id;
  if (opts.parentRead && actor.scope.level === 'building') {
    return !!place.quarterId && place.quarterId === actor.path.quarterId;
  }
  return false;
}

/** 404 rather than 403: an out-of-scope id must look exactly like an unknown one. */
export function assertInScope(actor: Actor, place: PlacePath | undefined | null, opts?: { parentRead?: boolean }): void {
  if (!place || !placeInScope(actor, place, opts)) throw notFound();
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.includes(permission);
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError('FORBIDDEN');
}

/** The SQL column and value that restrict a quarter-level table to the actor's scope. */
export function scopeFilter(actor: Actor): { column: 'district_id' | 'street_id' | 'community_id' | 'quarter_id'; value: string } {
  switch (actor.scope.level) {
    case 'district':
      return { column: 'district_id', value: actor.scope.id };
    case 'street':
      return { column: 'street_id', value: actor.scope.id };
    case 'community':
      return { column: 'community_id', value: actor.scope.id };
    case 'quarter':
      return { column: 'quarter_id', value: actor.scope.id };
    case 'building':
      return { column: 'quarter_id', value: actor.path.quarterId! };
  }
}
