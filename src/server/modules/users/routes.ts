// The accounts' routes: schema in (src/contracts/users.ts), a service, schema out.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { created } from '../../../contracts/common';
import { userCreateBody, userRoles, userRowSchema, userScopeLevels } from '../../../contracts/users';
import type { Role, ScopeLevel } from '../../platform/access';
import { contextOf, errorSchema, requireActor } from '../../platform/http';
import { createUser, listUsers } from './service';

// The contract's lists of roles and levels are the platform's, or this does not compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameRoles: Same<(typeof userRoles)[number], Role> = true;
const sameLevels: Same<(typeof userScopeLevels)[number], ScopeLevel> = true;
void sameRoles;
void sameLevels;

export async function usersRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.services.db.kysely;
  app.get(
    '/api/users',
    { schema: { tags: ['users'], summary: 'Accounts in scope (office staff)', response: { 200: z.object({ items: z.array(userRowSchema) }), 403: errorSchema } } },
    async (req) => ({ items: await listUsers(db(), requireActor(req), req.locale) }),
  );
  app.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create an account inside your scope (office staff)',
        body: userCreateBody,
        response: { 201: created, 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createUser(db(), contextOf(req), req.body)),
  );
}
