// The inbox's routes: schema in (src/contracts/notifications.ts), a service, schema out.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { noContent } from '../../../contracts/common';
import { inboxMarkBody, inboxPageSchema, inboxQuery } from '../../../contracts/notifications';
import { errorSchema, idParam, requireActor } from '../../platform/http';
import { listInbox, markInbox } from './service';

export async function notificationsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/inbox',
    { schema: { tags: ['notifications'], summary: "A page of the caller's to-dos and reminders, with the total and the unread count", querystring: inboxQuery, response: { 200: inboxPageSchema } } },
    async (req) => listInbox(app.services.db.kysely, requireActor(req), req.query),
  );
  app.patch(
    '/api/inbox/:id',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark an inbox item read or done',
        params: idParam,
        body: inboxMarkBody,
        response: { 204: noContent, 404: errorSchema },
      },
    },
    async (req, reply) => {
      await markInbox(app.services.db.kysely, requireActor(req), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );
}
