import { serve } from '@hono/node-server';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { identityAuthenticator } from './modules/identity/index.js';
import { modules } from './modules.js';
import { type Clock, systemClock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import { type Database, openDatabase } from './platform/db/connect.js';
import { type MigrationReport, migrate } from './platform/db/migrate.js';
import { EventRuntime } from './platform/events/runtime.js';
import { createApp, defaultWebDir } from './platform/http/app.js';
import type { AppEnv } from './platform/http/env.js';
import type { ModuleContext } from './platform/module.js';

export interface Shoreline {
  app: OpenAPIHono<AppEnv>;
  ctx: ModuleContext;
  migrations: MigrationReport;
  close(): Promise<void>;
}

/** Opens the database, applies migrations and builds the HTTP app. No port is opened here. */
export async function createShoreline(
  config: Config,
  options: { clock?: Clock; database?: Database; webDir?: string } = {},
): Promise<Shoreline> {
  const database =
    options.database ??
    (await openDatabase({
      url: config.databaseUrl,
      dataDir: config.databaseUrl ? undefined : config.dataDir,
    }));
  const migrations = await runMigrations(database);
  const clock = options.clock ?? systemClock;
  const events = new EventRuntime({
    database,
    config,
    clock,
    listeners: modules.flatMap((m) => m.listeners ?? []),
    readers: new Map(modules.flatMap((m) => Object.entries(m.pushSubjects ?? {}))),
  });
  const ctx: ModuleContext = { database, db: database.db, config, clock, events };
  const app = createApp({
    ctx,
    modules,
    authenticate: identityAuthenticator(ctx),
    webDir: options.webDir ?? defaultWebDir(),
  });
  return {
    app,
    ctx,
    migrations,
    async close() {
      await events.stop();
      await database.close();
    },
  };
}

export function runMigrations(database: Database): Promise<MigrationReport> {
  return migrate(
    database.db,
    modules.flatMap((m) => m.migrations),
  );
}

/**
 * Serves the app on config.host:config.port and starts the event loop (listeners, push); resolves
 * once listening, with the bound port.
 */
export async function listen(
  shoreline: Shoreline,
  config: Config,
): Promise<{ port: number; close(): Promise<void> }> {
  await shoreline.ctx.events.start({ background: true });
  return new Promise((resolve) => {
    const server = serve({ fetch: shoreline.app.fetch, hostname: config.host, port: config.port }, (info) => {
      // With port 0 the OS picks one: links the server builds (invitations) must name the real port.
      if (config.port === 0) config.publicUrl = config.publicUrl.replace(/:0$/, `:${info.port}`);
      resolve({
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            // Open event streams would hold server.close() forever.
            shoreline.ctx.events.hub.closeAll();
            server.close(() => done());
          }),
      });
    });
  });
}
