// Login, the session's user and the password.
import { z } from 'zod';
import { officeEndedSchema } from './users';

export const loginBody = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });
export const passwordBody = z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) });
export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  locale: z.string(),
  scope: z.object({ level: z.string(), id: z.string(), name: z.string() }),
  ownerId: z.string().nullable(),
  quarterId: z.string().nullable(),
  permissions: z.array(z.string()),
  /** After a reset: nothing but a new password until it is changed. */
  mustChangePassword: z.boolean(),
  /** The office the role came from has ended: why, and since when. */
  officeEnded: officeEndedSchema.nullable(),
});
export const sessionSchema = z.object({ user: sessionUserSchema, csrfToken: z.string() });
