import type { Selectable } from 'kysely';
import type { DB } from './db/schema.js';
import { newId } from './ids.js';
import type { ScopedDb, TableName } from './scope.js';

/**
 * Inserts `values` as a new row of `table` under a fresh id (`prefix_…`, time-sortable from `now`)
 * and answers the row as stored, defaults included: the create use cases' "insert, then present".
 * The scope stamps the organization and checks a vendor's provider as for any insert.
 */
export async function insertNewRow<T extends TableName>(
  scoped: ScopedDb,
  table: T,
  prefix: string,
  now: Date,
  values: Record<string, unknown>,
): Promise<Selectable<DB[T]>> {
  return scoped.insertRow(table, { id: newId(prefix, now.getTime()), ...values });
}
