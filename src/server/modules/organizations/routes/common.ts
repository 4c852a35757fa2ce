// What the organisations module's route files share: the typed instance, the request context,
// the tag and the error answers of a write.
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ruleViolationDetails } from '../../../../contracts/organizations';
import { contextOf, errorSchema } from '../../../platform/http';
import type { OrgContext } from '../shared';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export const tags = ['organizations'];

export const ctxOf = (req: FastifyRequest): OrgContext => ({ ...contextOf(req), locale: req.locale });

// 422 RULES_VIOLATED carries the violations of the rules and their warnings in its details;
// the other 422s (DATE_ORDER, INVALID_REFERENCE …) carry their own details.
const ruleErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.union([ruleViolationDetails, z.unknown()]).optional() }),
});
export const readErrors = { 403: errorSchema, 404: errorSchema };
export const writeErrors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: ruleErrorSchema };
