import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, requireActor } from '../../platform/http';
import { listInbox, markInbox } from './service';

export async function notificationsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/inbox',
    { schema: { tags: ['notifications'], summary: "The caller's to-dos and reminders", querystring: z.object({ includeDone: z.coerce.boolean().optional() }) } },
    async (req) => ({ items: await listInbox(app.services.db.kysely, requireActor(req), req.query) }),
  );
  app.patch(
    '/api/inbox/:id',
    { schema: { tags: ['notifications'], summary: 'Mark an inbox item read or done', params: idParam, body: z.object({ read: z.boolean().optional(), done: z.boolean().optional() }) } },
    async (req, reply) => {
      await markInbox(app.services.db.kysely, requireActor(req), req.params.id, req.body);
      return reply.status(204).send();
    },
  );
}
