import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { serve } from '@hono/node-server';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { identityAuthenticator } from './modules/identity/index.js';
import { modules } from './modules.js';
import { type Clock, systemClock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import { createModuleContext } from './platform/context.js';
import { type Database, openDatabase } from './platform/db/connect.js';
import { type MigrationReport, migrate } from './platform/db/migrate.js';
import { createApp, defaultWebDir } from './platform/http/app.js';
import type { AppEnv } from './platform/http/env.js';
import { JobRunner } from './platform/jobs/index.js';
import type { ModuleContext } from './platform/module.js';

/** One running Shoreline without its HTTP app: a migrated database and the modules' context. */
export interface ShorelineInstance {
  ctx: ModuleContext;
  migrations: MigrationReport;
  /** The job runner; `serve` starts it, tests call `runDueJobs()` on it. Stopped by `close`. */
  jobs: JobRunner;
  close(): Promise<void>;
}

export interface Shoreline extends ShorelineInstance {
  app: OpenAPIHono<AppEnv>;
}

export interface InstanceOptions {
  clock?: Clock;
  database?: Database;
}

/**
 * Opens the database (or takes the one given), applies migrations and builds the context the
 * modules share. Everything an instance keeps (scope rules, KPI caches) belongs to this context.
 */
export async function openShoreline(
  config: Config,
  options: InstanceOptions = {},
): Promise<ShorelineInstance> {
  const database =
    options.database ??
    (await openDatabase({
      url: config.databaseUrl,
      poolSize: config.dbPoolSize,
      dataDir: config.databaseUrl ? undefined : config.dataDir,
    }));
  const migrations = await runMigrations(database);
  const ctx = createModuleContext({ database, config, clock: options.clock ?? systemClock, modules });
  const jobs = new JobRunner({
    ctx,
    definitions: modules.flatMap((m) => m.jobs ?? []),
    concurrency: config.jobConcurrency,
    pollMs: config.jobPollMs,
    leaseMs: config.jobLeaseMs,
  });
  return {
    ctx,
    migrations,
    jobs,
    async close() {
      await jobs.stop();
      await ctx.events.stop();
      await database.close();
    },
  };
}

/** Opens the database, applies migrations and builds the HTTP app. No port is opened here. */
export async function createShoreline(
  config: Config,
  options: InstanceOptions & { webDir?: string } = {},
): Promise<Shoreline> {
  const instance = await openShoreline(config, options);
  const app = createApp({
    ctx: instance.ctx,
    modules,
    authenticate: identityAuthenticator(instance.ctx),
    webDir: options.webDir ?? defaultWebDir(),
  });
  return { ...instance, app };
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
  const endpoints = modules.flatMap((m) => (m.upgrade ? [m.upgrade(shoreline.ctx)] : []));
  const http = await new Promise<{ port: number; close(): Promise<void> }>((resolve) => {
    const server = serve({ fetch: shoreline.app.fetch, hostname: config.host, port: config.port }, (info) => {
      // With port 0 the OS picks one: links the server builds (invitations) must name the real port.
      if (config.port === 0) config.publicUrl = config.publicUrl.replace(/:0$/, `:${info.port}`);
      // A CLI refused by the data directory's lock names the port the server is on.
      shoreline.ctx.database.lock?.setPort(info.port);
      // WebSocket endpoints share the port (the chat widget's socket); any other upgrade is refused.
      server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        const endpoint = endpoints.find((e) => e.path === path);
        if (endpoint) endpoint.handle(req, socket, head);
        else socket.destroy();
      });
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
  // The modules' own network services (the SMTP server), closed before the HTTP server.
  const services: { close(): Promise<void> }[] = [];
  for (const m of modules) {
    const service = await m.serve?.(shoreline.ctx);
    if (service) services.push(service);
  }
  return {
    port: http.port,
    async close() {
      for (const endpoint of endpoints) await endpoint.close();
      for (const service of services) await service.close();
      await http.close();
    },
  };
}
