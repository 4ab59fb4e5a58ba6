import { z } from '@hono/zod-openapi';

/**
 * The named objects of the API contract. Every module's schemas.ts restated
 * `z.object({ … }).openapi('Name')` for an answer and `z.object({ … }).strict().openapi('Name')`
 * for a request body; these two say it once, and the OpenAPI document and the inferred types are
 * the same as before.
 */

/** An answer's object, named `name` in the OpenAPI document. */
export const apiObject = <T extends z.ZodRawShape>(name: string, shape: T) => z.object(shape).openapi(name);

/** A request body, named `name`: unknown fields are refused (the error names the field). */
export const apiInput = <T extends z.ZodRawShape>(name: string, shape: T) =>
  z.object(shape).strict().openapi(name);

/** The bounds of a column's values, as `item` states them (the fast check and the document use these). */
export interface ColumnBounds {
  /** Smallest value; `exclusive` makes it a lower limit the value must exceed. */
  min: number;
  exclusive?: boolean;
  max: number;
  int?: boolean;
}

/**
 * A long column of numbers (a year of quarter-hours is 35,136), checked in one loop on the request's
 * thread. `z.array(item)` parses element by element: ≈ 1 µs each warm and ≈ 150 ms for a year on a
 * fresh process, long enough to hold up every other request (the healthz-under-load soak). A column
 * the loop does not pass is parsed again by `z.array(item)` with the same lengths, so a bad value gets
 * exactly the issue (code, path, message) it got before. `bounds` must say what `item` checks.
 */
export function numberColumn(item: z.ZodNumber, length: { min: number; max: number }, bounds: ColumnBounds) {
  const full = z.array(item).min(length.min).max(length.max);
  const { min, max, exclusive = false, int = false } = bounds;
  const passes = (value: unknown): boolean => {
    if (!Array.isArray(value) || value.length < length.min || value.length > length.max) return false;
    for (const v of value) {
      if (typeof v !== 'number' || !Number.isFinite(v) || v > max || (exclusive ? v <= min : v < min))
        return false;
      if (int && !Number.isSafeInteger(v)) return false;
    }
    return true;
  };
  return z
    .custom<number[]>(() => true)
    .superRefine((value, ctx) => {
      if (passes(value)) return;
      const parsed = full.safeParse(value);
      if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue });
    })
    .openapi({
      type: 'array',
      items: {
        type: int ? 'integer' : 'number',
        ...(exclusive ? { exclusiveMinimum: min } : { minimum: min }),
        maximum: max,
        ...(item.description ? { description: item.description } : {}),
      },
      minItems: length.min,
      maxItems: length.max,
    });
}
