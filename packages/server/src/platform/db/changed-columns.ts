/** A camelCase API field's snake_case column name, as a type: `'sectionId'` → `'section_id'`. */
export type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : S;

/** The column a camelCase API field is stored in: `reviewBy` → `review_by`. */
export const snakeCase = <S extends string>(field: S): SnakeCase<S> =>
  field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`) as SnakeCase<S>;

/**
 * The columns a PATCH sets from the named `fields`: each field the request names (not undefined), in
 * its snake_case column, with its value; a field the request leaves out leaves its column as it is.
 * Fields whose value needs converting first are spread beside it by hand.
 */
export function changedColumns<P extends object, F extends keyof P & string>(
  patch: P,
  fields: readonly F[],
): { [K in F as SnakeCase<K>]?: Exclude<P[K], undefined> } {
  const changes: Record<string, unknown> = {};
  for (const field of fields) if (patch[field] !== undefined) changes[snakeCase(field)] = patch[field];
  return changes as never;
}
