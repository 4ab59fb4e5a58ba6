import { createRoute, type OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Actor, ScopedDb } from '../scope.js';
import type { AppEnv } from './env.js';
import { apiObject } from './schema.js';

export const ProblemSchema = apiObject('Problem', {
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string().openapi({ example: 'validation_failed' }),
  detail: z.string(),
  field: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
});

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

/** One `{name}` in a route's path: a string of `min` to `max` characters, documented as a path parameter. */
export function pathParam<K extends string>(name: K, min: number, max: number) {
  const value = z
    .string()
    .min(min)
    .max(max)
    .openapi({ param: { name, in: 'path' } });
  return z.object({ [name]: value } as { [P in K]: typeof value });
}

/** `{id}` in a route's path: one record's id. */
export const IdParam = pathParam('id', 1, 64);

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

type Validated<T> = T extends z.ZodTypeAny ? z.output<T> : undefined;
type JsonSchemaOf<C> = C extends { content: { 'application/json': { schema: infer T } } } ? T : never;
type SuccessStatus = 200 | 201 | 202 | 204;
type RouteRequest = NonNullable<RouteSpec['request']>;
type RouteResponses = RouteSpec['responses'];

/** What a use-case route's `run` gets: the caller, their scope, and the validated request. */
export interface UseCaseInput<R> {
  readonly scoped: ScopedDb;
  readonly actor: Actor;
  readonly param: Validated<R extends { params: infer P } ? P : undefined>;
  readonly query: Validated<R extends { query: infer Q } ? Q : undefined>;
  readonly body: Validated<JsonSchemaOf<R extends { body: infer B } ? B : never>>;
  /** The request itself, for what a use case rarely needs (headers, the raw body). */
  readonly c: Context<AppEnv>;
}

type SuccessOf<Res> = Res[keyof Res & SuccessStatus];

/**
 * What `run` answers: the JSON body its success response declares, nothing for a success without
 * content (204, or a 202 that only acknowledges), or a Response it made itself (a download, CSV).
 */
export type UseCaseAnswer<Res> =
  SuccessOf<Res> extends { content: object }
    ? Promise<Response | z.input<JsonSchemaOf<SuccessOf<Res>> & z.ZodTypeAny>>
    : Promise<void> | Promise<Response>;

/** A route's own summary, request and responses, and the use case that answers it. */
export type UseCaseSpec<R extends RouteRequest, Res extends RouteResponses> = Omit<
  RouteSpec,
  'request' | 'responses'
> & {
  request?: R;
  responses: Res;
  run(input: UseCaseInput<R>): UseCaseAnswer<Res>;
};

type ObjectSchema = z.ZodObject<z.ZodRawShape>;

/**
 * A route as a row of data: its summary, the schemas of its path, query and body, the schema of
 * its answer (`ok` 200, `created` 201, `accepted` 202; none: 204 without content) and the use
 * case. `routesFor` turns it into the OpenAPI `request`/`responses` every route restated.
 */
export type RouteRow<
  P extends ObjectSchema | undefined,
  Q extends ObjectSchema | undefined,
  B extends z.ZodTypeAny | undefined,
  O extends z.ZodTypeAny,
> = Omit<RouteSpec, 'request' | 'responses'> & {
  params?: P;
  query?: Q;
  body?: B;
  ok?: O;
  created?: O;
  accepted?: O;
  run(input: {
    readonly scoped: ScopedDb;
    readonly actor: Actor;
    readonly param: Validated<P>;
    readonly query: Validated<Q>;
    readonly body: Validated<B>;
    readonly c: Context<AppEnv>;
  }): [O] extends [never] ? Promise<void> | Promise<Response> : Promise<Response | z.input<O>>;
};

type UseCaseRoute = {
  <R extends RouteRequest = never, Res extends RouteResponses = RouteResponses>(
    path: string,
    spec: UseCaseSpec<R, Res>,
  ): void;
  <
    P extends ObjectSchema | undefined = undefined,
    Q extends ObjectSchema | undefined = undefined,
    B extends z.ZodTypeAny | undefined = undefined,
    O extends z.ZodTypeAny = never,
  >(
    path: string,
    row: RouteRow<P, Q, B, O>,
  ): void;
};

/**
 * A list use case's GET route: its answer is `{ items }`, each an `item`, the list named `name` in
 * the OpenAPI document — `route.list(path, summary, Schema, 'Names', service.list)`.
 */
type ListRoute = <T extends z.ZodTypeAny>(
  path: string,
  summary: string,
  item: T,
  name: string,
  list: (scoped: ScopedDb) => Promise<z.input<T>[]>,
) => void;

/** Reads one record by its path's `{id}`: `route.one(path, summary, Schema, service.get)`. */
type OneRoute = <T extends z.ZodTypeAny>(
  path: string,
  summary: string | undefined,
  item: T,
  read: (scoped: ScopedDb, id: string) => Promise<z.input<T>>,
) => void;

/** POSTs a `body` that makes a new record, answering it with 201. */
type CreateRoute = <B extends z.ZodTypeAny, T extends z.ZodTypeAny>(
  path: string,
  summary: string | undefined,
  body: B,
  item: T,
  create: (scoped: ScopedDb, body: z.output<B>) => Promise<z.input<T>>,
) => void;

/** PATCHes one record by its path's `{id}` with a `body`, answering it as it now is. */
type UpdateRoute = <B extends z.ZodTypeAny, T extends z.ZodTypeAny>(
  path: string,
  summary: string | undefined,
  body: B,
  item: T,
  update: (scoped: ScopedDb, id: string, body: z.output<B>) => Promise<z.input<T>>,
) => void;

/** DELETEs one record by its path's `{id}`; answers 204. */
type RemoveRoute = (
  path: string,
  summary: string | undefined,
  remove: (scoped: ScopedDb, id: string) => Promise<void>,
) => void;

/** What the record routes' `run` reads of its input. */
type IdInput = { scoped: ScopedDb; param: { id: string } };

/** A record route's row: its summary when it has one, and the `{id}` of its path. */
const byId = (summary: string | undefined) => ({
  ...(summary === undefined ? {} : { summary }),
  params: IdParam,
});

const ANSWERS = [
  ['ok', 200, 'OK'],
  ['created', 201, 'Created'],
  ['accepted', 202, 'Accepted'],
] as const;

/** A route row's OpenAPI `request` and `responses` (what the row leaves out is left out). */
function expandRow(row: Record<string, unknown>): { spec: Record<string, unknown> } {
  if ('responses' in row) return { spec: row };
  const { params, query, body, ok, created, accepted, ...rest } = row;
  const request: Record<string, unknown> = {};
  if (params) request.params = params;
  if (query) request.query = query;
  if (body) request.body = jsonBody(body as z.ZodTypeAny);
  const answer = ANSWERS.find(([key]) => ({ ok, created, accepted })[key] !== undefined);
  const responses = answer
    ? { [answer[1]]: json({ ok, created, accepted }[answer[0]] as z.ZodTypeAny, answer[2]) }
    : { 204: { description: 'Done' } };
  return { spec: { ...rest, ...(Object.keys(request).length ? { request } : {}), responses } };
}

/**
 * The routes of one tag whose handler is one use case: `route.patch(path, { summary, request,
 * responses, run })` registers `apiRoute(tag, 'patch', path, …)` and answers `run`'s result with
 * the route's success status (none for a success without content) — the `async (c) => c.json(await service.x(
 * c.var.scoped, c.req.valid('param').id, c.req.valid('json')), 200)` every module restated. A
 * route that must shape its answer by hand (streams, raw uploads) still uses `app.openapi`.
 */
export function routesFor(
  app: OpenAPIHono<AppEnv>,
  tag: string,
): Record<'get' | 'post' | 'put' | 'patch' | 'delete', UseCaseRoute> & {
  list: ListRoute;
  create: CreateRoute;
  one: OneRoute;
  update: UpdateRoute;
  remove: RemoveRoute;
} {
  const register =
    (method: 'get' | 'post' | 'put' | 'patch' | 'delete'): UseCaseRoute =>
    (path: string, given: object) => {
      const { run, ...spec } = expandRow(given as Record<string, unknown>).spec as UseCaseSpec<
        RouteRequest,
        RouteResponses
      >;
      const status = Number(Object.keys(spec.responses).find((s) => s.startsWith('2')));
      const hasBody = 'content' in (spec.responses[status] ?? {});
      app.openapi(apiRoute(tag, method, path, spec), (async (c: Context<AppEnv>) => {
        const req = c.req as unknown as { valid(part: string): unknown };
        const answer = await run({
          scoped: c.var.scoped,
          actor: c.var.actor,
          param: 'params' in (spec.request ?? {}) ? req.valid('param') : undefined,
          query: 'query' in (spec.request ?? {}) ? req.valid('query') : undefined,
          body: 'body' in (spec.request ?? {}) ? req.valid('json') : undefined,
          c,
        } as never);
        if (answer instanceof Response) return answer;
        if (!hasBody) return c.body(null, status as SuccessStatus);
        return c.json(answer as unknown as object, status as 200);
      }) as never);
    };
  // The record routes' rows are built here, generic in their schemas: their types are checked at
  // the `create`/`one`/`update`/`remove` signatures above, so the row goes to `register` as it is.
  const registerRow = register as unknown as (
    method: 'get' | 'post' | 'patch' | 'delete',
  ) => (path: string, row: object) => void;
  return {
    get: register('get'),
    post: register('post'),
    put: register('put'),
    patch: register('patch'),
    delete: register('delete'),
    list: (path, summary, item, name, list) =>
      register('get')(path, {
        summary,
        ok: listOf(item, name),
        run: async ({ scoped }: { scoped: ScopedDb }) => ({ items: await list(scoped) }),
      }),
    create: (path, summary, body, item, create) =>
      registerRow('post')(path, {
        ...(summary === undefined ? {} : { summary }),
        body,
        created: item,
        run: ({ scoped, body }: { scoped: ScopedDb; body: never }) => create(scoped, body),
      }),
    one: (path, summary, item, read) =>
      registerRow('get')(path, {
        ...byId(summary),
        ok: item,
        run: ({ scoped, param }: IdInput) => read(scoped, param.id),
      }),
    update: (path, summary, body, item, update) =>
      registerRow('patch')(path, {
        ...byId(summary),
        body,
        ok: item,
        run: ({ scoped, param, body }: IdInput & { body: never }) => update(scoped, param.id, body),
      }),
    remove: (path, summary, remove) =>
      registerRow('delete')(path, {
        ...byId(summary),
        run: ({ scoped, param }: IdInput) => remove(scoped, param.id),
      }),
  };
}
