import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';
import { AppError } from './problem.js';
import { isRawUpload } from './raw-upload.js';

/** Deepest JSON nesting a request may have: real bodies are a few levels deep. */
export const MAX_JSON_DEPTH = 64;

/**
 * Body fields that carry a whole uploaded file, keyed `METHOD path`: NUL is allowed there (the import
 * rejects the rows that hold it, one by one, and keeps the others), every other check still applies.
 */
const FILE_TEXT_FIELDS = new Map<string, Set<string>>();

/** Lets a route's body field carry NUL characters (a file's text, checked row by row downstream). */
export function allowNulIn(method: string, path: string, field: string): void {
  const key = `${method.toUpperCase()} ${path}`;
  const fields = FILE_TEXT_FIELDS.get(key) ?? new Set<string>();
  fields.add(field);
  FILE_TEXT_FIELDS.set(key, fields);
}

/** ES2024's String.prototype.isWellFormed (Node 20 has it; the compiler's lib is ES2022). */
type WellFormed = string & { isWellFormed(): boolean };

/** Why a string cannot be stored as text, or null: PostgreSQL refuses NUL; lone surrogates are not text. */
export function textDefect(s: string, allowNul = false): string | null {
  if (!allowNul && s.includes('\u0000')) return 'contains a NUL character (\\u0000)';
  if (!(s as WellFormed).isWellFormed()) return 'contains a lone UTF-16 surrogate (not valid Unicode text)';
  return null;
}

const refuse = (field: string, reason: string): AppError =>
  new AppError('validation_failed', `${field}: ${reason}`, field, [
    { field, code: 'invalid_string', message: reason },
  ]);

/**
 * One check at the edge for every string a request carries (query values, JSON body keys and
 * values at any depth), before any route runs: NUL would reach PostgreSQL as a 500, a lone surrogate
 * would be replaced silently, and a body nested thousands deep would overflow the stack of whatever
 * walks it next. The walk is iterative, so the guard itself cannot overflow.
 */
export const textGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  for (const [name, values] of Object.entries(c.req.queries())) {
    const keyDefect = textDefect(name);
    if (keyDefect) throw refuse('(query)', keyDefect);
    for (const v of values) {
      const defect = textDefect(v);
      if (defect) throw refuse(`query.${name}`, defect);
    }
  }
  const method = c.req.method;
  const type = c.req.header('content-type') ?? '';
  if (
    (method === 'POST' || method === 'PUT' || method === 'PATCH') &&
    type.includes('json') &&
    !isRawUpload(method, c.req.path)
  ) {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return next(); // malformed JSON: the route's validator answers `malformed_json`
    }
    const allowed = FILE_TEXT_FIELDS.get(`${method} ${c.req.path}`);
    checkJson(body, allowed);
  }
  await next();
};

function checkJson(body: unknown, nulAllowedAtTop: Set<string> | undefined): void {
  const stack: { value: unknown; path: string[] }[] = [{ value: body, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    const field = path.join('.') || '(body)';
    if (typeof value === 'string') {
      const defect = textDefect(value, path.length === 1 && nulAllowedAtTop?.has(path[0]!) === true);
      if (defect) throw refuse(field, defect);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_JSON_DEPTH)
      throw refuse(path[0] ?? '(body)', `nested deeper than ${MAX_JSON_DEPTH} levels`);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, String(i)] });
      continue;
    }
    for (const [k, v] of Object.entries(value)) {
      const keyDefect = textDefect(k);
      if (keyDefect) throw refuse([...path, k].join('.'), `key ${keyDefect}`);
      stack.push({ value: v, path: [...path, k] });
    }
  }
}
