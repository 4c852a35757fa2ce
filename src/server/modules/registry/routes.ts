// The registry's routes: schema in (src/contracts/registry.ts), a service, schema out.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { created, fileDownload, noContent, paged } from '../../../contracts/common';
import {
  buildingCreateBody,
  buildingPatchBody,
  buildingSchema,
  dossierSchema,
  importRunSchema,
  importStartedSchema,
  importTemplateQuery,
  ownerCreateBody,
  ownerHomeSchema,
  ownerListQuery,
  ownerPatchBody,
  ownerRowSchema,
  ownerSchema,
  quarterCreateBody,
  quarterListQuery,
  quarterPageSchema,
  quarterPatchBody,
  quarterSchema,
  residentCreateBody,
  residentListQuery,
  residentPatchBody,
  residentSchema,
  searchQuery,
  searchSchema,
  treeNodeSchema,
  placesTreeQuery,
  unitCreateBody,
  unitListQuery,
  unitOwnerBody,
  unitOwnerParams,
  unitPatchBody,
  unitSchema,
} from '../../../contracts/registry';
import { can } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { contextOf, errorSchema, idParam, requireActor, sendFile, XLSX_TYPE } from '../../platform/http';
import { createBuilding, listBuildings, updateBuilding } from './buildings';
import { quarterDossier } from './dossier';
import { exportQuarter } from './export';
import { getImportRun, startImport } from './import';
import { importReport } from './import-report';
import { importTemplate } from './import-template';
import { addUnitOwner, createOwner, getOwner, listOwners, removeUnitOwner, updateOwner } from './owners';
import { hierarchyTree } from './place-paths';
import { createQuarter, getQuarter, listQuarters, updateQuarter } from './quarters';
import { createResident, listResidents, updateResident } from './residents';
import { searchRegistry } from './search';
import { deleteOwner, deleteResident, deleteUnit } from './removal';
import { createUnit, listUnits, updateUnit } from './units';

// The answers a command gives besides its success.
const writeErrors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };
const readErrors = { 403: errorSchema, 404: errorSchema };

export async function registryRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.services.db.kysely;
  const key = () => app.services.hashKey;
  const tags = ['registry'];

  // The hierarchy down to quarters: the places module's districts, streets and communities with
  // this module's quarters.
  app.get(
    '/api/places/tree',
    {
      schema: {
        tags: ['places'],
        summary: "The caller's part of the hierarchy, down to quarters (or to communities with their quarter counts: depth=community)",
        querystring: placesTreeQuery,
        response: { 200: z.object({ items: z.array(treeNodeSchema) }) },
      },
    },
    async (req) => ({ items: await hierarchyTree(db(), requireActor(req), req.query.depth) }),
  );

  // ---- quarters ----
  app.get(
    '/api/quarters',
    {
      schema: {
        tags,
        summary: "Quarters in the caller's scope, a page at a time (sorted and filtered on the server)",
        querystring: quarterListQuery,
        response: { 200: quarterPageSchema, 401: errorSchema },
      },
    },
    async (req) => listQuarters(db(), requireActor(req), req.query),
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
        body: quarterCreateBody,
        response: { 201: created, ...writeErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await createQuarter(db(), contextOf(req), req.body)),
  );
  app.patch(
    '/api/quarters/:id',
    { schema: { tags, summary: "Edit a quarter's facts (office staff, commissioner)", params: idParam, body: quarterPatchBody, response: { 204: noContent, ...writeErrors } } },
    async (req, reply) => {
      await updateQuarter(db(), contextOf(req), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/quarters/:id/dossier',
    { schema: { tags, summary: 'The quarter dossier (一小区一档案)', params: idParam, response: { 200: dossierSchema, ...readErrors } } },
    async (req) => quarterDossier(db(), requireActor(req), req.params.id, req.locale, app.services.modules),
  );
  app.get(
    '/api/quarters/:id/export',
    { schema: { tags, summary: "The quarter's registry as .xlsx", params: idParam, response: { 200: fileDownload, ...readErrors } } },
    async (req, reply) => sendFile(reply, await exportQuarter(db(), requireActor(req), req.params.id), XLSX_TYPE),
  );

  // ---- buildings ----
  app.get(
    '/api/quarters/:id/buildings',
    { schema: { tags, summary: 'Buildings of a quarter', params: idParam, response: { 200: z.object({ items: z.array(buildingSchema) }), ...readErrors } } },
    async (req) => ({ items: await listBuildings(db(), requireActor(req), req.params.id) }),
  );
  app.post(
    '/api/quarters/:id/buildings',
    { schema: { tags, summary: 'Add a building', params: idParam, body: buildingCreateBody, response: { 201: created, ...writeErrors } } },
    async (req, reply) => reply.status(201).send(await createBuilding(db(), contextOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/buildings/:id',
    { schema: { tags, summary: 'Edit a building', params: idParam, body: buildingPatchBody, response: { 204: noContent, ...writeErrors } } },
    async (req, reply) => {
      await updateBuilding(db(), contextOf(req), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );

  // ---- units ----
  app.get(
    '/api/quarters/:id/units',
    { schema: { tags, summary: 'Units of a quarter with their owners', params: idParam, querystring: unitListQuery, response: { 200: paged(unitSchema), ...readErrors } } },
    async (req) => listUnits(db(), requireActor(req), req.params.id, req.query),
  );
  app.post(
    '/api/quarters/:id/units',
    { schema: { tags, summary: 'Add a unit (exclusive area in 0.01 m²)', params: idParam, body: unitCreateBody, response: { 201: created, ...writeErrors } } },
    async (req, reply) => reply.status(201).send(await createUnit(db(), contextOf(req), key(), req.params.id, req.body)),
  );
  app.patch(
    '/api/units/:id',
    { schema: { tags, summary: 'Edit a unit', params: idParam, body: unitPatchBody, response: { 204: noContent, ...writeErrors } } },
    async (req, reply) => {
      await updateUnit(db(), contextOf(req), key(), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    '/api/units/:id',
    { schema: { tags, summary: 'Delete a unit entered by mistake (409 while an open vote holds it on its roll)', params: idParam, response: { 204: noContent, ...writeErrors } } },
    async (req, reply) => {
      await deleteUnit(db(), contextOf(req), app.services.modules.registryHolds, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/units/:id/owners',
    { schema: { tags, summary: 'Add a (co-)owner to a unit', params: idParam, body: unitOwnerBody, response: { 204: noContent, ...writeErrors } } },
    async (req, reply) => {
      await addUnitOwner(db(), contextOf(req), req.params.id, req.body.ownerId);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    '/api/units/:id/owners/:ownerId',
    { schema: { tags, summary: 'Remove an owner from a unit', params: unitOwnerParams, response: { 204: noContent, ...readErrors } } },
    async (req, reply) => {
      await removeUnitOwner(db(), contextOf(req), req.params.id, req.params.ownerId);
      return reply.status(204).send(null);
    },
  );

  // ---- owners ----
  app.get(
    '/api/quarters/:id/owners',
    { schema: { tags, summary: 'Owners of a quarter (ID numbers masked)', params: idParam, querystring: ownerListQuery, response: { 200: paged(ownerRowSchema), ...readErrors } } },
    async (req) => listOwners(db(), requireActor(req), req.params.id, req.query),
  );
  app.get(
    '/api/owners/:id',
    { schema: { tags, summary: 'One owner with their units', params: idParam, response: { 200: ownerSchema, ...readErrors } } },
    async (req) => getOwner(db(), requireActor(req), req.params.id),
  );
  app.post(
    '/api/quarters/:id/owners',
    {
      schema: {
        tags,
        summary: 'Register an owner (a person needs a valid 18-digit ID number)',
        params: idParam,
        body: ownerCreateBody,
        response: { 201: created, ...writeErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await createOwner(db(), contextOf(req), key(), req.params.id, req.body)),
  );
  app.patch(
    '/api/owners/:id',
    { schema: { tags, summary: 'Edit an owner', params: idParam, body: ownerPatchBody, response: { 204: noContent, ...writeErrors } } },
    async (req, reply) => {
      await updateOwner(db(), contextOf(req), key(), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/owners/:id',
    {
      schema: {
        tags,
        summary: 'Delete an owner entered by mistake (409 while a vote holds the owner, or an account or organisation record refers to it)',
        params: idParam,
        response: { 204: noContent, ...writeErrors },
      },
    },
    async (req, reply) => {
      await deleteOwner(db(), contextOf(req), app.services.modules.registryHolds, req.params.id);
      return reply.status(204).send(null);
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
        querystring: residentListQuery,
        response: { 200: z.object({ items: z.array(residentSchema) }), ...readErrors },
      },
    },
    async (req) => ({ items: await listResidents(db(), requireActor(req), req.params.id, req.query) }),
  );
  app.post(
    '/api/quarters/:id/residents',
    { schema: { tags, summary: 'Register a resident', params: idParam, body: residentCreateBody, response: { 201: created, ...writeErrors } } },
    async (req, reply) => reply.status(201).send(await createResident(db(), contextOf(req), key(), req.params.id, req.body)),
  );
  app.patch(
    '/api/residents/:id',
    { schema: { tags, summary: 'Edit a resident', params: idParam, body: residentPatchBody, response: { 204: noContent, ...writeErrors } } },
    async (req, reply) => {
      await updateResident(db(), contextOf(req), key(), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/residents/:id',
    { schema: { tags, summary: 'Remove a resident who moved away or was entered by mistake', params: idParam, response: { 204: noContent, ...readErrors } } },
    async (req, reply) => {
      await deleteResident(db(), contextOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  // ---- import and export ----
  app.get(
    '/api/import/template',
    { schema: { tags, summary: 'The import template', querystring: importTemplateQuery, response: { 200: fileDownload } } },
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
        response: { 202: importStartedSchema, ...writeErrors },
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
  app.get(
    '/api/imports/:id',
    { schema: { tags, summary: 'An import run: status, progress, row errors', params: idParam, response: { 200: importRunSchema, ...readErrors } } },
    async (req) => getImportRun(db(), requireActor(req), req.params.id, req.locale),
  );
  app.get(
    '/api/imports/:id/report',
    { schema: { tags, summary: 'The rejected rows as .xlsx', params: idParam, response: { 200: fileDownload, ...readErrors } } },
    async (req, reply) => sendFile(reply, await importReport(db(), requireActor(req), req.params.id), XLSX_TYPE),
  );

  // ---- search and the owner's own page ----
  app.get(
    '/api/search',
    { schema: { tags, summary: 'Search quarters, owners and units in scope, a page of each', querystring: searchQuery, response: { 200: searchSchema } } },
    async (req) => searchRegistry(db(), requireActor(req), req.query.q, req.query),
  );
  app.get('/api/me/home', { schema: { tags, summary: "An owner's own quarter, units and contacts", response: { 200: ownerHomeSchema, 404: errorSchema } } }, async (req) => {
    const actor = requireActor(req);
    const quarterId = actor.path.quarterId;
    if (!quarterId) throw new AppError('NOT_FOUND');
    const quarter = await getQuarter(db(), actor, quarterId);
    const owner = actor.ownerId ? await getOwner(db(), actor, actor.ownerId) : null;
    return {
      quarter,
      owner,
      contacts: await app.services.modules.quarterContacts(db(), quarterId, req.locale),
      canSeeRegistry: can(actor, 'registry.read'),
    };
  });
}
