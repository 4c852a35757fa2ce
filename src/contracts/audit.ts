// Reading the audit log.
import { z } from 'zod';
import { timestamp } from './common';

export const auditQuery = z.object({
  quarterId: z.uuid().optional(),
  entity: z.string().max(40).optional(),
  // `security`: sign-ins and password changes only (the security log); `changes`: everything
  // else (the changes to data). Without it, both.
  log: z.enum(['changes', 'security']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const auditEntrySchema = z.object({
  id: z.union([z.number(), z.string()]),
  at: timestamp,
  username: z.string().nullable(),
  // The person's name (the account's display name), null for the system or a removed account.
  name: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  quarterId: z.string().nullable(),
  quarterName: z.string().nullable(),
  // The record before and after, as the module wrote it (personal data masked).
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});
/** `total` is counted up to 10,000 entries; `totalCapped` says there are more. */
export const auditPageSchema = z.object({ total: z.number(), totalCapped: z.boolean(), items: z.array(auditEntrySchema) });
