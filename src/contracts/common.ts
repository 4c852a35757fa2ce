// Pieces every contract uses. Contracts are zod schemas only, shared by the server's routes and
// the web app (z.infer); nothing here may import server or browser code.
import { z } from 'zod';

/** The error answer of every route: {"error": {"code", "message", "details"}}. */
export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** A point in time: a Date on the server, an ISO 8601 string on the wire. */
export const timestamp = z.union([z.date(), z.string()]);

/** A created record's id (201). */
export const created = z.object({ id: z.string() });

/** No content (204). */
export const noContent = z.null().describe('No content');

/** A file to download (.xlsx or .csv); the body is the file itself. */
export const fileDownload = z.unknown().describe('The file (Content-Disposition names it)');

/** A page of a list. */
export const paged = <T extends z.ZodType>(item: T) => z.object({ total: z.number(), items: z.array(item) });
