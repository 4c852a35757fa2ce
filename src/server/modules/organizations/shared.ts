// Helpers shared by the organisations module's services: the request context, today's date in
// Asia/Shanghai, date order, the quarter lock and jsonb values. Access is in access.ts.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { RequestContext } from '../../platform/audit';
import { AppError, messages } from '../../platform/errors';
import { pick, type Locale, type Localized } from '../../platform/i18n';
import { compareDates, type IsoDate } from '../../../core/dates';
import './tables';

export type DB = Kysely<Database>;
export type Exec = Kysely<Database> | Transaction<Database>;

/** A write's context: who, from where, and the language the answer is given in. */
export interface OrgContext extends RequestContext {
  locale: Locale;
}

export { shanghaiDate } from '../../../core/dates';

/** `later` must not be before `earlier` (both optional). */
export function assertDateOrder(
  earlier: IsoDate | null | undefined,
  later: IsoDate | null | undefined,
  names: { earlier: string; earlierEn: string; later: string; laterEn: string; path: string },
): void {
  if (earlier && later && compareDates(later, earlier) < 0) {
    throw new AppError('DATE_ORDER', names, fieldIssue(names.path, { 'zh-CN': `不能早于${names.earlier}`, en: `cannot be before ${names.earlierEn.replace(/^The /, 'the ')}` }));
  }
}

/**
 * Serialises the rule-checked writes of one quarter: two requests that each add a commissioner
 * or a contract must not both pass the check against the state before the other. A transaction
 * advisory lock, released at commit or rollback; PGlite, a single session, takes it trivially.
 */
export async function lockQuarter(tx: Transaction<Database>, quarterId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`organizations:${quarterId}`}, 0))`.execute(tx);
}

/** JSON for a jsonb column. */
export const json = (value: unknown) => JSON.stringify(value);

export function asStringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Details naming the field at fault, with a message in the caller's language. */
export function fieldIssue(path: string, message: Localized) {
  return (locale: Locale) => ({ issues: [{ path, message: message[locale] }] });
}

/** VALIDATION_FAILED (400) for a rule the request schema cannot state, its summary in the caller's language. */
class FieldError extends AppError {
  constructor(
    private readonly summary: Localized,
    path: string,
    message: Localized,
  ) {
    super('VALIDATION_FAILED', { summary: summary['zh-CN'] }, fieldIssue(path, message));
  }
  override localizedMessage(locale: Locale): string {
    return pick(messages.VALIDATION_FAILED, locale, { summary: this.summary[locale] });
  }
}

export function fieldError(path: string, summary: Localized, message: Localized): AppError {
  return new FieldError(summary, path, message);
}

/** A field the chosen kind of record needs (400). */
export function missing(path: string): AppError {
  return fieldError(path, { 'zh-CN': `${path} 必填`, en: `${path} is required` }, { 'zh-CN': '必填', en: 'required' });
}

/** INVALID_REFERENCE (422): the record named by `path` does not exist here. */
export function invalidReference(path: string, what: Localized, message: Localized): AppError {
  return new AppError('INVALID_REFERENCE', { what: what['zh-CN'], whatEn: what.en }, fieldIssue(path, message));
}
