// Every response is parsed with its contract schema: nothing is type-asserted.
import { errorBody } from '@floorwatch/contracts/api';
import { env } from '@/config/env';
import { notifyUnauthorized } from './session-events';
import type { Reader } from './stream-check';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  /** Seconds to wait, from Retry-After on 429/503. */
  readonly retryAfterSec: number | null;

  constructor(opts: {
    status: number;
    code: string;
    message: string;
    details?: unknown;
    retryAfterSec?: number | null;
  }) {
    super(opts.message);
    this.name = 'ApiError';
    this.status = opts.status;
    this.code = opts.code;
    this.details = opts.details;
    this.retryAfterSec = opts.retryAfterSec ?? null;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const secs = Number(value);
  if (Number.isFinite(secs) && secs >= 0) return Math.ceil(secs);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Do not announce a 401 as "session expired" (sign-in and the "who am I" probe). */
  expectUnauthorized?: boolean;
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`${env.VITE_API_BASE}${path}`, {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? null : JSON.stringify(opts.body),
      credentials: 'same-origin',
      signal: opts.signal ?? null,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({
      status: 0,
      code: 'NETWORK',
      message: 'Cannot reach the Floorwatch server. Check the network connection.',
    });
  }
  if (!res.ok) throw await toApiError(res, opts);
  return res;
}

async function toApiError(res: Response, opts: RequestOptions): Promise<ApiError> {
  let json: unknown = null;
  try {
    json = await res.json();
  } catch {
    // not JSON: fall back to the status line below
  }
  const parsed = errorBody.safeParse(json);
  const retryAfterSec = parseRetryAfter(res.headers.get('Retry-After'));
  if (res.status === 401 && !opts.expectUnauthorized) notifyUnauthorized();
  if (parsed.success) {
    return new ApiError({
      status: res.status,
      code: parsed.data.error.code,
      message: parsed.data.error.message,
      details: parsed.data.error.details,
      retryAfterSec,
    });
  }
  return new ApiError({
    status: res.status,
    code: `HTTP_${res.status}`,
    message: `The server answered ${res.status} ${res.statusText}`.trim(),
    retryAfterSec,
  });
}

/** A JSON request whose answer is validated with `schema` (a zod schema or a Reader). */
export async function apiGet<T>(
  path: string,
  schema: Reader<T>,
  opts: Omit<RequestOptions, 'body' | 'method'> = {},
): Promise<T> {
  return apiJson(path, schema, opts);
}

/** Any request (GET, POST, PUT, DELETE) whose JSON answer is validated with `schema`. */
export async function apiJson<T>(
  path: string,
  schema: Reader<T>,
  opts: RequestOptions = {},
): Promise<T> {
  const res = await send(path, opts);
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new ApiError({
      status: res.status,
      code: 'BAD_RESPONSE',
      message: 'The server sent an answer that is not JSON.',
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError({
      status: res.status,
      code: 'BAD_RESPONSE',
      message: `The server sent an answer of an unexpected shape (${path}).`,
      details: parsed.error.issues.slice(0, 5),
    });
  }
  return parsed.data;
}

/** A request whose answer body is not used (204 or ignored). */
export async function apiSend(path: string, opts: RequestOptions = {}): Promise<void> {
  await send(path, opts);
}

/** Do not retry what will not change on retry (4xx), retry the rest a couple of times. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}
