import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { areaInt, contextOf, dateText, errorSchema, idParam, pageQuery, requireActor, sendFile, XLSX_TYPE } from '../../platform/http';
import { quarterDossier, quarterContacts } from './dossier';
import { exportQuarter } from './export';
import { getImportRun, startImport } from './import';
import { importReport } from './import-report';
import { importTemplate } from './import-template';
import { createQuarter, getQuarter, listQuarters, quarterTypes, updateQuarter } from './quarters';
import { createBuilding, listBuildings, updateBuilding } from './buildings';
import { addUnitOwner, createOwner, getOwner, listOwners, ownerKinds, removeUnitOwner, updateOwner } from './owners';
import { createResident, listResidents, residentKinds, updateResident } from './residents';
import { createUnit, listUnits, unitUses, updateUnit } from './units';
import { hierarchyTree } from './place-paths';
import { searchRegistry } from './search';

const quarterSchema = z.object({
  id: z.string(),
  name: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  streetId: z.string(),
  streetName: z.string(),
  districtId: z.string(),
  districtName: z.string(),
  type: z.string(),
  address: z.string(),
  totalBuildingArea: z.number(),
  soldArea: z.number(),
  deliveredArea: z.number(),
  firstDeliveryDate: z.string().nullable(),
  households: z.number(),
  buildingCount: z.number(),
  unitCount: z.number(),
  ownerCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const quarterFields = {
  name: z.string().trim().min(1).max(60),
  type: z.enum(quarterTypes).optional(),
  address: z.string().trim().max(200).optional(),
  totalBuildingArea: areaInt.min(1),
  soldArea: areaInt.optional(),
  deliveredArea: areaInt,
  firstDeliveryDate: dateText.nullable(),
  households: z.number().int().min(0).max(1_000_000),
};

const treeNode: z.ZodType = z.lazy(() =>
  z.object({ id: z.string(), level: z.string(), name: z.string(), children: z.array(treeNode) }),
);

const phone = z
  .string()
  .trim()
  .max(20)
  .regex(/^[0-9+\- ]*$/, 'phone')
  .nullable()
  .optional();


export async function registryRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.services.db.kysely;
  const key = () => app.services.hashKey;
  const tags = ['registry'];

  // The hierarchy down to quarters: the places module's districts, streets and communities with
  // this module's quarters.
  app.get(
    '/api/places/tree',
    { schema: { tags: ['places'], summary: "The caller's part of the hierarchy, down to quarters", response: { 200: z.object({ items: z.array(treeNode) }) } } },
    async (req) => ({ items: await hierarchyTree(db(), requireActor(req)) }),
  );

  // ---- quarters ----
  app.get(
    '/api/quarters',
    {
      schema: {
        tags,
        summary: 'Quarters in the caller\'s scope',
        querystring: z.object({ communityId: z.uuid().optional(), streetId: z.uuid().optional(), q: z.string().max(60).optional() }),
        response: { 200: z.object({ items: z.array(quarterSchema) }), 401: errorSchema },
      },
    },
    async (req) => ({ items: await listQuarters(db(), requireActor(req), req.query) }),
  );
  app.get(
    '/api/quarters/:id',
    { schema: { tags, summary: 'One quarter (404 outside scope)', params: idParam, response: { 200: quarterSchema, 404: errorSchema } } },
    async (req) => getQuarter(db(), requireActor(req), req.params.id),
  );
  app.post(
    '/api/quarters',
    {
      schema: {
        tags,
        summary: 'Create a quarter (office staff). Areas in 0.01 m² integers.',
        body: z.object({ ...quarterFields, communityId: z.uuid() }),
        response: { 201: z.object({ id: z.string() }), 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createQuarter(db(), contextOf(req), req.body)),
  );
  app.patch(
    '/api/quarters/:id',
    {
      schema: {
        tags,
        summary: 'Edit a quarter\'s facts (office staff, commissioner)',
        params: idParam,
        body: z.object({
          name: quarterFields.name.optional(),
          type: quarterFields.type,
          address: quarterFields.address,
          totalBuildingArea: quarterFields.totalBuildingArea.optional(),
          soldArea: quarterFields.soldArea,
          deliveredArea: quarterFields.deliveredArea.optional(),
          firstDeliveryDate: quarterFields.firstDeliveryDate.optional(),
          households: quarterFields.households.optional(),
        }),
      },
    },
    async (req, reply) => {
      await updateQuarter(db(), contextOf(req), req.params.id, req.body);
      return reply.status(204).send();
    },
  );
  app.get('/api/quarters/:id/dossier', { schema: { tags, summary: 'The quarter dossier (一小区一档案)', params: idParam } }, async (req) =>
    quarterDossier(db(), requireActor(req), req.params.id, req.locale, app.services.modules.dossierSections),
  );
  app.get('/api/quarters/:id/export', { schema: { tags, summary: 'The quarter\'s registry as .xlsx', params: idParam } }, async (req, reply) =>
    sendFile(reply, await exportQuarter(db(), requireActor(req), req.params.id), XLSX_TYPE),
  );

  // ---- buildings ----
  app.get('/api/quarters/:id/buildings', { schema: { tags, summary: 'Buildings of a quarter', params: idParam } }, async (req) => ({
    items: await listBuildings(db(), requireActor(req), req.params.id),
  }));
  app.post(
    '/api/quarters/:id/buildings',
    { schema: { tags, summary: 'Add a building', params: idParam, body: z.object({ name: z.string().trim().min(1).max(30), floors: z.number().int().min(1).max(200).nullable().optional() }) } },
    async (req, reply) => reply.status(201).send(await createBuilding(db(), contextOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/buildings/:id',
    { schema: { tags, summary: 'Edit a building', params: idParam, body: z.object({ name: z.string().trim().min(1).max(30).optional(), floors: z.number().int().min(1).max(200).nullable().optional() }) } },
    async (req, reply) => {
      await updateBuilding(db(), contextOf(req), req.params.id, req.body);
      return reply.status(204).send();
    },
  );

  // ---- units ----
  app.get(
    '/api/quarters/:id/units',
    {
      schema: {
        tags,
        summary: 'Units of a quarter with their owners',
        params: idParam,
        querystring: z.object({ buildingId: z.uuid().optional(), q: z.string().max(60).optional(), ...pageQuery }),
      },
    },
    async (req) => listUnits(db(), requireActor(req), req.params.id, req.query),
  );
  const unitFields = {
    number: z.string().trim().min(1).max(30),
    exclusiveArea: areaInt.min(1),
    use: z.enum(unitUses).optional(),
    certificateNo: z.string().trim().max(80).nullable().optional(),
  };
  app.post(
    '/api/quarters/:id/units',
    { schema: { tags, summary: 'Add a unit (exclusive area in 0.01 m²)', params: idParam, body: z.object({ buildingId: z.uuid(), ...unitFields }) } },
    async (req, reply) => reply.status(201).send(await createUnit(db(), contextOf(req), key(), req.params.id, req.body)),
  );
  app.patch(
    '/api/units/:id',
    {
      schema: {
        tags,
        summary: 'Edit a unit',
        params: idParam,
        body: z.object({ number: unitFields.number.optional(), exclusiveArea: unitFields.exclusiveArea.optional(), use: unitFields.use, certificateNo: unitFields.certificateNo }),
      },
    },
    async (req, reply) => {
      await updateUnit(db(), contextOf(req), key(), req.params.id, req.body);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/units/:id/owners',
    { schema: { tags, summary: 'Add a (co-)owner to a unit', params: idParam, body: z.object({ ownerId: z.uuid() }) } },
    async (req, reply) => {
      await addUnitOwner(db(), contextOf(req), req.params.id, req.body.ownerId);
      return reply.status(204).send();
    },
  );
  app.delete(
    '/api/units/:id/owners/:ownerId',
    { schema: { tags, summary: 'Remove an owner from a unit', params: z.object({ id: z.uuid(), ownerId: z.uuid() }) } },
    async (req, reply) => {
      await removeUnitOwner(db(), contextOf(req), req.params.id, req.params.ownerId);
      return reply.status(204).send();
    },
  );

  // ---- owners ----
  app.get(
    '/api/quarters/:id/owners',
    { schema: { tags, summary: 'Owners of a quarter (ID numbers masked)', params: idParam, querystring: z.object({ q: z.string().max(60).optional(), ...pageQuery }) } },
    async (req) => listOwners(db(), requireActor(req), req.params.id, req.query),
  );
  app.get('/api/owners/:id', { schema: { tags, summary: 'One owner with their units', params: idParam } }, async (req) =>
    getOwner(db(), requireActor(req), req.params.id),
  );
  app.post(
    '/api/quarters/:id/owners',
    {
      schema: {
        tags,
        summary: 'Register an owner (a person needs a valid 18-digit ID number)',
        params: idParam,
        body: z.object({
          kind: z.enum(ownerKinds),
          name: z.string().trim().min(1).max(60),
          idNumber: z.string().trim().max(30).nullable().optional(),
          phone,
          unitIds: z.array(z.uuid()).max(50).optional(),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await createOwner(db(), contextOf(req), key(), req.params.id, req.body)),
  );
  app.patch(
    '/api/owners/:id',
    {
      schema: {
        tags,
        summary: 'Edit an owner',
        params: idParam,
        body: z.object({ name: z.string().trim().min(1).max(60).optional(), phone, idNumber: z.string().trim().max(30).nullable().optional() }),
      },
    },
    async (req, reply) => {
      await updateOwner(db(), contextOf(req), key(), req.params.id, req.body);
      return reply.status(204).send();
    },
  );

  // ---- residents ----
  app.get(
    '/api/quarters/:id/residents',
    {
      schema: {
        tags,
        summary: 'Residents of a quarter (ZAS 6.2.2.2)',
        params: idParam,
        querystring: z.object({ kind: z.enum([...residentKinds, 'needsCare']).optional() }),
      },
    },
    async (req) => ({ items: await listResidents(db(), requireActor(req), req.params.id, req.query) }),
  );
  const residentFields = {
    name: z.string().trim().min(1).max(60),
    kind: z.enum(residentKinds),
    unitId: z.uuid().nullable().optional(),
    needsCare: z.boolean().optional(),
    careNote: z.string().trim().max(200).nullable().optional(),
    phone,
    idNumber: z.string().trim().max(30).nullable().optional(),
  };
  app.post(
    '/api/quarters/:id/residents',
    { schema: { tags, summary: 'Register a resident', params: idParam, body: z.object(residentFields) } },
    async (req, reply) => reply.status(201).send(await createResident(db(), contextOf(req), key(), req.params.id, req.body)),
  );
  app.patch(
    '/api/residents/:id',
    { schema: { tags, summary: 'Edit a resident', params: idParam, body: z.object(residentFields).partial() } },
    async (req, reply) => {
      await updateResident(db(), contextOf(req), key(), req.params.id, req.body);
      return reply.status(204).send();
    },
  );

  // ---- import and export ----
  app.get(
    '/api/import/template',
    { schema: { tags, summary: 'The import template', querystring: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }) } },
    async (req, reply) => {
      requireActor(req);
      const format = req.query.format;
      const buffer = await importTemplate(format);
      return sendFile(reply, { fileName: `小区档案导入模板.${format}`, buffer }, format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE);
    },
  );
  app.post(
    '/api/quarters/:id/imports',
    {
      schema: {
        tags,
        summary: 'Import buildings, units and owners from .xlsx or .csv (multipart field "file"); any bad row rejects the whole file with 422',
        params: idParam,
        consumes: ['multipart/form-data'],
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      if (!req.isMultipart()) throw new AppError('FILE_REQUIRED');
      const file = await req.file();
      if (!file) throw new AppError('FILE_REQUIRED');
      const buffer = await file.toBuffer();
      const started = await startImport(db(), ctx, key(), req.params.id, { name: file.filename || 'upload.xlsx', buffer });
      return reply.status(202).send({ id: started.id, status: started.status, total: started.total });
    },
  );
  app.get('/api/imports/:id', { schema: { tags, summary: 'An import run: status, progress, row errors', params: idParam } }, async (req) =>
    getImportRun(db(), requireActor(req), req.params.id),
  );
  app.get('/api/imports/:id/report', { schema: { tags, summary: 'The rejected rows as .xlsx', params: idParam } }, async (req, reply) =>
    sendFile(reply, await importReport(db(), requireActor(req), req.params.id), XLSX_TYPE),
  );

  // ---- search and the owner's own page ----
  app.get(
    '/api/search',
    { schema: { tags, summary: 'Search quarters, owners and units in scope', querystring: z.object({ q: z.string().trim().min(1).max(60) }) } },
    async (req) => searchRegistry(db(), requireActor(req), req.query.q),
  );
  app.get('/api/me/home', { schema: { tags, summary: "An owner's own quarter, units and contacts" } }, async (req) => {
    const actor = requireActor(req);
    const quarterId = actor.path.quarterId;
    if (!quarterId) throw new AppError('NOT_FOUND');
    const quarter = await getQuarter(db(), actor, quarterId);
    const owner = actor.ownerId ? await getOwner(db(), actor, actor.ownerId) : null;
    return {
      quarter,
      owner,
      contacts: await quarterContacts(db(), quarterId, req.locale),
      canSeeRegistry: can(actor, 'registry.read'),
    };
  });
}
