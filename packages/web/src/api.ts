import { type Lang, t } from './i18n/index.ts';

/** What the server answers on `GET /api/health`. */
export interface Health {
  status: 'ok' | 'degraded';
  database: 'ok' | 'unreachable';
  version: string;
}

/** One page of a list endpoint. */
export interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

/** A failed API call. `message` is already in the requested language. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string | null = null,
    readonly details: unknown = undefined,
  ) {
    super(message);
  }
}

export interface GetJsonOptions {
  signal?: AbortSignal;
  /** Non-2xx statuses whose body is still a regular answer (e.g. 503 from a degraded /api/health). */
  acceptStatuses?: readonly number[];
}

interface ErrorBody {
  error: { code?: unknown; message: string; details?: unknown };
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const { error } = body;
  return (
    typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string'
  );
}

/*
 * The CSRF token of a cookie session. The server hands it out only at sign-in, so it is kept in
 * localStorage for reloads and other tabs (another site can read neither it nor the cookie); a
 * bearer-token client never needs it.
 */
const CSRF_KEY = 'tansiq.csrf';
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
  try {
    if (token) window.localStorage.setItem(CSRF_KEY, token);
    else window.localStorage.removeItem(CSRF_KEY);
  } catch {
    // Storage disabled: the token still holds until the page reloads.
  }
}

export function currentCsrfToken(): string | null {
  if (csrfToken) return csrfToken;
  try {
    csrfToken = window.localStorage.getItem(CSRF_KEY);
  } catch {
    csrfToken = null;
  }
  return csrfToken;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface RequestOptions extends GetJsonOptions {
  method?: Method;
  /** Sent as JSON; a string is sent as text/plain (the extractor reads raw text). */
  body?: unknown;
}

/**
 * Calls the API in `lang`. Throws an ApiError whose message is the server's localized message when
 * it sent one, or a localized client-side message otherwise.
 */
export async function request<T>(path: string, lang: Lang, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': lang };
  let body: string | undefined;
  if (options.body !== undefined) {
    if (typeof options.body === 'string') {
      headers['Content-Type'] = 'text/plain; charset=utf-8';
      body = options.body;
    } else {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
  }
  if (method !== 'GET') {
    const token = currentCsrfToken();
    if (token) headers['x-csrf-token'] = token;
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body,
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new ApiError(t(lang, 'error.network'), null);
  }

  let parsed: unknown;
  if (response.status !== 204) {
    try {
      parsed = await response.json();
    } catch (cause) {
      if (options.signal?.aborted) throw cause;
      parsed = undefined; // not JSON: a proxy error page, or the SPA's index.html
    }
  }

  if (isErrorBody(parsed)) {
    const code = typeof parsed.error.code === 'string' ? parsed.error.code : null;
    throw new ApiError(parsed.error.message, response.status, code, parsed.error.details);
  }
  const accepted = response.ok || (options.acceptStatuses?.includes(response.status) ?? false);
  if (!accepted || (parsed === undefined && response.status !== 204)) {
    // A failing dev proxy answers 5xx without a body: the server is as good as unreachable.
    const unreachable = response.status === 502 || response.status === 504;
    throw new ApiError(
      unreachable ? t(lang, 'error.network') : t(lang, 'error.unexpected', { status: response.status }),
      response.status,
    );
  }
  return parsed as T;
}

/** GET `path` as JSON. */
export function getJson<T>(path: string, lang: Lang, options: GetJsonOptions = {}): Promise<T> {
  return request<T>(path, lang, options);
}

/** A path with its query: empty and undefined values are left out. */
export function withQuery(path: string, query: Record<string, string | number | boolean | null | undefined>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
