import { serve } from '@hono/node-server';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { identityAuthenticator } from './modules/identity/index.js';
import { modules } from './modules.js';
import { type Clock, systemClock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import { type Database, openDatabase } from './platform/db/connect.js';
import { type MigrationReport, migrate } from './platform/db/migrate.js';
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
  const ctx: ModuleContext = { database, db: database.db, config, clock: options.clock ?? systemClock };
  const app = createApp({
    ctx,
    modules,
    authenticate: identityAuthenticator(ctx),
    webDir: options.webDir ?? defaultWebDir(),
  });
  return { app, ctx, migrations, close: () => database.close() };
}

export function runMigrations(database: Database): Promise<MigrationReport> {
  return migrate(
    database.db,
    modules.flatMap((m) => m.migrations),
  );
}

/** Serves the app on config.host:config.port; resolves once listening, with the bound port. */
export function listen(
  shoreline: Shoreline,
  config: Config,
): Promise<{ port: number; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: shoreline.app.fetch, hostname: config.host, port: config.port }, (info) => {
      // With port 0 the OS picks one: links the server builds (invitations) must name the real port.
      if (config.port === 0) config.publicUrl = config.publicUrl.replace(/:0$/, `:${info.port}`);
      // A CLI refused by the data directory's lock names the port the server is on.
      shoreline.ctx.database.lock?.setPort(info.port);
      resolve({
        port: info.port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
