import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf, requireActor } from '../../platform/http';
import { createCommunity, createStreet, listCommunities, listDistricts, listStreets } from './service';

export async function placesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.services.db.kysely;

  // GET /api/places/tree reaches down to quarters, so the registry module serves it.
  app.get('/api/districts', { schema: { tags: ['places'], summary: 'Districts in scope' } }, async (req) => ({
    items: await listDistricts(db(), requireActor(req)),
  }));
  app.get(
    '/api/streets',
    { schema: { tags: ['places'], summary: 'Streets in scope', querystring: z.object({ districtId: z.uuid().optional() }) } },
    async (req) => ({ items: await listStreets(db(), requireActor(req), req.query.districtId) }),
  );
  app.get(
    '/api/communities',
    { schema: { tags: ['places'], summary: 'Communities in scope', querystring: z.object({ streetId: z.uuid().optional() }) } },
    async (req) => ({ items: await listCommunities(db(), requireActor(req), req.query.streetId) }),
  );
  app.post(
    '/api/streets',
    { schema: { tags: ['places'], summary: 'Create a street (district office)', body: z.object({ districtId: z.uuid(), name: z.string().trim().min(1).max(60) }) } },
    async (req, reply) => reply.status(201).send(await createStreet(db(), contextOf(req), req.body)),
  );
  app.post(
    '/api/communities',
    { schema: { tags: ['places'], summary: 'Create a community (district or street office)', body: z.object({ streetId: z.uuid(), name: z.string().trim().min(1).max(60) }) } },
    async (req, reply) => reply.status(201).send(await createCommunity(db(), contextOf(req), req.body)),
  );
}
