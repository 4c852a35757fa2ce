// Roles, what each may do, and the scope check every module runs before every action.
// A user is bound to one place of district › street › community › quarter › building
// (docs/architecture.md, "Rules of the code"); anything outside it answers like an unknown id (404).
import { officeEndReasons, officeKinds, userRoles, userScopeLevels } from '../../contracts/users';
import { AppError, notFound } from './errors';
import type { Localized } from './i18n';

export const roles = userRoles;
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
export const scopeLevels: ScopeLevel[] = [...userScopeLevels];

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

// Permissions are declared by the modules, each in its access.ts (defineGrants), and made known
// to the compiler by augmenting PermissionRegistry:
//
//   export const votingGrants = defineGrants({ 'votes.read': [...OFFICES, 'committee'], … });
//   declare module '../../platform/access' {
//     interface PermissionRegistry extends Record<keyof typeof votingGrants, true> {}
//   }
//
// installModules (platform/module.ts) puts the grants of the listed modules into one table.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by module augmentation
export interface PermissionRegistry {}
export type Permission = keyof PermissionRegistry & string;
/** A module's permissions and the roles that hold each. */
export type Grants = Record<string, readonly Role[]>;

export function defineGrants<T extends Grants>(grants: T): T {
  return grants;
}

/** The three levels of tripartite office (三方办), which hold most permissions of their scope. */
export const OFFICES: readonly Role[] = ['district_office', 'street_office', 'community_office'];

const grantTable = new Map<string, { module: string; roles: readonly Role[] }>();

/** Adds a module's grants (installModules does this); a permission belongs to one module. */
export function installGrants(module: string, grants: Grants): void {
  for (const [permission, roles] of Object.entries(grants)) {
    const held = grantTable.get(permission);
    if (held && held.module !== module) throw new Error(`permission ${permission} is granted by ${held.module} and ${module}`);
    grantTable.set(permission, { module, roles });
  }
}

/** The permissions a role holds, in the order the modules were installed. */
export function permissionsOf(role: Role): Permission[] {
  return [...grantTable].filter(([, g]) => g.roles.includes(role)).map(([p]) => p as Permission);
}

/** Every installed permission with its module (the access matrix test reads it). */
export function installedPermissions(): { permission: Permission; module: string; roles: readonly Role[] }[] {
  return [...grantTable].map(([permission, g]) => ({ permission: permission as Permission, module: g.module, roles: g.roles }));
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

export type OfficeKind = (typeof officeKinds)[number];
export type OfficeEndReason = (typeof officeEndReasons)[number];
/** The organisation record an account's role comes from. */
export interface OfficeLink {
  kind: OfficeKind;
  id: string;
}
/** Why and since when (the last day in office, or the day of removal) the office has ended. */
export interface OfficeEnded {
  reason: OfficeEndReason;
  since: string | null;
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
  /** Empty while the office behind the role has ended (officeEnded). */
  permissions: Permission[];
  /** The linked office has ended: the account still logs in, but holds none of the role's permissions. */
  officeEnded?: OfficeEnded | null;
  /** A reset password: nothing but changing it until it is changed. */
  mustChangePassword?: boolean;
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
  if (can(actor, permission)) return;
  // Said as such, so that a member whose term ended learns why rather than "your role may not".
  if (actor.officeEnded && permissionsOf(actor.role).includes(permission)) throw new AppError('OFFICE_ENDED');
  throw new AppError('FORBIDDEN');
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
