// One error type for the whole server: a stable code, an HTTP status and a message in both
// languages. The catalogue below holds the platform's generic codes; each module adds its own
// (errors.ts, listed in its descriptor). The error handler in app.ts turns it into {"error": {"code", "message", "details"}}.
import { pick, type Locale, type Localized } from './i18n';

export const messages = {
  NOT_FOUND: { status: 404, 'zh-CN': '未找到该记录，或它不在您的管辖范围内。', en: 'Not found, or outside your scope.' },
  ROUTE_NOT_FOUND: { status: 404, 'zh-CN': '没有这个接口：{method} {url}', en: 'No such endpoint: {method} {url}' },
  UNAUTHENTICATED: { status: 401, 'zh-CN': '请先登录。', en: 'Please log in first.' },
  RATE_LIMITED: { status: 429, 'zh-CN': '请求过于频繁，请稍后再试。', en: 'Too many requests. Please slow down.' },
  FORBIDDEN: { status: 403, 'zh-CN': '您的角色无权进行此操作。', en: 'Your role may not do this.' },
  OFFICE_ENDED: {
    status: 403,
    'zh-CN': '您的账号所对应的职务已结束（任期届满、被罢免、组织解散或改选、或物业已不再服务本小区），该职务的权限已停止。',
    en: 'The office your account was given for has ended (term over, removed, body dissolved or replaced, or the company no longer serves the quarter); its permissions have stopped.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    'zh-CN': '您的密码已被重置，请先修改密码。',
    en: 'Your password was reset. Change it first.',
  },
  CSRF_INVALID: {
    status: 403,
    'zh-CN': '页面已过期或请求来源不可信，请刷新页面后重试。',
    en: 'The page has expired or the request is not trusted. Reload the page and try again.',
  },
  VALIDATION_FAILED: { status: 400, 'zh-CN': '提交的内容有误：{summary}', en: 'The request is not valid: {summary}' },
  BAD_JSON: { status: 400, 'zh-CN': '请求内容不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  BAD_URL: { status: 400, 'zh-CN': '网址无效（含有无法识别的字符编码）。', en: 'The address is not valid (it holds an encoding that cannot be read).' },
  URL_TOO_LONG: { status: 414, 'zh-CN': '网址过长。', en: 'The address is too long.' },
  CONFLICT: { status: 409, 'zh-CN': '{what}已存在。', en: '{whatEn} already exists.' },
  INVALID_REFERENCE: { status: 422, 'zh-CN': '{what}不存在或不在本小区。', en: '{whatEn} does not exist in this quarter.' },
  FILE_REQUIRED: { status: 400, 'zh-CN': '请上传一个 .xlsx 或 .csv 文件。', en: 'Upload an .xlsx or .csv file.' },
  FILE_TOO_LARGE: { status: 413, 'zh-CN': '文件过大（上限 {limit} MB）。', en: 'The file is too large (limit {limit} MB).' },
  INTERNAL: {
    status: 500,
    'zh-CN': '服务器出错了，请稍后再试；如果反复出现，请联系管理员。',
    en: 'Something went wrong on the server. Try again later; if it keeps happening, tell the administrator.',
  },
} satisfies Record<string, Localized & { status: number }>;

type MessageDef = Localized & { status: number };
/** A module's error codes with their status and messages (zh-CN and en). */
export type ErrorCatalog = Record<string, MessageDef>;
const catalog: Record<string, MessageDef> = { ...messages };

/**
 * A module declares its error codes in its own errors.ts, lists the catalogue in its descriptor
 * (`errors`), and makes the codes known to the compiler by augmenting `ErrorCodeRegistry`:
 *
 *   export const votingErrors = defineErrors({ VOTE_CLOSED: { status: 409, 'zh-CN': …, en: … } });
 *   declare module '../../platform/errors' {
 *     interface ErrorCodeRegistry extends Record<keyof typeof votingErrors, true> {}
 *   }
 *
 * so that `new AppError('VOTE_CLOSD')` does not compile.
 */
export function defineErrors<T extends ErrorCatalog>(defs: T): T {
  return defs;
}

/** Adds a module's catalogue (installModules does this for every listed module). */
export function installErrors(defs: ErrorCatalog): void {
  for (const [code, def] of Object.entries(defs)) {
    if (catalog[code] && catalog[code] !== def) throw new Error(`error code ${code} is defined twice`);
    catalog[code] = def;
  }
}

/** Is this code in an installed catalogue? (An AppError with an unknown code answers 500.) */
export function isKnownErrorCode(code: string): boolean {
  return Object.hasOwn(catalog, code);
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by module augmentation
export interface ErrorCodeRegistry {}
/** The platform's codes and every module's: a typo does not compile. */
export type ErrorCode = keyof typeof messages | (keyof ErrorCodeRegistry & string);

/** Details of an error: plain data, or data in the caller's language. */
export type ErrorDetails = unknown;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    /** Plain data, or a function of the caller's locale for details that carry messages. */
    readonly details?: ErrorDetails | ((locale: Locale) => ErrorDetails),
  ) {
    super(code);
    this.name = 'AppError';
  }
  get status(): number {
    return (catalog[this.code] ?? catalog.INTERNAL).status;
  }
  localizedMessage(locale: Locale): string {
    return pick(catalog[this.code] ?? catalog.INTERNAL, locale, this.params);
  }
  localizedDetails(locale: Locale): ErrorDetails {
    return typeof this.details === 'function' ? (this.details as (l: Locale) => ErrorDetails)(locale) : this.details;
  }
}

export const notFound = () => new AppError('NOT_FOUND');

/** A duplicate, named in both languages (e.g. 楼栋“1幢” / building "1"). */
export const conflict = (what: string, whatEn: string) => new AppError('CONFLICT', { what, whatEn });

