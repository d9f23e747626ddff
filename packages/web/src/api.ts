import { type Lang, t } from './i18n/index.ts';

/** What the server answers on `GET /api/health`. */
export interface Health {
  status: 'ok' | 'degraded';
  database: 'ok' | 'unreachable';
  version: string;
}

export interface LocalizedText {
  ar?: string;
  en?: string;
}

export interface Organization {
  id: string;
  names: LocalizedText;
  acronym: string | null;
  kind: string;
  country: string | null;
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
  error: { code: string; message: string };
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const { error } = body;
  return (
    typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string'
  );
}

/**
 * GET `path` as JSON, asking the server to speak `lang`. Throws an ApiError whose message is the
 * server's localized message when it sent one, or a localized client-side message otherwise.
 */
export async function getJson<T>(path: string, lang: Lang, options: GetJsonOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { Accept: 'application/json', 'Accept-Language': lang },
      signal: options.signal,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new ApiError(t(lang, 'error.network'), null);
  }

  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    body = undefined; // not JSON: a proxy error page, or the SPA's index.html
  }

  if (isErrorBody(body)) {
    const code = 'code' in body.error && typeof body.error.code === 'string' ? body.error.code : null;
    throw new ApiError(body.error.message, response.status, code);
  }
  const accepted = response.ok || (options.acceptStatuses?.includes(response.status) ?? false);
  if (!accepted || body === undefined) {
    // A failing dev proxy answers 5xx without a body: the server is as good as unreachable.
    const unreachable = response.status === 502 || response.status === 504;
    throw new ApiError(
      unreachable ? t(lang, 'error.network') : t(lang, 'error.unexpected', { status: response.status }),
      response.status,
    );
  }
  return body as T;
}
