// Rows a request names in its body (a vendor, a scorecard, evidence files): a missing one is a 404
// naming the body's field, so the form can point at it, instead of the route's own 404.

import { AppError } from '../../platform/http/problem.js';
import type { ScopedDb } from '../../platform/scope.js';

/** A row the request names in its body: a missing one is a 404 naming that field. */
export async function named<T>(lookup: Promise<T>, field: string): Promise<T> {
  try {
    return await lookup;
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found')
      throw new AppError('not_found', err.message, field);
    throw err;
  }
}

/** The tables whose rows a body names by a list of ids, and what a missing one is called. */
const LISTED = { source_vendors: 'vendor', source_evidence: 'evidence' } as const;

/** Every id of `ids` names a row of `table` the actor can see: a 404 names the first that does not (`field.i`). */
export async function requireIds(
  s: ScopedDb,
  table: keyof typeof LISTED,
  ids: readonly string[],
  field: string,
): Promise<void> {
  const found = await s.selectFrom(table).select('id').where('id', 'in', ids).execute();
  const foundIds = new Set(found.map((f) => f.id));
  const missing = ids.findIndex((id) => !foundIds.has(id));
  if (missing >= 0) throw new AppError('not_found', `${LISTED[table]} not found`, `${field}.${missing}`);
}

/** The names of the vendors `ids` name (all the organization's without `ids`), by id, as the actor sees them. */
export async function vendorNames(s: ScopedDb, ids?: readonly string[]): Promise<Map<string, string>> {
  if (ids?.length === 0) return new Map();
  const all = s.selectFrom('source_vendors').select(['id', 'name']);
  const rows = await (ids ? all.where('id', 'in', ids) : all).execute();
  return new Map(rows.map((v) => [v.id, v.name]));
}
