// Text that no column can store, refused before any handler sees it. PostgreSQL rejects a NUL
// character in text (22021), and a lone UTF-16 surrogate is silently turned into U+FFFD on its
// way to UTF-8, so a name would not be stored as typed. Either answered 500 from deep inside a
// handler (even on the login route, without an account); now every string of the query, the
// path parameters and a JSON body is checked first, and the request is refused with 400 and
// the field named, like any other validation failure.
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors';
import type { Locale } from './i18n';
import { fieldLabel } from './validation';

const MAX_DEPTH = 32;
/** A NUL, a high surrogate not followed by a low one, or a low surrogate not after a high one. */
// eslint-disable-next-line no-control-regex -- the NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string that cannot be stored, or null. */
export function findUnstorableText(value: unknown, path: string[] = [], depth = 0): string[] | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], [...path, String(i)], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const keyProblem = findUnstorableText(key, [...path, key], depth + 1);
    if (keyProblem) return keyProblem;
    const found = findUnstorableText(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

const problem: Record<Locale, string> = {
  'zh-CN': '含有无法保存的字符（空字符或残缺的 Unicode 字符）',
  en: 'contains a character that cannot be stored (a NUL or a broken Unicode character)',
};

/** preValidation hook: 400 VALIDATION_FAILED naming the field, before the schema and the handler. */
export async function refuseUnstorableText(req: FastifyRequest): Promise<void> {
  for (const part of [req.params, req.query, req.body]) {
    const at = findUnstorableText(part);
    if (!at) continue;
    const where = at.join('.');
    const locale = req.locale;
    const message = problem[locale];
    const summary = where ? (locale === 'en' ? `${where}: ${message}` : `${fieldLabel(where, locale)}：${message}`) : message;
    throw new AppError('VALIDATION_FAILED', { summary }, { issues: [{ path: where, message }] });
  }
}
