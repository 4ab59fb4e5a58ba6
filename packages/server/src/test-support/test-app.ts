import { DEMO_PASSWORD, seedDemo } from '../demo/seed.js';
import { createShoreline, type Shoreline } from '../main.js';
import { addUser, createOrganization } from '../modules/identity/index.js';
import { type Clock, systemClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import { type DatabaseTarget, openForApp, primaryTarget } from './databases.js';

export interface TestApp {
  shoreline: Shoreline;
  /** Calls the app in-process (no port), as the holder of `cookie` or `token` when given. */
  request(
    path: string,
    init?: {
      method?: string;
      body?: unknown;
      rawBody?: string | Uint8Array;
      headers?: Record<string, string>;
      auth?: Auth;
      /** The client's socket address as the server sees it (default: none, as in-process). */
      peer?: string;
    },
  ): Promise<Response>;
  /** Signs in and returns the session cookie to pass as `auth`. */
  login(email: string, password: string): Promise<Auth>;
  close(): Promise<void>;
}

export type Auth = { cookie: string } | { token: string };

/** A Shoreline app on a fresh database (see primaryTarget), optionally with the demo organization. */
export async function startTestApp(
  options: {
    demo?: boolean;
    clock?: Clock;
    target?: DatabaseTarget;
    env?: Record<string, string>;
    /** Folder of the built web app (default: none). */
    webDir?: string;
  } = {},
): Promise<TestApp> {
  const database = await openForApp(options.target ?? primaryTarget());
  const config = loadConfig({
    SHORELINE_DATA_DIR: 'memory://',
    PUBLIC_URL: 'http://localhost:3000',
    ...options.env,
  });
  const shoreline = await createShoreline(config, {
    database,
    clock: options.clock ?? systemClock,
    webDir: options.webDir ?? '/nonexistent',
  });
  if (options.demo) await seedDemo(shoreline.ctx);
  // Push is live; listeners run when a test calls shoreline.ctx.events.drain(), so tests decide when.
  await shoreline.ctx.events.start({ background: false });

  const request: TestApp['request'] = (path, init = {}) => {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (init.rawBody !== undefined)
      body = typeof init.rawBody === 'string' ? init.rawBody : new Uint8Array(init.rawBody);
    else if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    if (init.auth && 'cookie' in init.auth) headers.cookie = init.auth.cookie;
    if (init.auth && 'token' in init.auth) headers.authorization = `Bearer ${init.auth.token}`;
    // Node's adapter hands the socket to the app as `incoming`; in-process there is none unless asked.
    const env = init.peer ? { incoming: { socket: { remoteAddress: init.peer } } } : undefined;
    return Promise.resolve(
      shoreline.app.request(
        path,
        { method: init.method ?? (body !== undefined ? 'POST' : 'GET'), headers, body },
        env,
      ),
    );
  };
  return {
    shoreline,
    request,
    async login(email, password) {
      const res = await request('/api/auth/login', { body: { email, password } });
      if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`);
      const cookie = res.headers.get('set-cookie')?.split(';')[0];
      if (!cookie) throw new Error('no session cookie');
      return { cookie };
    },
    close: () => shoreline.close(),
  };
}

/**
 * A new organization beside the app's own, with one admin (the demo password) signed in: what a test
 * of moving data between organizations (export, import) starts from.
 */
export async function adminOfNewOrganization(
  t: TestApp,
  names: { organization: string; email: string; admin?: string },
): Promise<{ organizationId: string; auth: Auth }> {
  const { db, clock } = t.shoreline.ctx;
  const { organizationId } = await createOrganization(db, clock, { name: names.organization });
  await addUser(db, clock, {
    organizationId,
    email: names.email,
    name: names.admin ?? 'Admin',
    role: 'admin',
    providerId: null,
    password: DEMO_PASSWORD,
  });
  return { organizationId, auth: await t.login(names.email, DEMO_PASSWORD) };
}

/**
 * Imports canonical records through the API as `auth` (`POST /api/insight/imports`, NDJSON) and
 * runs the import job: answers the accepted response's status (202 when the import was queued).
 */
export async function importOverHttp(app: TestApp, auth: Auth, fileName: string, records: object[]) {
  const res = await app.request('/api/insight/imports', {
    body: { format: 'canonical', fileName, content: `${records.map((r) => JSON.stringify(r)).join('\n')}\n` },
    auth,
  });
  await app.shoreline.jobs.runDueJobs();
  return res.status;
}

/** The demo organization's teams or providers by name, and the organization's id. */
export async function idsByName(app: TestApp, table: 'teams' | 'providers') {
  const rows = await app.shoreline.ctx.db
    .selectFrom(table)
    .select(['id', 'name', 'organization_id'])
    .execute();
  return {
    ids: Object.fromEntries(rows.map((r) => [r.name, r.id])) as Record<string, string>,
    organizationId: rows[0]!.organization_id,
  };
}
