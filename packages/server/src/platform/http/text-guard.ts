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

/** A value still to check, and where it sits: its key and its parent's frame (the field is named only on refusal). */
interface Frame {
  value: object;
  key: string | number;
  parent: Frame | null;
  depth: number;
}

const fieldOf = (frame: Frame | null, key?: string | number): string => {
  const keys = key === undefined ? [] : [key];
  for (let f = frame; f?.parent; f = f.parent) keys.push(f.key);
  return keys.reverse().join('.') || '(body)';
};

const topKeyOf = (frame: Frame): string => {
  let f = frame;
  while (f.parent?.parent) f = f.parent;
  return f.parent ? String(f.key) : '(body)';
};

/** Refuses the first string (or key) in `body` that cannot be stored as text, naming its field. */
// Numbers, booleans and null need no check, so a year of quarter-hours (35,136 numbers) costs one
// loop and no allocation per value: the field's name is built only for a refusal.
export function checkJson(body: unknown, nulAllowedAtTop: Set<string> | undefined): void {
  if (typeof body === 'string') {
    const defect = textDefect(body);
    if (defect) throw refuse('(body)', defect);
    return;
  }
  if (body === null || typeof body !== 'object') return;
  const stack: Frame[] = [{ value: body, key: '', parent: null, depth: 0 }];
  const visit = (frame: Frame, key: string | number, value: unknown) => {
    if (typeof value === 'string') {
      const allowNul = frame.parent === null && nulAllowedAtTop?.has(String(key)) === true;
      const defect = textDefect(value, allowNul);
      if (defect) throw refuse(fieldOf(frame, key), defect);
    } else if (value !== null && typeof value === 'object') {
      stack.push({ value, key, parent: frame, depth: frame.depth + 1 });
    }
  };
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.depth >= MAX_JSON_DEPTH)
      throw refuse(topKeyOf(frame), `nested deeper than ${MAX_JSON_DEPTH} levels`);
    const { value } = frame;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) visit(frame, i, value[i]);
      continue;
    }
    for (const [k, v] of Object.entries(value)) {
      const keyDefect = textDefect(k);
      if (keyDefect) throw refuse(fieldOf(frame, k), `key ${keyDefect}`);
      visit(frame, k, v);
    }
  }
}
