import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roles, scopeLevels } from '../../platform/access';
import { contextOf, requireActor } from '../../platform/http';
import { createUser, listUsers } from './service';

export async function usersRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.services.db.kysely;
  app.get('/api/users', { schema: { tags: ['users'], summary: 'Accounts in scope (office staff)' } }, async (req) => ({
    items: await listUsers(db(), requireActor(req), req.locale),
  }));
  app.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create an account inside your scope (office staff)',
        body: z.object({
          username: z.string().trim().min(3).max(40).regex(/^[A-Za-z0-9_.-]+$/),
          displayName: z.string().trim().min(1).max(40),
          role: z.enum(roles),
          scopeLevel: z.enum(scopeLevels),
          scopeId: z.uuid(),
          password: z.string().min(8).max(200),
          phone: z.string().trim().max(20).nullable().optional(),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await createUser(db(), contextOf(req), req.body)),
  );
}
