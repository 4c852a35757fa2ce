// The accounts' requests and answers.
import { z } from 'zod';
import { timestamp } from './common';

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

export const userCreateBody = z.object({
  username: z.string().trim().min(3).max(40).regex(/^[A-Za-z0-9_.-]+$/),
  displayName: z.string().trim().min(1).max(40),
  role: z.enum(userRoles),
  scopeLevel: z.enum(userScopeLevels),
  scopeId: z.uuid(),
  password: z.string().min(8).max(200),
  phone: z.string().trim().max(20).nullable().optional(),
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
});
