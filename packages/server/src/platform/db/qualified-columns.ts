/**
 * Some of one table's columns, each named with its table (`'mail_inbound.raw'`), for the select list
 * of a join: `.select([...qualified('mail_inbound', ['id', 'raw']), ...qualified('mailboxes', ['team_id'])])`
 * reads the same row as the list spelled out, and says which table each group comes from once.
 */
export function qualified<T extends string, C extends string>(
  table: T,
  columns: readonly C[],
): `${T}.${C}`[] {
  return columns.map((column) => `${table}.${column}` as `${T}.${C}`);
}
