// The accounts' requests and answers.
import { z } from 'zod';
import { pageQuery, paged, sortOrder, timestamp } from './common';

// The roles and the levels of the place hierarchy an account can be bound to; platform/access.ts
// takes its lists from here, so the server and its contract cannot disagree.
export const userRoles = [
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
export const userScopeLevels = ['district', 'street', 'community', 'quarter', 'building'] as const;

// The organisation records an account's role can come from (docs/architecture.md, "Accounts
// and the offices they hold"), and the kind each role is linked to. Roles absent here
// (the offices, departments, mediators, grid workers, owners) hold their permissions by the
// account alone.
export const officeKinds = ['committee_member', 'supervisory_member', 'commissioner', 'building_leader', 'party_organization', 'property_company'] as const;
export const officeKindOfRole = {
  committee: 'committee_member',
  supervisory: 'supervisory_member',
  commissioner: 'commissioner',
  building_leader: 'building_leader',
  party_secretary: 'party_organization',
  company: 'property_company',
} as const satisfies Partial<Record<(typeof userRoles)[number], (typeof officeKinds)[number]>>;
/** Why an office is no longer held. */
export const officeEndReasons = ['term_ended', 'removed', 'dissolved', 'replaced', 'ended', 'not_serving', 'missing'] as const;

export const officeLink = z.object({ kind: z.enum(officeKinds), id: z.uuid() });
export const officeEndedSchema = z.object({ reason: z.enum(officeEndReasons), since: z.string().nullable(), message: z.string() });

export const userCreateBody = z.object({
  username: z.string().trim().min(3).max(40).regex(/^[A-Za-z0-9_.-]+$/, 'username'),
  displayName: z.string().trim().min(1).max(40),
  role: z.enum(userRoles),
  scopeLevel: z.enum(userScopeLevels),
  scopeId: z.uuid(),
  password: z.string().min(8).max(200),
  phone: z.string().trim().max(20).nullable().optional(),
  /** The organisation record the role comes from; see officeKindOfRole. */
  office: officeLink.nullable().optional(),
});
export const userRowSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  scopeLevel: z.string(),
  scopeId: z.string(),
  scopeName: z.string(),
  disabled: z.boolean(),
  createdAt: timestamp,
  mustChangePassword: z.boolean(),
  office: officeLink.extend({ label: z.string() }).nullable(),
  /** Set when the linked record is no longer current: the role's permissions have ended. */
  officeEnded: officeEndedSchema.nullable(),
});

/** The columns the accounts' list sorts by; `role` is role, then username (the list's old order). */
export const userSorts = ['role', 'username', 'displayName', 'createdAt'] as const;
/** A page of the accounts in scope, filtered and sorted on the server (docs/scaling.md). */
export const userListQuery = z.object({
  ...pageQuery,
  sort: z.enum(userSorts).default('role'),
  order: sortOrder,
  role: z.enum(userRoles).optional(),
  /** Part of the username or the name. */
  q: z.string().trim().max(40).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});
export const userPageSchema = paged(userRowSchema);

// The lifecycle of an account (disable, enable, reset the password, move).
export const userResetBody = z.object({
  /** The temporary password; one is generated when absent. */
  password: z.string().min(8).max(200).optional(),
});
export const userResetAnswer = z.object({
  /** The generated temporary password, shown this once; null when the operator gave it. */
  temporaryPassword: z.string().nullable(),
});
export const userMoveBody = z.object({
  role: z.enum(userRoles),
  scopeLevel: z.enum(userScopeLevels),
  scopeId: z.uuid(),
  office: officeLink.nullable().optional(),
});
export const officeRecordsQuery = z.object({ role: z.enum(userRoles), scopeLevel: z.enum(userScopeLevels), scopeId: z.uuid() });
export const officeRecordSchema = z.object({ kind: z.enum(officeKinds), id: z.string(), label: z.string(), current: z.boolean() });
