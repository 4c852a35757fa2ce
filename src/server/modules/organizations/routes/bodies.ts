// Commissioners, party organisations and tripartite offices.
import {
  commissionerBody,
  commissionerPatch,
  commissionerPhotoUploaded,
  commissionerProfile as commissionerProfileAnswer,
  commissionerView,
  idAnswer,
  items,
  noContent,
  officeBody,
  officeMemberBody,
  officeView,
  partyOrganizationBody,
  partyOrganizationPatch,
  partyOrganizationView,
  warningsAnswer,
  withWarnings,
} from '../../../../contracts/organizations';
import { download } from '../../../../contracts/voting';
import { AppError } from '../../../platform/errors';
import { errorSchema, idParam, requireActor, sendFile } from '../../../platform/http';
import { COMMISSIONER_PHOTO_MAX_BYTES, publicCommissionerPhoto, uploadCommissionerPhoto } from '../commissioner-photo';
import { appointCommissioner, commissionerProfile, listCommissioners, updateCommissioner } from '../commissioners';
import { addOfficeMember, createOffice, listOffices, removeOfficeMember } from '../offices';
import { createPartyOrganization, listPartyOrganizations, updatePartyOrganization } from '../party-organizations';
import type { DB } from '../shared';
import { ctxOf, readErrors, tags, writeErrors, type App } from './common';

export function bodiesRoutes(app: App, db: () => DB) {
  // ---- commissioners (ZAS 5.3) ----
  app.get(
    '/api/quarters/:id/commissioners',
    { schema: { tags, summary: 'Commissioners of a quarter, past and present', params: idParam, response: { 200: items(commissionerView), ...readErrors } } },
    async (req) => ({ items: await listCommissioners(db(), requireActor(req), req.params.id) }),
  );
  app.get(
    '/api/quarters/:id/commissioner-profile',
    { schema: { tags, summary: 'The public profile of the quarter’s commissioner: name, phone, photo (ZAS 6.1.3.5)', params: idParam, response: { 200: commissionerProfileAnswer, ...readErrors } } },
    async (req) => commissionerProfile(db(), requireActor(req), req.params.id),
  );
  app.post(
    '/api/quarters/:id/commissioners',
    { schema: { tags, summary: 'Appoint the quarter’s commissioner (offices; one per quarter, trained first)', params: idParam, body: commissionerBody, response: { 201: withWarnings, ...writeErrors } } },
    async (req, reply) => reply.status(201).send(await appointCommissioner(db(), ctxOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/commissioners/:id',
    { schema: { tags, summary: 'Change a commissioner’s record, or end their service', params: idParam, body: commissionerPatch, response: { 200: warningsAnswer, ...writeErrors } } },
    async (req) => updateCommissioner(db(), ctxOf(req), req.params.id, req.body),
  );

  // ---- the commissioner's photo (T/ZAS 4006.1—2020 6.1.3.5: 公开小区专员信息，信息宜包含姓名、联系方式、照片) ----
  app.post(
    '/api/commissioners/:id/photo',
    {
      schema: {
        tags,
        summary: `Upload (or replace) the commissioner's photo for the public board (offices; multipart field "file"; a whole JPEG, PNG or WebP, at most ${COMMISSIONER_PHOTO_MAX_BYTES / 1024 / 1024} MB)`,
        params: idParam,
        consumes: ['multipart/form-data'],
        response: { 201: commissionerPhotoUploaded, ...writeErrors, 413: errorSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      if (!req.isMultipart()) throw new AppError('COMMISSIONER_PHOTO_REQUIRED');
      // Reading stops one byte past the limit, so a larger upload is never held in memory.
      const file = await req.file({ limits: { fileSize: COMMISSIONER_PHOTO_MAX_BYTES + 1, files: 1 }, throwFileSizeLimit: false });
      if (!file) throw new AppError('COMMISSIONER_PHOTO_REQUIRED');
      const content = await file.toBuffer();
      if (file.file.truncated || content.length > COMMISSIONER_PHOTO_MAX_BYTES) throw new AppError('COMMISSIONER_PHOTO_TOO_LARGE', { mb: COMMISSIONER_PHOTO_MAX_BYTES / 1024 / 1024 });
      return reply.status(201).send(await uploadCommissionerPhoto(db(), ctx, req.params.id, content));
    },
  );
  app.get(
    '/api/public/commissioners/:id/photo',
    {
      schema: {
        tags,
        summary: "The commissioner's photo as the public board shows it (no login), while the commissioner is in office; cached a day by the browser (the address changes with the photo)",
        params: idParam,
        response: { 200: download('The photo (image/jpeg, image/png or image/webp), inline'), 404: errorSchema },
      },
    },
    async (req, reply) => {
      const photo = await publicCommissionerPhoto(db(), req.params.id);
      // The same for everyone and addressed by its content's version: unlike the API's no-store.
      reply.header('cache-control', 'public, max-age=86400').header('Content-Security-Policy', "default-src 'none'; img-src 'self'; sandbox");
      return sendFile(reply, { fileName: `commissioner.${photo.contentType.slice(6)}`, buffer: photo.content }, photo.contentType, 'inline');
    },
  );

  // ---- party organisations (ZAS 5.1) ----
  app.get(
    '/api/quarters/:id/party-organizations',
    { schema: { tags, summary: 'Party organisations of the quarter, its committee and its companies', params: idParam, response: { 200: items(partyOrganizationView), ...readErrors } } },
    async (req) => ({ items: await listPartyOrganizations(db(), requireActor(req), req.params.id, req.locale) }),
  );
  app.post(
    '/api/party-organizations',
    { schema: { tags, summary: 'Record a party organisation of a quarter, a committee or a company', body: partyOrganizationBody, response: { 201: withWarnings, ...writeErrors } } },
    async (req, reply) => reply.status(201).send(await createPartyOrganization(db(), ctxOf(req), req.body)),
  );
  app.patch(
    '/api/party-organizations/:id',
    { schema: { tags, summary: 'Change or dissolve a party organisation', params: idParam, body: partyOrganizationPatch, response: { 204: noContent, ...writeErrors } } },
    async (req, reply) => {
      await updatePartyOrganization(db(), ctxOf(req), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );

  // ---- tripartite offices (ZAS 5.2) ----
  app.get('/api/tripartite-offices', { schema: { tags, summary: 'Tripartite offices the caller may see, with their members', response: { 200: items(officeView), 403: errorSchema } } }, async (req) => ({
    items: await listOffices(db(), requireActor(req)),
  }));
  app.post(
    '/api/tripartite-offices',
    { schema: { tags, summary: 'Record a tripartite office of a district, street or community', body: officeBody, response: { 201: idAnswer, ...writeErrors } } },
    async (req, reply) => reply.status(201).send(await createOffice(db(), ctxOf(req), req.body)),
  );
  app.post(
    '/api/tripartite-offices/:id/members',
    { schema: { tags, summary: 'Add a member to an office', params: idParam, body: officeMemberBody, response: { 201: idAnswer, ...writeErrors } } },
    async (req, reply) => reply.status(201).send(await addOfficeMember(db(), ctxOf(req), req.params.id, req.body)),
  );
  app.delete('/api/office-members/:id', { schema: { tags, summary: 'Remove a member from an office', params: idParam, response: { 204: noContent, ...writeErrors } } }, async (req, reply) => {
    await removeOfficeMember(db(), ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });
}
