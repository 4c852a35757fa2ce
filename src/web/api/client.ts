import i18n from '../i18n';

/**
 * An error answered by the server, `{"error": {"code", "message", "details"}}`. The message is
 * already in the user's language (the server follows Accept-Language), so it is shown as is.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;
  /**
   * Rule violations where older servers put them, beside `details` (the organisations module's
   * 422 answers); they now travel in `details.violations`. Read both, `details` first.
   */
  readonly violations: unknown;

  constructor(status: number, code: string, message: string, details?: unknown, violations?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.violations = violations;
  }

  /** Field messages of a validation error: `{issues: [{path, message}]}` → `{field: message}`. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    const issues = (this.details as { issues?: { path?: unknown; message?: string }[] } | undefined)?.issues;
    if (!Array.isArray(issues)) return out;
    for (const issue of issues) {
      const field = issueField(issue.path);
      if (field && issue.message && !out[field]) out[field] = issue.message;
    }
    return out;
  }
}

function issueField(path: unknown): string | null {
  // Servers spell paths as "deliveredArea", "body.deliveredArea" or ["body", "deliveredArea"].
  if (Array.isArray(path)) {
    const last = path.filter((p) => p !== 'body').at(-1);
    return last === undefined ? null : String(last);
  }
  if (typeof path === 'string' && path) return path.replace(/^body[./]/, '').split(/[./]/)[0] ?? null;
  return null;
}

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

/** The token comes from the login answer or from GET /api/auth/me. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Set by the app shell: a 401 on any call means the session is gone, so go to the login page. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

export function currentLanguage(): string {
  return i18n.language?.startsWith('en') ? 'en' : 'zh-CN';
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Calls where a 401 is an answer, not a lost session (login, me). */
  allowUnauthorized?: boolean;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body; // the browser sets the multipart boundary itself
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (WRITE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if ((err as Error)?.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK_ERROR', i18n.t('errors.network'));
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && !options.allowUnauthorized) unauthorizedHandler?.();
    throw error;
  }
  return response;
}

async function toApiError(response: Response): Promise<ApiError> {
  let payload: { error?: { code?: string; message?: string; details?: unknown; violations?: unknown } } | null = null;
  try {
    payload = await response.json();
  } catch {
    // not JSON: the status alone tells what happened
  }
  const code = payload?.error?.code ?? `HTTP_${response.status}`;
  const message =
    payload?.error?.message ??
    (response.status >= 500 ? i18n.t('errors.server') : i18n.t('errors.generic', { status: response.status }));
  return new ApiError(response.status, code, message, payload?.error?.details, payload?.error?.violations);
}

async function json<T>(method: string, path: string, options?: RequestOptions): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, options?: Omit<RequestOptions, 'query'>) =>
    json<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => json<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => json<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => json<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => json<T>('DELETE', path, options),
  upload: <T>(path: string, form: FormData, options?: RequestOptions) => json<T>('POST', path, { ...options, body: form }),
};

function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through to the plain name */
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/**
 * Downloads a file the server generates (template, export, import report). Fetching it first,
 * rather than following a link, lets a refusal show the server's message instead of raw JSON.
 */
export async function downloadFile(path: string, fallbackName: string, query?: Query): Promise<string> {
  const response = await send('GET', path, { query });
  const blob = await response.blob();
  const name = fileNameFrom(response.headers.get('Content-Disposition'), fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
