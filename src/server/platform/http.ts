// Small helpers shared by every module's routes.
import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from './access';
import type { RequestContext } from './audit';
import { AppError } from './errors';

/** The logged-in actor, or 401. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}

export function contextOf(req: FastifyRequest): RequestContext {
  return { actor: requireActor(req), ip: req.ip ?? null };
}

export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const idParam = z.object({ id: z.uuid() });
export { dateText } from '../../contracts/common';

/** An area in 0.01 m², as an integer. */
export const areaInt = z.number().int().min(0).max(10_000_000_000);
export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends a file (whole, or as a stream written while it is sent) under its name (RFC 6266
 * `filename*`, so Chinese names survive): to download (`attachment`) or to open in the browser
 * (`inline`, a scan).
 */
export function sendFile(
  reply: FastifyReply,
  file: { fileName: string; buffer: Buffer | string } | { fileName: string; stream: Readable },
  type: string,
  disposition: 'attachment' | 'inline' = 'attachment',
) {
  return reply
    .header('Content-Type', type)
    .header('Content-Disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .send('stream' in file ? file.stream : file.buffer);
}
