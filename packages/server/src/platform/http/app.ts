import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { sql } from 'kysely';
import { collectAccess } from '../access.js';
import { withCancellation } from '../db/cancel.js';
import type { ModuleContext, ShorelineModule } from '../module.js';
import type { Actor } from '../scope.js';
import type { AppEnv } from './env.js';
import { AppError } from './problem.js';
import { isRawUpload } from './raw-upload.js';
import { textGuard } from './text-guard.js';
import { validationError } from './validation.js';

export type Authenticate = (c: Context<AppEnv>) => Promise<Actor | null>;

export interface AppOptions {
  ctx: ModuleContext;
  modules: readonly ShorelineModule[];
  authenticate: Authenticate;
  /** Folder of the built SPA; served at / with index.html for client routes. */
  webDir?: string | undefined;
}

/**
 * A strict policy: scripts, styles, workers and connections only from the app's own origin, no
 * inline script, no plugins, no framing. The built web app needs nothing more (checked by an
 * e2e journey); chart colours are set through the DOM style API, which style-src does not govern.
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** What the platform itself serves to anyone: the API description. Modules add theirs (`publicPaths`). */
const PLATFORM_PUBLIC_PATHS = ['/api/openapi.json', '/api/docs', '/api/docs/*'];

/** Is a path one anyone may call? Exact paths, and prefixes written `/api/x/*`. */
function publicPathMatcher(paths: readonly string[]): (path: string) => boolean {
  const exact = new Set(paths.filter((p) => !p.endsWith('/*')));
  const prefixes = paths.filter((p) => p.endsWith('/*')).map((p) => p.slice(0, -1));
  return (path) => exact.has(path) || prefixes.some((prefix) => path.startsWith(prefix));
}

export function createApp(options: AppOptions): OpenAPIHono<AppEnv> {
  const { ctx } = options;
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error.issues, result.target);
    },
  });

  app.use('*', requestId());
  // A request's database queries are cancelled when its client goes away (platform/db/cancel.ts).
  // PGlite has no cancel (one query at a time, in-process): no scope to keep there.
  if (ctx.database.kind === 'postgres')
    app.use('/api/*', (c, next) => withCancellation(() => c.req.raw.signal, next));
  // Both header sets are made once: building one per request cost ≈ 0.05 ms (api bench profile).
  // A route's own header wins (`overwrite: false`): the help center's files send a stricter,
  // sandboxing policy of their own.
  const appHeaders = secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    crossOriginEmbedderPolicy: false,
    overwrite: false,
  });
  // The browsable API docs (Swagger UI) style their markup inline; nothing else needs it.
  const docsHeaders = secureHeaders({
    contentSecurityPolicy: { ...CONTENT_SECURITY_POLICY, styleSrc: ["'self'", "'unsafe-inline'"] },
    crossOriginEmbedderPolicy: false,
  });
  // Scripts other sites' pages load (the chat widget): the same headers, but other origins may load them.
  const embedHeaders = secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: 'cross-origin',
  });
  const embeddable = new Set(options.modules.flatMap((m) => m.embeddableAssets ?? []));
  app.use('*', (c, next) =>
    c.req.path === '/api/docs' || c.req.path.startsWith('/api/docs/')
      ? docsHeaders(c, next)
      : embeddable.has(c.req.path)
        ? embedHeaders(c, next)
        : appHeaders(c, next),
  );
  // API answers (JSON and CSV alike) are personal: no browser or proxy cache may keep them.
  // Set on the response's own headers: `c.header()` after the handler copies the whole response
  // (the Node adapter then streams it instead of writing a string at once: ≈ 0.1 ms a request).
  app.use('/api/*', async (c, next) => {
    await next();
    if (!c.req.path.startsWith('/api/docs')) c.res.headers.set('cache-control', 'no-store');
  });
  app.use('/api/*', refuseCrossSiteWrites(ctx.config.publicUrl));
  const jsonBodyLimit = bodyLimit({
    maxSize: ctx.config.maxBodyBytes,
    onError: () => {
      throw new AppError(
        'payload_too_large',
        `request body exceeds ${ctx.config.maxBodyBytes} bytes`,
        '(body)',
      );
    },
  });
  // Uploads stream raw files of any size up to their own limit (SHORELINE_MAX_UPLOAD_BYTES).
  // GET and HEAD carry no body; asking for one would make the Node adapter build a whole Request (≈ 0.2 ms).
  app.use('/api/*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' || isRawUpload(c.req.method, c.req.path)
      ? next()
      : jsonBodyLimit(c, next),
  );
  app.use('/api/*', requireJsonForWrites);
  app.use('/api/*', textGuard);
  const isPublic = publicPathMatcher([
    ...PLATFORM_PUBLIC_PATHS,
    ...options.modules.flatMap((m) => m.publicPaths ?? []),
  ]);
  app.use('/api/*', requireActor(options.authenticate, ctx, isPublic));

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await sql`select 1`.execute(ctx.db);
      return c.json({ status: 'ready', database: ctx.database.kind });
    } catch (err) {
      throw new AppError('not_ready', `database not reachable: ${(err as Error).message}`);
    }
  });

  const routeCtx = { ...ctx, access: collectAccess(options.modules, ctx.config) };
  for (const module of options.modules) module.routes?.(app, routeCtx);

  app.openAPIRegistry.registerComponent('securitySchemes', 'cookieAuth', {
    type: 'apiKey',
    in: 'cookie',
    name: 'shoreline_session',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Shoreline API',
      version: '0.1.0',
      description:
        'Customer-service operations: desk, knowledge, insight, plan, source, govern. Errors are application/problem+json with a stable `code`.',
    },
    security: [{ cookieAuth: [] }, { bearerAuth: [] }],
  });
  mountApiDocs(app);

  app.all('/api/*', () => {
    throw new AppError('not_found', 'no such API route');
  });
  if (options.webDir && existsSync(options.webDir)) mountSpa(app, options.webDir);

  app.onError((err, c) => {
    // Nobody is left to read an answer, and the error is the cancel itself: not a server fault.
    if (c.req.raw.signal.aborted) return c.body(null, 499 as 400);
    const problem = toAppError(err);
    if (problem.status >= 500) console.error(err);
    return c.body(JSON.stringify(problem.toProblem()), problem.status as 400, {
      ...problem.more.headers,
      'content-type': 'application/problem+json',
    });
  });
  app.notFound((c) =>
    c.body(JSON.stringify(new AppError('not_found', 'not found').toProblem()), 404, {
      'content-type': 'application/problem+json',
    }),
  );
  return app;
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 400 && /json/i.test(err.message)) {
      return new AppError('malformed_json', 'request body is not valid JSON', '(body)');
    }
    if (err.status === 413) return new AppError('payload_too_large', err.message, '(body)');
    if (err.status === 401) return new AppError('unauthenticated', err.message);
  }
  // Unique violations mean the caller asked for something that already exists.
  if (typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505') {
    const field = uniqueViolationField((err as { detail?: string }).detail);
    return new AppError(
      'conflict',
      field
        ? `${field}: a record with the same value already exists`
        : 'a record with the same unique value already exists',
      field,
    );
  }
  return new AppError('internal_error', 'internal error');
}

/**
 * The field a unique violation is about, from PostgreSQL's detail (`Key (organization_id,
 * lower(name::text))=(…) already exists.`): the last key column (the tenant column comes first),
 * without lower()/casts, in the API's camelCase.
 */
export function uniqueViolationField(detail: string | undefined): string | undefined {
  const columns = /^Key \((.+?)\)=/.exec(detail ?? '')?.[1];
  if (!columns) return undefined;
  const last = columns.split(',').at(-1)!.trim();
  const column = /([a-z_][a-z0-9_]*)(?:::[a-z ]+)?\)*$/i.exec(last.replace(/^\w+\(/, ''))?.[1];
  return column?.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
}

/**
 * State-changing requests from another site are refused (403), whatever their body: a body-less
 * POST (sign-out) needs no CORS preflight, so the JSON rule alone does not stop it. Browsers say
 * where a request comes from in Sec-Fetch-Site; older ones only in Origin, which must then be this
 * server (the Host it was asked for, or PUBLIC_URL). Clients that send neither (integrations with
 * API tokens, the CLI) are no browser and carry no ambient cookie to abuse.
 */
function refuseCrossSiteWrites(publicUrl: string): MiddlewareHandler<AppEnv> {
  const publicOrigin = new URL(publicUrl).origin;
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'OPTIONS') {
      const site = c.req.header('sec-fetch-site');
      const origin = c.req.header('origin');
      const crossSite =
        site !== undefined
          ? site === 'cross-site'
          : origin !== undefined && origin !== publicOrigin && new URL(c.req.url).origin !== origin;
      if (crossSite) throw new AppError('forbidden', 'requests from other sites may not change anything');
    }
    await next();
  };
}

/** Writes must send JSON: this also keeps cross-site HTML forms from posting with the session cookie. */
const requireJsonForWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  const method = c.req.method;
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    const type = c.req.header('content-type') ?? '';
    const length = c.req.header('content-length');
    const hasBody = length !== undefined ? length !== '0' : c.req.raw.body !== null;
    if (hasBody && !type.toLowerCase().startsWith('application/json') && !isRawUpload(method, c.req.path)) {
      throw new AppError('unsupported_media_type', 'request body must be application/json', '(body)');
    }
  }
  await next();
};

// The raw database reaches ScopedDb only here, so routes never hold it.
function requireActor(
  authenticate: Authenticate,
  ctx: ModuleContext,
  isPublic: (path: string) => boolean,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (isPublic(c.req.path)) return next();
    const actor = await authenticate(c);
    if (!actor) throw new AppError('unauthenticated', 'sign in or send an API token');
    c.set('actor', actor);
    c.set('scoped', ctx.scope(actor));
    await next();
  };
}

function mountApiDocs(app: OpenAPIHono<AppEnv>): void {
  const require = createRequire(import.meta.url);
  const swaggerDir = dirname(require.resolve('swagger-ui-dist/package.json'));
  const assets: Record<string, string> = {
    'swagger-ui.css': 'text/css',
    'swagger-ui-bundle.js': 'text/javascript',
  };
  app.get('/api/docs', (c) =>
    c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shoreline API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`),
  );
  app.get('/api/docs/init.js', (c) =>
    c.body("window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui' });", 200, {
      'content-type': 'text/javascript',
    }),
  );
  for (const [file, type] of Object.entries(assets)) {
    const body = readFileSync(join(swaggerDir, file));
    app.get(`/api/docs/${file}`, (c) =>
      c.body(body, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' }),
    );
  }
}

/**
 * The built web app, read when asked: `npm start` starts the server while vite still builds it into
 * the folder (made beforehand; the page answers once `index.html` is written), and a rebuild
 * replaces it under a running server.
 * Until it exists, client routes answer 404 as any unknown path.
 */
function mountSpa(app: OpenAPIHono<AppEnv>, webDir: string): void {
  const indexFile = join(webDir, 'index.html');
  let cached: { mtimeMs: number; html: string } | undefined;
  const indexHtml = (): string | undefined => {
    const mtimeMs = statSync(indexFile, { throwIfNoEntry: false })?.mtimeMs;
    if (mtimeMs === undefined) return undefined;
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(indexFile, 'utf8') };
    return cached.html;
  };
  app.use('/assets/*', serveStatic({ root: webDir }));
  app.use('*', serveStatic({ root: webDir }));
  app.get('*', (c) => {
    const html = indexHtml();
    return html === undefined ? c.notFound() : c.html(html);
  });
}

/** Where the built web app lives, relative to this file in src/ or dist/ alike. */
export function defaultWebDir(): string {
  return (
    process.env.SHORELINE_WEB_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../../web/dist')
  );
}
