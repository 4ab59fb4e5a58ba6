/**
 * Errors the API answers with, as RFC 9457 problem details (`application/problem+json`).
 * Each carries a stable `code`; the HTTP status for each code lives in this one table.
 */
export const PROBLEM_STATUS = {
  validation_failed: 400,
  malformed_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  /** A status change the ticket lifecycle (core/tickets/lifecycle.ts) refuses; names `status`. */
  invalid_transition: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  organization_choice: 409,
  rate_limited: 429,
  internal_error: 500,
  not_ready: 503,
} as const;

export type ProblemCode = keyof typeof PROBLEM_STATUS;

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail: string;
  field?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    message: string,
    readonly field?: string,
    readonly errors?: FieldError[],
    readonly more: {
      /** Extra response headers, e.g. Retry-After on rate_limited. */
      headers?: Record<string, string>;
      /** Extra members of the problem body (RFC 9457 extensions), e.g. the organizations to choose. */
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = PROBLEM_STATUS[code];
  }

  toProblem(): ProblemBody {
    const body: ProblemBody = {
      type: `https://shoreline.dev/problems/${this.code.replaceAll('_', '-')}`,
      title: this.code.replaceAll('_', ' '),
      status: this.status,
      code: this.code,
      detail: this.message,
    };
    if (this.field !== undefined) body.field = this.field;
    if (this.errors !== undefined) body.errors = this.errors;
    return { ...this.more.extensions, ...body };
  }
}

/** Not found, for anything outside the caller's scope too: never reveal that it exists. */
export const notFound = (what: string) => new AppError('not_found', `${what} not found`);

/**
 * The row a query finds, or not-found naming `what`: the `executeTakeFirst()` then `if (!row) throw
 * notFound(…)` every service restated.
 */
export async function oneOrNotFound<T>(
  query: { executeTakeFirst(): Promise<T | undefined> },
  what: string,
): Promise<T> {
  const row = await query.executeTakeFirst();
  if (row === undefined || row === null) throw notFound(what);
  return row;
}
