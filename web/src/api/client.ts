// The one way web pages call the Kith API: JSON in and out, the CSRF token on every write, and
// every error turned into an ApiError that carries the server's problem+json.
import type { Problem } from './types';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }

  get status(): number {
    return this.problem.status;
  }

  /** The request never got an answer (offline, server down). */
  get isNetworkFailure(): boolean {
    return this.problem.status === 0;
  }
}

interface ClientHooks {
  csrfToken: () => string | null;
  language: () => string;
  /** Called when the server says the session is gone (401 on any call but sign-in). */
  onUnauthenticated: () => void;
}

let hooks: ClientHooks = { csrfToken: () => null, language: () => 'en', onUnauthenticated: () => {} };

export function configureApiClient(next: ClientHooks): void {
  hooks = next;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryParams = Record<string, string | number | undefined | null>;

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  query?: QueryParams;
  signal?: AbortSignal;
  /** Request headers of the call itself (Idempotency-Key, If-Match). */
  headers?: Record<string, string>;
}

const signInPath = '/api/auth/sign-in';

export function withQuery(path: string, query: QueryParams = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    ...options.headers,
    accept: 'application/json',
    'accept-language': hooks.language(),
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const csrfToken = hooks.csrfToken();
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'network' });
  }

  if (response.status === 401 && path !== signInPath) hooks.onUnauthenticated();
  if (!response.ok) throw new ApiError(await readProblem(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { ...body, status: response.status };
  } catch {
    return { status: response.status, title: response.statusText };
  }
}
