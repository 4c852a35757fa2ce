// The audit log's route: schema in (src/contracts/audit.ts), the service, schema out.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditPageSchema, auditQuery } from '../../../contracts/audit';
import { errorSchema, requireActor } from '../../platform/http';
import { listAudit } from './service';

export async function auditRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit entries in scope (office staff)',
        querystring: auditQuery,
        response: { 200: auditPageSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (req) => listAudit(app.services.db.kysely, requireActor(req), req.query),
  );
}
