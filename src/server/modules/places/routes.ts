// The places' routes: schema in (src/contracts/places.ts), a service, schema out.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { created } from '../../../contracts/common';
import { communityCreateBody, communityQuery, communitySchema, districtSchema, streetCreateBody, streetQuery, streetSchema } from '../../../contracts/places';
import { contextOf, errorSchema, requireActor } from '../../platform/http';
import { createCommunity, createStreet, listCommunities, listDistricts, listStreets } from './service';

const writeErrors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

export async function placesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.services.db.kysely;

  // GET /api/places/tree reaches down to quarters, so the registry module serves it.
  app.get('/api/districts', { schema: { tags: ['places'], summary: 'Districts in scope', response: { 200: z.object({ items: z.array(districtSchema) }) } } }, async (req) => ({
    items: await listDistricts(db(), requireActor(req)),
  }));
  app.get(
    '/api/streets',
    { schema: { tags: ['places'], summary: 'Streets in scope', querystring: streetQuery, response: { 200: z.object({ items: z.array(streetSchema) }) } } },
    async (req) => ({ items: await listStreets(db(), requireActor(req), req.query.districtId) }),
  );
  app.get(
    '/api/communities',
    { schema: { tags: ['places'], summary: 'Communities in scope', querystring: communityQuery, response: { 200: z.object({ items: z.array(communitySchema) }) } } },
    async (req) => ({ items: await listCommunities(db(), requireActor(req), req.query.streetId) }),
  );
  app.post(
    '/api/streets',
    { schema: { tags: ['places'], summary: 'Create a street (district office)', body: streetCreateBody, response: { 201: created, ...writeErrors } } },
    async (req, reply) => reply.status(201).send(await createStreet(db(), contextOf(req), req.body)),
  );
  app.post(
    '/api/communities',
    { schema: { tags: ['places'], summary: 'Create a community (district or street office)', body: communityCreateBody, response: { 201: created, ...writeErrors } } },
    async (req, reply) => reply.status(201).send(await createCommunity(db(), contextOf(req), req.body)),
  );
}
