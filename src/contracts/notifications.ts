// The inbox of to-dos and reminders.
import { z } from 'zod';
import { pageQuery, timestamp } from './common';

/** A page of the inbox: a busy office's inbox grows with the district (docs/scaling.md). */
export const inboxQuery = z.object({ includeDone: z.coerce.boolean().optional(), ...pageQuery });
export const inboxItemSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  dueAt: timestamp.nullable(),
  quarterId: z.string().nullable(),
  createdAt: timestamp,
  readAt: timestamp.nullable(),
  doneAt: timestamp.nullable(),
});
export const inboxMarkBody = z.object({ read: z.boolean().optional(), done: z.boolean().optional() });
/** A page of the inbox, its total, and the count of unread open items (the header's badge). */
export const inboxPageSchema = z.object({ total: z.number(), unread: z.number(), items: z.array(inboxItemSchema) });
