import { createRoute, type RouteConfig, z } from '@hono/zod-openapi';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().openapi({ example: 'validation_failed' }),
    detail: z.string(),
    field: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** The error answers every authenticated route can give. */
export const errorResponses = {
  400: problem('Invalid input; `field` names the offending field'),
  401: problem('Not signed in'),
  404: problem('Not found, or outside your scope'),
  409: problem('Conflicts with an existing record'),
  413: problem('Body too large'),
  429: problem('Too many requests'),
} as const;

/** `{id}` in a route's path: one record's id. */
export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

/** A list answer, `{ items: [...] }`, named `name` in the OpenAPI document. */
export const listOf = <T extends z.ZodTypeAny>(item: T, name: string) =>
  z.object({ items: z.array(item) }).openapi(name);

export const jsonBody = <T extends z.ZodTypeAny>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** What a route states itself; `apiRoute` adds its tag and the standard error answers. */
type RouteSpec = Omit<RouteConfig, 'method' | 'path' | 'tags'>;

/**
 * One API route: method, path, its own summary/request/responses, tagged `tag` and answering
 * `errorResponses` besides — what every module's `createRoute({ method, path, tags, …,
 * ...errorResponses })` restated. The OpenAPI document is the same either way.
 */
export function apiRoute<M extends RouteConfig['method'], P extends string, S extends RouteSpec>(
  tag: string,
  method: M,
  path: P,
  spec: S,
) {
  return createRoute({
    method,
    path,
    tags: [tag],
    ...spec,
    responses: { ...spec.responses, ...errorResponses },
  });
}
