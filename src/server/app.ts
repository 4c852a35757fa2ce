// Builds the Fastify application: plugins, sessions, CSRF, the single error handler, the
// modules' routes, the OpenAPI document and the web app.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from './db/index';
import type { Actor } from './platform/access';
import { AppError, messages } from './platform/errors';
import { localeFromHeader, pick, type Locale } from './platform/i18n';
import { describeIssue, fieldLabel } from './platform/validation';
import { refuseUnstorableText } from './platform/input-guard';
import { loadHashKey } from './platform/keys';
import { loadSession, SESSION_COOKIE } from './modules/auth';
import { installModules, type InstalledModules, type ModuleDescriptor } from './platform/module';
import { authModule } from './modules/auth';
import { placesModule } from './modules/places';
import { registryModule } from './modules/registry';
import { usersModule } from './modules/users';
import { auditModule } from './modules/audit';
import { logChannel, notificationsModule, type SmsSetting } from './modules/notifications';
import { organizationsModule } from './modules/organizations';
import { votingModule } from './modules/voting';
import { boardModule, PUBLIC_BOARD_JOIN_MS } from './modules/board';
import { deliberationModule } from './modules/deliberation';
import { financeModule } from './modules/finance';
import { casesModule } from './modules/cases';

/**
 * Every module of the platform, in one list (docs/architecture.md, "The module template"). Its
 * routes, error codes, permissions, dossier sections, jobs and public endpoints come from here
 * and nowhere else; the order is the order of the dossier's sections and of the API document.
 */
export const modules: readonly ModuleDescriptor[] = [
  authModule,
  placesModule,
  registryModule,
  usersModule,
  auditModule,
  notificationsModule,
  organizationsModule,
  votingModule,
  boardModule,
  deliberationModule,
  financeModule,
  casesModule,
];
/** Installed once, when this file is loaded: the server, the CLI and the tests all start here. */
export const installed: InstalledModules = installModules(modules);

export interface AppOptions {
  db: Db;
  /** The built web app (dist/web); null to serve the API only. */
  webDir?: string | null;
  logger?: boolean | object;
  /** Mark the session cookie Secure always; otherwise when the request came over HTTPS (directly or through a proxy). */
  secureCookies?: boolean;
  /** Requests per minute per address for the API as a whole. */
  rateLimitPerMinute?: number;
  trustProxy?: boolean;
  /** How one-time codes for voting reach owners' phones; null when none are sent. The server log by default. */
  sms?: SmsSetting | null;
  /** The address the public reaches the server at (GONGZHI_PUBLIC_URL), printed on posters; null: the request's own. */
  publicUrl?: string | null;
  /** How old a read of a quarter's public board may be when it answers a request, in ms (50 by default; board/routes.ts). */
  publicBoardJoinMs?: number;
}

export interface Services {
  db: Db;
  /** Key for keyed hashes of ID numbers and certificate numbers. */
  hashKey: Buffer;
  /** What the modules add: dossier sections, jobs, calendar duties, dashboard aggregates. */
  modules: InstalledModules;
  /** Mark the session cookie Secure on every answer (GONGZHI_SECURE_COOKIES=1), not only over HTTPS. */
  secureCookies: boolean;
  /** How one-time codes for voting reach owners' phones (GONGZHI_SMS); null: online voting is not offered. */
  sms: SmsSetting | null;
  /** The public address of the server for printed links (GONGZHI_PUBLIC_URL), without a trailing slash; null: the request's own. */
  publicUrl: string | null;
  /** How old a read of a quarter's public board may be when it answers a request, in ms. */
  publicBoardJoinMs: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route serves a file to open as a page: it gets the pages' security headers. */
    pageHeaders?: boolean;
  }
  interface FastifyInstance {
    services: Services;
  }
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
    session: { csrfToken: string; tokenHash: string } | null;
  }
}

export type App = FastifyInstance;

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Login creates the session; it cannot carry a token yet. It only accepts JSON, which a
// cross-site form cannot send, and SameSite cookies keep other sites from riding a session.
const CSRF_EXEMPT = new Set(['/api/auth/login']);
/**
 * What an account whose password was reset may still do: see itself, change the password, leave
 * (and what anyone may without a login: log in again, the public board).
 */
const PASSWORD_CHANGE_ROUTES = ['GET /api/auth/me', 'POST /api/auth/password'];

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 2 * 1024 * 1024,
    // An address the router cannot read (bad percent-encoding, a path segment over its limit) is
    // refused before any route and any hook: in the API's own error shape, language and headers,
    // not the framework's.
    frameworkErrors: (error, req, reply) => {
      req.locale = localeFromHeader(req.headers['accept-language']);
      for (const [name, value] of apiHeaders) reply.raw.setHeader(name, value);
      return sendError(error, req, reply);
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const services: Services = {
    db: options.db,
    hashKey: await loadHashKey(options.db),
    modules: installed,
    secureCookies: options.secureCookies ?? false,
    sms: options.sms === undefined ? { kind: 'log', channel: logChannel() } : options.sms,
    publicUrl: options.publicUrl ?? null,
    publicBoardJoinMs: options.publicBoardJoinMs ?? PUBLIC_BOARD_JOIN_MS,
  };
  app.decorate('services', services);
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'zh-CN');
  app.decorateRequest('session', null);

  // Security headers. The middleware is built once here: @fastify/helmet rebuilds it (and
  // re-parses the CSP) on every request, which showed in the ballot benchmark's profile.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design writes its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  // Its headers do not depend on the request (no nonces), so it runs once, on a stand-in
  // response, and pages get the recorded list. JSON answers of the API get the set the OWASP
  // REST Security Cheat Sheet ("Security headers") gives for APIs: nothing may run or be
  // framed, no sniffing, not readable cross-origin, and no caching — the answers carry
  // personal data (owners, ID numbers masked or not) that must not stay in a shared cache.
  const pageHeaders = recordHeaders(securityHeaders);
  const apiHeaders: [string, string][] = [
    ['content-security-policy', "default-src 'none'; frame-ancestors 'none'"],
    ['x-content-type-options', 'nosniff'],
    ['x-frame-options', 'DENY'],
    ['cache-control', 'no-store'],
    ['cross-origin-resource-policy', 'same-origin'],
    ['referrer-policy', 'no-referrer'],
    ['strict-transport-security', 'max-age=31536000; includeSubDomains'],
  ];
  app.addHook('onRequest', (req, reply, done) => {
    // The API's own HTML page (/api/docs) is a page, and so is a file a route serves to be
    // opened in a tab of its own (config.pageHeaders). A vote's scan is not one: it keeps the
    // API's headers and sets a tighter CSP of its own (voting/routes.ts).
    const target = apiPathOf(req);
    const isApi = target.startsWith('/api/') && !target.startsWith('/api/docs') && !req.routeOptions.config?.pageHeaders;
    for (const [name, value] of isApi ? apiHeaders : pageHeaders) reply.raw.setHeader(name, value);
    done();
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute ?? 1200,
    timeWindow: '1 minute',
    // The x-ratelimit-* headers only on a refused request (with Retry-After), not on every
    // answer: three headers less on each response of the busiest routes.
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    allowList: (req) => !apiPathOf(req).startsWith('/api/'),
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Gongzhi 共治 API',
        description:
          'The HTTP API of Gongzhi, the platform for tripartite collaborative governance of urban residential quarters. ' +
          'Log in with POST /api/auth/login; send the returned csrfToken as X-CSRF-Token on every write.',
        version: '1',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const whileMustChange = new Set([...PASSWORD_CHANGE_ROUTES, ...services.modules.publicEndpoints]);
  app.addHook('onRequest', async (req) => {
    req.locale = localeFromHeader(req.headers['accept-language']);
    const token = req.cookies[SESSION_COOKIE];
    if (token && apiPathOf(req).startsWith('/api/')) {
      const session = await loadSession(services.db.kysely, token, services.modules.officeRecords);
      if (session) {
        req.actor = session.actor;
        req.session = { csrfToken: session.csrfToken, tokenHash: session.tokenHash };
        // After a reset the temporary password is for changing it and nothing else.
        if (session.actor.mustChangePassword && !whileMustChange.has(`${req.method} ${req.routeOptions.url ?? ''}`)) {
          throw new AppError('PASSWORD_CHANGE_REQUIRED');
        }
      }
    }
    // Cookie-authenticated writes must carry the session's CSRF token (synchronizer token).
    // Checked before the body is even parsed, so a forged request learns nothing.
    if (UNSAFE_METHODS.has(req.method) && req.session && !CSRF_EXEMPT.has(req.routeOptions.url ?? '')) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !timingSafeEqualText(sent, req.session.csrfToken)) {
        throw new AppError('CSRF_INVALID');
      }
    }
  });

  app.addHook('preValidation', refuseUnstorableText);

  app.setErrorHandler((error, req, reply) => {
    try {
      return sendError(error, req, reply);
    } catch (handlerError) {
      req.log.error({ err: handlerError, original: error }, 'error handler failed');
      return reply.status(500).send({ error: { code: 'INTERNAL', message: pick(messages.INTERNAL, req.locale ?? 'zh-CN') } });
    }
  });

  for (const module of modules) await app.register(module.routes);

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['platform'],
        summary: 'Liveness and the database in use',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']) }) },
      },
    },
    async () => {
      return { status: 'ok' as const, database: services.db.kind };
    },
  );

  const webDir = options.webDir;
  const indexHtml = webDir ? path.join(webDir, 'index.html') : null;
  const servesWeb = Boolean(webDir && indexHtml && fs.existsSync(indexHtml));
  if (servesWeb) {
    await app.register(fastifyStatic, {
      root: webDir!,
      prefix: '/',
      wildcard: false,
      index: 'index.html',
      // scripts/build-web.mjs writes NAME.br and NAME.gz beside each text file; the browser gets
      // the one its Accept-Encoding allows (brotli first), with Vary: Accept-Encoding. The
      // copies themselves are not routes of their own.
      preCompressed: true,
      globIgnore: ['**/*.br', '**/*.gz'],
      cacheControl: false,
      setHeaders: (reply, filePath) => reply.header('cache-control', webCacheControl(filePath)),
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const pathname = apiPathOf(req);
    const isApi = pathname.startsWith('/api/') || pathname === '/api';
    // A missing hashed file is a 404, not the page: a tab left open across a release asks for
    // the chunks of the old build, and an HTML answer to a script only hides why it failed.
    const isAsset = pathname.startsWith('/assets/');
    if (!isApi && !isAsset && req.method === 'GET' && servesWeb) {
      // Client-side routes of the web app all load the same page.
      return reply.sendFile('index.html');
    }
    return sendError(new AppError(isApi ? 'ROUTE_NOT_FOUND' : 'NOT_FOUND', { method: req.method, url: pathname }), req, reply);
  });

  return app;
}

/**
 * Vite names the files under assets/ by a hash of their content, so a browser may keep them for
 * a year without asking again; everything else (index.html, which names the current hashes, and
 * the favicon) is checked with the server on every use.
 */
function webCacheControl(filePath: string): string {
  return /[\\/]assets[\\/][^\\/]+$/.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** The headers a request-independent middleware sets, recorded on a stand-in response. */
function recordHeaders(middleware: (req: never, res: never, next: (err?: unknown) => void) => void): [string, string | string[]][] {
  const headers = new Map<string, string | string[]>();
  const res = {
    setHeader(name: string, value: string | string[]) {
      headers.set(name.toLowerCase(), value);
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  let failure: unknown = null;
  middleware({ headers: {} } as never, res as never, (err?: unknown) => {
    failure = err ?? null;
  });
  if (failure) throw failure;
  return [...headers];
}

/**
 * The path a request is routed by. The router decodes percent-encoding (`/%61pi/health` reaches
 * `/api/health`), so deciding "is this the API" on the raw URL would let such a request past the
 * API's rate limit and headers; the matched route's pattern, or the decoded path for a request
 * that matched none, is what the router itself used.
 */
function apiPathOf(req: FastifyRequest): string {
  const route = req.routeOptions?.url;
  if (route) return route;
  const raw = req.url.split('?')[0];
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function timingSafeEqualText(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

function sendError(error: unknown, req: FastifyRequest, reply: FastifyReply) {
  const locale = req.locale ?? 'zh-CN';
  if (error instanceof AppError) {
    return reply.status(error.status).send({
      error: { code: error.code, message: error.localizedMessage(locale), ...(error.details !== undefined ? { details: error.localizedDetails(locale) } : {}) },
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => {
      const issue = { code: v.keyword, message: v.message, ...(v.params as object) } as Parameters<typeof describeIssue>[0];
      const where = v.instancePath?.replace(/^\//, '').replace(/\//g, '.') || (error.validationContext ?? '');
      return { path: where, message: describeIssue(issue, locale) };
    });
    const summary = issues
      .map((i) => (i.path ? (locale === 'en' ? `${i.path}: ${i.message}` : `${fieldLabel(i.path, locale)}：${i.message}`) : i.message))
      .join(locale === 'en' ? '; ' : '；');
    return reply.status(400).send({
      error: { code: 'VALIDATION_FAILED', message: pick(messages.VALIDATION_FAILED, locale, { summary }), details: { issues } },
    });
  }
  const err = error as { statusCode?: number; code?: string; message?: string };
  if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return reply.status(400).send({ error: { code: 'BAD_JSON', message: pick(messages.BAD_JSON, locale) } });
  }
  if (err.code === 'FST_ERR_BAD_URL') return reply.status(400).send({ error: { code: 'BAD_URL', message: pick(messages.BAD_URL, locale) } });
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') return reply.status(414).send({ error: { code: 'URL_TOO_LONG', message: pick(messages.URL_TOO_LONG, locale) } });
  if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return reply.status(413).send({ error: { code: 'FILE_TOO_LARGE', message: pick(messages.FILE_TOO_LARGE, locale, { limit: 20 }) } });
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return reply.status(err.statusCode).send({
      error: { code: err.code ?? 'BAD_REQUEST', message: locale === 'en' ? (err.message ?? 'Bad request') : `请求无效：${err.message ?? ''}` },
    });
  }
  req.log.error(error);
  return reply.status(500).send({ error: { code: 'INTERNAL', message: pick(messages.INTERNAL, locale) } });
}
