// HTTP routes of the quarter's public board (码上办). Thin: validate, call the service.
import type { FastifyInstance, FastifyRequest } from 'fastify';
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

export async function boardRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.services.db.kysely;
  const tags = ['board'];
  // The requests for one board that arrive while it is being read are answered by the next read
  // together (coalesce.ts): never an answer read before the request came.
  const boards = new Coalescer((key: string) => {
    const [locale, id] = key.split('|') as [Locale, string];
    return buildPublicBoard(db(), app.services.modules.publicBoardSections, id, locale);
  });

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
      const board = await boards.get(`${req.locale}|${req.params.id}`);
      // Public and the same for everyone: a short shared cache is fine, unlike the API's no-store.
      reply.header('cache-control', `public, max-age=${BOARD_MAX_AGE}`).header('vary', 'Accept-Language');
      return board;
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
