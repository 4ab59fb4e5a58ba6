import type { SelectQueryBuilder } from 'kysely';
import type { DB } from '../src/platform/db/schema.js';

/**
 * How many rows `query` (a selectFrom with its where clauses, nothing selected yet) matches: the
 * count the tests read back to prove what an operation wrote or left alone.
 */
export async function rowCount<TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
): Promise<number> {
  const row = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
