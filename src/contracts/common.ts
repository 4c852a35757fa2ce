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

/**
 * Which page of a list to answer (1-based) and how long a page is. A list that grows with the
 * district answers one page at a time, with its total (docs/scaling.md).
 */
export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

/** The direction of a server-side sort. */
export const sortOrder = z.enum(['asc', 'desc']).default('asc');

/**
 * A calendar date as 'YYYY-MM-DD', a real one, between 1900 and 2199: no date of this domain
 * (deliveries, terms, contracts, votes) lies outside that, and PostgreSQL refuses year 0000
 * (which used to answer 500).
 */
export const dateText = z
  .string()
  .regex(/^(19|20|21)\d{2}-\d{2}-\d{2}$/, 'date')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'not a real date',
  });

/**
 * An answer as the client reads it after JSON: the server may hold a `timestamp` as a Date,
 * but on the wire every Date is its ISO string. The web app types its answers as
 * `Wire<z.output<typeof schema>>`.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
