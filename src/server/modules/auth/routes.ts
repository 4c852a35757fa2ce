import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { noContent } from '../../../contracts/common';
import { loginBody, passwordBody, sessionSchema } from '../../../contracts/auth';
import { roleLabels } from '../../platform/access';
import { contextOf, errorSchema, requireActor } from '../../platform/http';
import { changePassword, login, logout, SESSION_COOKIE } from './service';
import { placeName } from '../registry';
import { officeEndedMessage } from '../users';
import type { Actor } from '../../platform/access';


export async function authRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.services.db.kysely;

  async function describeUser(actor: Actor, locale: 'zh-CN' | 'en') {
    return {
      id: actor.id,
      username: actor.username,
      displayName: actor.displayName,
      role: actor.role,
      roleLabel: roleLabels[actor.role][locale],
      locale: actor.locale,
      scope: { ...actor.scope, name: await placeName(db(), actor.scope.level, actor.scope.id) },
      ownerId: actor.ownerId,
      quarterId: actor.path.quarterId ?? null,
      permissions: actor.permissions,
      mustChangePassword: actor.mustChangePassword ?? false,
      officeEnded: actor.officeEnded ? { ...actor.officeEnded, message: officeEndedMessage(actor.officeEnded, locale) } : null,
    };
  }

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in with username and password; sets the session cookie',
        body: loginBody,
        response: { 200: sessionSchema, 401: errorSchema, 429: errorSchema },
      },
    },
    async (req, reply) => {
      const result = await login(db(), app.services.modules.officeRecords, { ...req.body, ip: req.ip });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: cookieMustBeSecure(req, app.services.secureCookies),
        expires: undefined,
      });
      return { user: await describeUser(result.actor, req.locale), csrfToken: result.csrfToken };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'End the session', response: { 204: noContent } } }, async (req, reply) => {
    if (req.session) await logout(db(), req.session.tokenHash);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: 'The logged-in user and the CSRF token', response: { 200: sessionSchema, 401: errorSchema } } },
    async (req) => {
      const actor = requireActor(req);
      return { user: await describeUser(actor, req.locale), csrfToken: req.session!.csrfToken };
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change your password (other sessions end)',
        body: passwordBody,
        response: { 204: noContent, 401: errorSchema, 422: errorSchema },
      },
    },
    async (req, reply) => {
      await changePassword(db(), contextOf(req), { ...req.body, keepSessionHash: req.session!.tokenHash });
      return reply.status(204).send(null);
    },
  );
}

/**
 * The session cookie is Secure when the request came over HTTPS, seen directly or told by a
 * proxy in front (X-Forwarded-Proto or Forwarded: proto=https), or always with
 * GONGZHI_SECURE_COOKIES=1. The proxy's word is taken here even without GONGZHI_TRUST_PROXY:
 * it can only make the cookie stricter (a client that lies gets a cookie its own plain-HTTP
 * connection will not send back), so a deployment behind a TLS proxy is safe by default.
 */
export function cookieMustBeSecure(req: FastifyRequest, always: boolean): boolean {
  if (always || req.protocol === 'https') return true;
  const forwardedProto = req.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto)?.split(',')[0]?.trim().toLowerCase();
  if (first === 'https') return true;
  const forwarded = req.headers.forwarded;
  return typeof forwarded === 'string' && /(^|[;,\s])proto="?https"?(\s*[;,]|$)/i.test(forwarded.split(',')[0]);
}
