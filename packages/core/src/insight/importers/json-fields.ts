import { parseIsoDate } from '../date-parse.js';
import { RowRejected } from '../ticket.js';

/** A JSON object as parsed; importers read it through these helpers so a wrong type names its field. */
export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(o: JsonObject, key: string): string | null {
  const v = o[key];
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new RowRejected(key, `expected text, got ${Array.isArray(v) ? 'an array' : typeof v}`);
}

export function num(o: JsonObject, key: string): number | null {
  const v = o[key];
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n)) throw new RowRejected(key, `"${String(v)}" is not a number`);
  return n;
}

/** An instant: ISO 8601 text, or unix seconds when a number (Chatwoot webhooks). */
export function instant(o: JsonObject, key: string): Date | null {
  const v = o[key];
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new RowRejected(key, `"${String(v)}" is not a date`);
    return new Date(v * 1000);
  }
  // Strict: Date.parse would read 2025-02-30 as 2 March.
  try {
    return parseIsoDate(String(v), 'UTC');
  } catch (err) {
    throw new RowRejected(key, (err as Error).message);
  }
}

export function obj(o: JsonObject, key: string): JsonObject | null {
  const v = o[key];
  if (v === null || v === undefined) return null;
  if (!isObject(v)) throw new RowRejected(key, 'expected an object');
  return v;
}

export function arr(o: JsonObject, key: string): unknown[] {
  const v = o[key];
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v)) throw new RowRejected(key, 'expected an array');
  return v;
}

export function strings(o: JsonObject, key: string): string[] {
  return arr(o, key).map((x) => String(x));
}

export function requiredId(o: JsonObject, key: string): string {
  const id = str(o, key);
  if (id === null) throw new RowRejected(key, 'missing ticket id');
  return id;
}

export const minutesToSeconds = (m: number | null): number | null => (m === null ? null : Math.round(m * 60));

/**
 * A vendor's code read through its table: none for no code, `unknown` for a code the table lacks
 * (own entries only, so a code such as `constructor` is not read off Object.prototype).
 */
export function lookup<T>(
  table: Readonly<Record<string, T>>,
  code: string | null,
  unknown: NoInfer<T> | null = null,
): T | null {
  if (code === null) return null;
  return Object.hasOwn(table, code) ? (table[code] as T) : unknown;
}

/**
 * The objects of the list `o[key]` with their `created_at` instant (messages, comments, articles):
 * entries that are not objects, that `skip` drops, or that have no time are left out, in that order.
 */
export function datedObjects(
  o: JsonObject,
  key: string,
  skip: (entry: JsonObject) => boolean = () => false,
): [JsonObject, Date][] {
  const dated: [JsonObject, Date][] = [];
  for (const entry of arr(o, key)) {
    if (!isObject(entry) || skip(entry)) continue;
    const at = instant(entry, 'created_at');
    if (at) dated.push([entry, at]);
  }
  return dated;
}

/** Tags as a JSON array at `listKey`, or else as comma-separated text at `textKey` (an export's column). */
export function tagsOf(o: JsonObject, listKey: string, textKey: string): string[] {
  if (o[listKey] !== undefined) return strings(o, listKey);
  return (str(o, textKey) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
