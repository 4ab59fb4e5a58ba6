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
