// Shapes of the HTTP API that every part of the web app shares (the session, the places tree,
// accounts, the audit log). They come from the contracts (src/contracts) as types only, so zod
// stays out of the web bundle; `Wire` turns the server's Dates into the strings JSON carries.
// The registry's own shapes live in modules/registry/api.ts; its quarters and buildings are here
// because several modules list them.
import type { z } from 'zod';
import type { created, Wire } from '../../contracts/common';
import type { sessionSchema, sessionUserSchema } from '../../contracts/auth';
import type { districtSchema, communitySchema, streetSchema } from '../../contracts/places';
import type { buildingSchema, quarterSchema, quarterTypes, TreeNode } from '../../contracts/registry';
import type { auditEntrySchema } from '../../contracts/audit';
import type { officeRecordSchema, userResetAnswer, userRoles, userRowSchema, userScopeLevels } from '../../contracts/users';

export type Role = (typeof userRoles)[number];

// The order of the role pickers; the type holds it to the contract's list.
export const ROLES: Role[] = [
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
];

export type Permission =
  | 'quarter.create'
  | 'quarter.update'
  | 'registry.write'
  | 'registry.import'
  | 'owners.read'
  | 'residents.read'
  | 'residents.write'
  | 'audit.read'
  | 'users.manage'
  | 'places.manage'
  // organisations (issue 3)
  | 'organizations.read'
  | 'organizations.manage'
  | 'vetting.review'
  // owners' assembly voting (issue 4)
  | 'votes.read'
  | 'votes.manage'
  | 'ballots.enter'
  // deliberation and joint meetings (issue 13)
  | 'proposals.read'
  | 'proposals.raise'
  | 'proposals.advance'
  | 'proposals.cosign'
  | 'proposals.merge'
  | 'meetings.read'
  | 'meetings.manage'
  | 'actions.read'
  | 'actions.update'
  | 'actions.rate'
  // finance and disclosure (issue 14)
  | 'finance.read'
  | 'finance.configure'
  | 'ledger.book'
  | 'fundProjects.propose'
  | 'fundProjects.review'
  | 'disclosures.review'
  // cases (issue 12)
  | 'cases.read'
  | 'cases.raise'
  | 'cases.dispatch'
  | 'cases.handle'
  | 'cases.configure'
  | 'hazards.read'
  | 'hazards.patrol'
  | 'hazards.handle'
  | 'hazards.verify'
  | 'disputes.read'
  | 'disputes.register'
  | 'disputes.mediate'
  | 'patrols.read'
  | 'patrols.write'
  // the supervision dashboard (issues 12, 13)
  | 'dashboard.read'
  | 'emergency.manage'
  | 'holidays.manage';

export type ScopeLevel = (typeof userScopeLevels)[number];

/** The contract types role and scope level as strings; the web narrows them to its unions. */
export type SessionUser = Omit<Wire<z.output<typeof sessionUserSchema>>, 'role' | 'scope'> & {
  role: Role;
  scope: { level: ScopeLevel; id: string; name: string };
};

export type Session = Omit<Wire<z.output<typeof sessionSchema>>, 'user'> & { user: SessionUser };

export type PlaceLevel = 'district' | 'street' | 'community' | 'quarter';

/** A node of /api/places/tree (contract: TreeNode, whose level is a string). */
export type PlaceNode = Omit<TreeNode, 'level' | 'children'> & { level: PlaceLevel; children: PlaceNode[] };

export type District = z.output<typeof districtSchema>;
export type Street = z.output<typeof streetSchema>;
export type Community = z.output<typeof communitySchema>;

/** The registry's quarters and buildings, listed by several modules (the registry types the rest). */
export type QuarterType = (typeof quarterTypes)[number];
export type Quarter = Wire<z.output<typeof quarterSchema>>;
export type Building = Wire<z.output<typeof buildingSchema>>;

export type AuditEntry = Wire<z.output<typeof auditEntrySchema>>;

export type UserAccount = Omit<Wire<z.output<typeof userRowSchema>>, 'role' | 'scopeLevel'> & { role: Role; scopeLevel: ScopeLevel };
export type OfficeRecordOption = Wire<z.output<typeof officeRecordSchema>>;
export type UserResetAnswer = Wire<z.output<typeof userResetAnswer>>;

/** The answer of a create (201). */
export type Created = z.output<typeof created>;

export interface Paged<T> {
  items: T[];
  total: number;
}

export interface Listed<T> {
  items: T[];
}
