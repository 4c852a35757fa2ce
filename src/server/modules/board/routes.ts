// HTTP routes of the quarter's public board (码上办). Thin: validate, call the service.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as c from '../../../contracts/board';
import { errorSchema, idParam, requireActor, sendFile } from '../../platform/http';
import { buildPublicBoard } from './board';
import { Coalescer } from './coalesce';
import type { Locale } from '../../platform/i18n';
import { quarterPoster } from './poster';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

/**
 * The board's address is printed, so it must be the one the public reaches: the configured
 * GONGZHI_PUBLIC_URL, else the scheme and host the staff's own request came to.
 */
export function publicBaseUrl(req: FastifyRequest): string {
  return req.server.services.publicUrl ?? `${req.protocol}://${req.host}`;
}

/** A phone that opens the board again within this many seconds reads it from its own cache. */
const BOARD_MAX_AGE = 30;

/**
 * A request may be answered by a read of its board that began at most this many milliseconds
 * before it came: the answer then holds every write committed more than 50 ms before the
 * request. Far below the 30 s a phone keeps the board (BOARD_MAX_AGE), and no person publishes
 * and looks again within it; under a poster rush it turns a read per request, or one per batch of
 * waiting requests, into at most one read of a board each 50 ms (docs/architecture.md).
 */
export const PUBLIC_BOARD_JOIN_MS = 50;


export async function boardRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.services.db.kysely;
  const tags = ['board'];
  // The requests for one board are answered together (coalesce.ts): by the newest read, if it
  // began at most `publicBoardJoinMs` (PUBLIC_BOARD_JOIN_MS) before the request, else by the
  // next read. The read also checks
  // the board against its schema and writes its JSON once, so that the hundreds of requests one
  // read answers are each only a copy of the same bytes (what the route's response schema would
  // otherwise do again for every one of them).
  const boards = new Coalescer(async (key: string) => {
    const [locale, id] = key.split('|') as [Locale, string];
    const board = await buildPublicBoard(db(), app.services.modules.publicBoardSections, id, locale);
    return Buffer.from(JSON.stringify(c.publicBoard.encode(board)));
  }, { joinMs: app.services.publicBoardJoinMs });

  app.get(
    '/api/public/quarters/:id',
    {
      schema: {
        tags,
        summary: "The quarter's public board (码上办, no login): quarter, commissioner, party organisation, committees, company and fee standard, disclosures, votes, cases, how to raise a complaint. :id is the quarter's id or its poster's short code",
        params: c.boardParams,
        response: { 200: c.publicBoard, ...errors },
      },
    },
    async (req, reply) => {
      const json = await boards.get(`${req.locale}|${req.params.id}`);
      // Public and the same for everyone: a short shared cache is fine, unlike the API's no-store.
      reply.header('cache-control', `public, max-age=${BOARD_MAX_AGE}`).header('vary', 'Accept-Language');
      // Bytes with a JSON type are sent as they are: checked against the response schema and
      // written once by the read above (the untyped reply, as the schema's type is of the object).
      return (reply as FastifyReply).type('application/json; charset=utf-8').send(json);
    },
  );
  app.get(
    '/api/quarters/:id/poster',
    {
      schema: {
        tags,
        summary: "The quarter's printable A4 poster (PDF) with the QR code of its public board's short address",
        params: idParam,
        response: { 200: c.posterFile, ...errors },
      },
    },
    async (req, reply) => {
      const poster = await quarterPoster(db(), requireActor(req), req.params.id, publicBaseUrl(req));
      return sendFile(reply, { fileName: poster.fileName, buffer: poster.pdf }, 'application/pdf');
    },
  );
}
