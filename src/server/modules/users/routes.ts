// The accounts' routes: schema in (src/contracts/users.ts), a service, schema out.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { created, noContent } from '../../../contracts/common';
import {
  officeKindOfRole,
  officeRecordSchema,
  officeRecordsQuery,
  userCreateBody,
  userListQuery,
  userPageSchema,
  userMoveBody,
  userResetAnswer,
  userResetBody,
  userRoles,
  userScopeLevels,
} from '../../../contracts/users';
import { assertCan, placeInScope, type Role, type ScopeLevel } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { contextOf, errorSchema, idParam, requireActor } from '../../platform/http';
import { placePath } from '../registry';
import { moveAccount, resetPassword, setAccountDisabled } from './lifecycle';
import { createUser, listUsers } from './service';

// The contract's lists of roles and levels are the platform's, or this does not compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameRoles: Same<(typeof userRoles)[number], Role> = true;
const sameLevels: Same<(typeof userScopeLevels)[number], ScopeLevel> = true;
void sameRoles;
void sameLevels;

const changeErrors = { 401: errorSchema, 403: errorSchema, 404: errorSchema };

export async function usersRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.services.db.kysely;
  const offices = () => app.services.modules.officeRecords;
  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'A page of the accounts in scope, filtered by role, text and status, sorted (office staff)',
        querystring: userListQuery,
        response: { 200: userPageSchema, 403: errorSchema },
      },
    },
    async (req) => listUsers(db(), offices(), requireActor(req), req.locale, req.query),
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
    async (req, reply) => reply.status(201).send(await createUser(db(), offices(), contextOf(req), req.body)),
  );
  app.get(
    '/api/users/office-records',
    {
      schema: {
        tags: ['users'],
        summary: 'The organisation records an account of this role and place can be linked to (office staff)',
        querystring: officeRecordsQuery,
        response: { 200: z.object({ items: z.array(officeRecordSchema) }), 403: errorSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      assertCan(actor, 'users.manage');
      const path = await placePath(db(), req.query.scopeLevel, req.query.scopeId);
      if (!path || !placeInScope(actor, path)) throw new AppError('SCOPE_OUTSIDE');
      const kind = (officeKindOfRole as Partial<Record<Role, (typeof officeKindOfRole)[keyof typeof officeKindOfRole]>>)[req.query.role];
      if (!kind || !path.quarterId) return { items: [] };
      const rows = await offices().records(db(), kind, { quarterId: path.quarterId, buildingId: path.buildingId ?? null }, new Date());
      return { items: rows.map((r) => ({ kind: r.kind, id: r.id, label: r.label, current: r.current })) };
    },
  );
  app.post(
    '/api/users/:id/disable',
    { schema: { tags: ['users'], summary: 'Disable an account: it cannot log in and its sessions end (office staff, not your own)', params: idParam, response: { 204: noContent, ...changeErrors } } },
    async (req, reply) => {
      await setAccountDisabled(db(), contextOf(req), req.params.id, true);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/users/:id/enable',
    { schema: { tags: ['users'], summary: 'Enable a disabled account (office staff)', params: idParam, response: { 204: noContent, ...changeErrors } } },
    async (req, reply) => {
      await setAccountDisabled(db(), contextOf(req), req.params.id, false);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags: ['users'],
        summary: 'Set a temporary password (given, or generated and answered once) to be changed at the next login; sessions end',
        params: idParam,
        body: userResetBody,
        response: { 200: userResetAnswer, 422: errorSchema, ...changeErrors },
      },
    },
    async (req) => resetPassword(db(), contextOf(req), req.params.id, req.body?.password),
  );
  app.post(
    '/api/users/:id/move',
    {
      schema: {
        tags: ['users'],
        summary: 'Bind an account to another role, place and office inside your scope; sessions end',
        params: idParam,
        body: userMoveBody,
        response: { 204: noContent, 400: errorSchema, 422: errorSchema, ...changeErrors },
      },
    },
    async (req, reply) => {
      await moveAccount(db(), offices(), contextOf(req), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );
}
