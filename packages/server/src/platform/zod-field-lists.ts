import { z } from '@hono/zod-openapi';

/**
 * Response fields that share one wire type, named in the order they go on the wire:
 * `...fieldsOf(() => z.number().int(), 'met', 'total')` is `met: z.number().int(), total: z.number().int()`.
 * A schema then reads as its groups of like fields (ids and dates, counts, optional figures) and the
 * few fields with a type of their own stand out. Each field gets its own schema instance from `make`.
 */
export function fieldsOf<T extends z.ZodTypeAny, const K extends string>(
  make: () => T,
  ...names: K[]
): { [N in K]: T } {
  return Object.fromEntries(names.map((name) => [name, make()])) as { [N in K]: T };
}

/** Text fields (ids, names, ISO dates and times as sent). */
export const strings = <const K extends string>(...names: K[]) => fieldsOf(() => z.string(), ...names);
/** Text fields that are null when unset. */
export const nullableStrings = <const K extends string>(...names: K[]) =>
  fieldsOf(() => z.string().nullable(), ...names);
/** Whole numbers (counts, versions, money in minor units). */
export const ints = <const K extends string>(...names: K[]) => fieldsOf(() => z.number().int(), ...names);
/** Numbers (rates, hours, fractions). */
export const numbers = <const K extends string>(...names: K[]) => fieldsOf(() => z.number(), ...names);
/** Numbers that are null when there is nothing to measure. */
export const nullableNumbers = <const K extends string>(...names: K[]) =>
  fieldsOf(() => z.number().nullable(), ...names);
/** Yes/no fields. */
export const booleans = <const K extends string>(...names: K[]) => fieldsOf(() => z.boolean(), ...names);
