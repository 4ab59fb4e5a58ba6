import type { Selectable } from 'kysely';
import type { DB } from './db/schema.js';
import { AppError } from './http/problem.js';
import type { ScopedDb, TableName } from './scope.js';

type Column<T extends TableName> = keyof DB[T] & string;

/**
 * Every row of `table` whose `column` is `value`, as the actor may see them, oldest first by
 * `order`: a thing's history (a contract's versions, an SLA policy's versions).
 */
export async function historyOf<T extends TableName>(
  s: ScopedDb,
  table: T,
  column: Column<T>,
  value: string,
  order: Column<T>,
): Promise<Selectable<DB[T]>[]> {
  // The builder's column types do not follow a generic table; the names are checked by the signature.
  const rows = await (s.selectFrom(table) as unknown as AnyQuery)
    .selectAll()
    .where(column, '=', value)
    .orderBy(order)
    .execute();
  return rows as Selectable<DB[T]>[];
}

/**
 * The row of `table` whose id is `id`, locked until the transaction `tx` ends (two writers of one
 * thing's next version take turns), or a 404 `<what> not found` naming the body's `field`.
 */
export async function lockForUpdateOrNotFound<T extends TableName>(
  tx: ScopedDb,
  table: T,
  id: string,
  what: string,
  field: string,
): Promise<Selectable<DB[T]>> {
  const row = await (tx.selectFrom(table) as unknown as AnyQuery)
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `${what} not found`, field);
  return row as Selectable<DB[T]>;
}

/** The few builder calls used above, untyped by column. */
interface AnyQuery {
  selectAll(): AnyQuery;
  where(column: string, op: '=', value: string): AnyQuery;
  orderBy(column: string): AnyQuery;
  forUpdate(): AnyQuery;
  execute(): Promise<unknown[]>;
  executeTakeFirst(): Promise<unknown>;
}
