// The inbox of to-dos and reminders.
import { z } from 'zod';
import { timestamp } from './common';

export const inboxQuery = z.object({ includeDone: z.coerce.boolean().optional() });
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
