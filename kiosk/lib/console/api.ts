import type { ErrorBody } from '../../../shared/reply';

/** A refused or failed request, as the console shows it. `status` 0 means the server did not answer. */
export interface ApiError extends ErrorBody {
  status: number;
  /** Set on a 409 save conflict: the version someone else saved. */
  currentVersion?: number;
  /** Set on a 429: how long to wait, when the server said so. */
  retryAfterSeconds?: number;
}

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; error: ApiError };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The console's one way to call the HTTP API. Requests go from the page itself, so the browser
 * sends the session cookie and `Sec-Fetch-Site: same-origin` (the server refuses cross-site
 * changes). Every answer becomes an `ApiResult`; nothing throws, so every caller has to decide
 * what a refusal means for the screen.
 */
export class Api {
  /** Called when a request that needs a session is answered 401: the session expired or was ended. */
  onUnauthorized: () => void = () => {};

  constructor(private readonly base = '') {}

  get<T>(path: string): Promise<ApiResult<T>> {
    return this.request<T>('GET', path);
  }
  post<T>(path: string, body?: unknown): Promise<ApiResult<T>> {
    return this.request<T>('POST', path, body);
  }
  put<T>(path: string, body: unknown): Promise<ApiResult<T>> {
    return this.request<T>('PUT', path, body);
  }
  patch<T>(path: string, body: unknown): Promise<ApiResult<T>> {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = null>(path: string, body?: unknown): Promise<ApiResult<T>> {
    return this.request<T>('DELETE', path, body);
  }

  async request<T>(method: Method, path: string, body?: unknown): Promise<ApiResult<T>> {
    const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
    if (body instanceof FormData) {
      // The browser sets the multipart boundary itself.
      init.body = body;
    } else if (body instanceof Blob) {
      // A file sent as it is (a CSV import), with its own type.
      init.body = body;
      if (body.type) (init.headers as Record<string, string>)['content-type'] = body.type;
    } else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, init);
    } catch {
      return { ok: false, error: { status: 0, code: 'network', message: 'The server did not answer; check the network and try again' } };
    }
    if (response.ok) {
      const data = response.status === 204 ? null : await response.json().catch(() => null);
      return { ok: true, status: response.status, data: data as T };
    }
    const error = await readError(response);
    // Signing in answers 401 for a wrong password; that is not an expired session.
    if (response.status === 401 && path !== '/api/v1/session') this.onUnauthorized();
    return { ok: false, error };
  }
}

/** Reads `{error:{code,message,fields?,currentVersion?}}`; anything else (a proxy's HTML page) gets a generic message. */
export async function readError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as { error?: Partial<ApiError> } | null;
  const error: ApiError = {
    status: response.status,
    code: typeof body?.error?.code === 'string' ? body.error.code : `http_${response.status}`,
    message: typeof body?.error?.message === 'string' ? body.error.message : `The server answered ${response.status} ${response.statusText}`.trim(),
  };
  if (body?.error?.fields && typeof body.error.fields === 'object') error.fields = body.error.fields;
  if (typeof body?.error?.currentVersion === 'number') error.currentVersion = body.error.currentVersion;
  const retry = retryAfterSeconds(response.headers);
  if (retry !== undefined) error.retryAfterSeconds = retry;
  return error;
}

/** Seconds to wait from `Retry-After` or the draft-8 `RateLimit` header (`…;t=123`), if present. */
export function retryAfterSeconds(headers: Headers): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter && /^\d+$/.test(retryAfter.trim())) return Number(retryAfter.trim());
  const match = /;\s*t=(\d+)/.exec(headers.get('ratelimit') ?? '');
  return match ? Number(match[1]) : undefined;
}
