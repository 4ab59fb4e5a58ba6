import type { Problem } from '@shoreline/server/contract';

/** An error response from the API, carrying its problem+json body. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get code(): string {
    return this.problem.code;
  }

  /**
   * Field errors keyed by the top-level field name ("countries.2" and "countries[2]" both land on
   * "countries"), first message wins. Includes the problem's own `field`, if any.
   */
  fieldErrors(): Record<string, { code: string; message: string }> {
    const out: Record<string, { code: string; message: string }> = {};
    const add = (field: string, code: string, message: string) => {
      const key = topField(field);
      if (key && !out[key]) out[key] = { code, message };
    };
    for (const e of this.problem.errors ?? []) add(e.field, e.code, e.message);
    if (this.problem.field)
      add(this.problem.field, this.problem.code, this.problem.detail ?? this.problem.title);
    return out;
  }
}

/** Network failure or an unreadable response. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network_error', { cause });
    this.name = 'NetworkError';
  }
}

export function topField(field: string): string {
  return field.split(/[.[]/, 1)[0] ?? field;
}

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/** Called whenever any request comes back 401 (the session ended), so the shell can show sign-in. */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let res: Response;
  const raw = body instanceof Blob;
  try {
    res = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json, application/problem+json',
        ...(body === undefined
          ? {}
          : { 'Content-Type': raw ? 'application/octet-stream' : 'application/json' }),
      },
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
      ...(signal ? { signal } : {}),
    });
  } catch (err) {
    throw new NetworkError(err);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch (err) {
    if (res.ok) throw new NetworkError(err);
  }
  if (!res.ok) {
    const problem = isProblem(data)
      ? { ...data, status: data.status ?? res.status }
      : {
          type: 'about:blank',
          title: res.statusText,
          detail: res.statusText,
          status: res.status,
          code: `http_${res.status}`,
        };
    if (res.status === 401 && !path.startsWith('/auth/')) for (const l of unauthorizedListeners) l();
    throw new ApiError(problem);
  }
  return data as T;
}

function isProblem(data: unknown): data is Problem {
  return typeof data === 'object' && data !== null && typeof (data as { code?: unknown }).code === 'string';
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  /** A file as the raw body (uploads). */
  upload: <T>(path: string, file: Blob) => request<T>('POST', path, file),
  /** Raw bytes to a resource (a chunk of a resumable upload); the signal cancels it. */
  putBytes: <T>(path: string, bytes: Blob, signal?: AbortSignal) => request<T>('PUT', path, bytes, signal),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** Builds a query string, skipping empty values. */
export function query(params: Record<string, string | null | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) qs.set(k, v);
  const s = qs.toString();
  return s ? `?${s}` : '';
}
