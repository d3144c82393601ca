// The one fetch wrapper: JSON in and out, the CSRF header on unsafe methods, the UI language,
// and errors parsed from {error:{code,message,details}} into ApiError.
import i18n from 'i18next';

export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  /** Seconds to wait, from the Retry-After header of a 429 answer. */
  retryAfter?: number;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field issues of a 400 invalid_input answer (`details.fields`). */
  get fields(): FieldIssue[] {
    const d = this.details as { fields?: unknown } | undefined;
    if (!d || !Array.isArray(d.fields)) return [];
    return d.fields.filter(
      (f): f is FieldIssue => typeof f === 'object' && f !== null && typeof (f as FieldIssue).path === 'string',
    );
  }

  /** Field errors keyed by form path: "body.name" → "name", "body.grants.0.role" → "grants.0.role". */
  fieldErrors(prefix = 'body'): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of this.fields) {
      const path = f.path.startsWith(`${prefix}.`) ? f.path.slice(prefix.length + 1) : f.path;
      out[path] ??= f.message;
    }
    return out;
  }
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Query parameters; a list repeats its key (`?state=a&state=b`). */
export type Query = Record<string, string | number | boolean | null | undefined | readonly string[]>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  form?: FormData;
  signal?: AbortSignal;
  /** Extra headers, e.g. Idempotency-Key or the public tracking secret. */
  headers?: Record<string, string>;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value as readonly string[]) params.append(key, v);
    else params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** Listeners told when the server answers 401 (the session ended). */
const unauthenticatedListeners = new Set<() => void>();
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** The ApiError of a failed answer: its parsed JSON body `{error:{code,message,details,requestId}}`, or a generic message. */
export function toApiError(status: number, data: unknown): ApiError {
  const e = (data as { error?: { code?: unknown; message?: unknown; details?: unknown; requestId?: unknown } } | undefined)?.error;
  return new ApiError(
    status,
    typeof e?.code === 'string' ? e.code : `http_${status}`,
    typeof e?.message === 'string' ? e.message : `${i18n.t('common.error')} (${status})`,
    e?.details,
    typeof e?.requestId === 'string' ? e.requestId : undefined,
  );
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': i18n.language === 'en' ? 'en' : 'vi',
    ...options.headers,
  };
  let body: BodyInit | undefined;
  if (options.form) {
    body = options.form;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  // A token given by the caller wins: the portal sends the citizen session's own (the staff one is for staff routes).
  if (UNSAFE.has(method) && csrfToken && !headers['x-csrf-token']) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', i18n.t('common.error'));
  }

  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const err = toApiError(res.status, data);
    const retryAfter = Number(res.headers.get('retry-after'));
    if (retryAfter > 0) err.retryAfter = retryAfter;
    if (res.status === 401 && !path.startsWith('/api/auth/')) unauthenticatedListeners.forEach((l) => l());
    throw err;
  }
  return data as T;
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return i18n.t('common.error');
}
