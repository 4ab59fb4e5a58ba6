import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { Access, Limits, Policy } from './access.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/connect.js';
import type { Migration, MigrationReport } from './db/migrate.js';
import type { DB } from './db/schema.js';
import type { EventListener } from './events/listener.js';
import type { EventRuntime } from './events/runtime.js';
import type { AppEnv } from './http/env.js';
import type { JobDefinition } from './jobs/job-definition.js';
import type { Mailer } from './mail/mailer.js';
import type { Actor, ScopedDb, ScopedTables, ScopeRules } from './scope.js';

/**
 * Something a module keeps for the life of one app instance (a cache, an engine choice), made from
 * that instance's context on first use. Two instances in one process (tests, a CLI next to a server)
 * never share it: there are no module-level singletons.
 */
export interface InstanceSlot<T> {
  readonly name: string;
  readonly create: (ctx: ModuleContext) => T;
}

export function instanceSlot<T>(name: string, create: (ctx: ModuleContext) => T): InstanceSlot<T> {
  return { name, create };
}

/**
 * What the platform hands a module: one per app instance (createShoreline, or a CLI command).
 * Requests and commands read and write through `scope(actor)`; the raw `db`/`database` is for what
 * has no actor yet (sign-in, the operator's bootstrap) and the import's bulk COPY, given one organization.
 */
export interface ModuleContext {
  readonly database: Database;
  readonly db: Kysely<DB>;
  readonly config: Config;
  readonly clock: Clock;
  /** Outgoing mail; identity falls back to the outbox table (platform/mail) when none is given. */
  readonly mailer?: Mailer;
  /** Every table's scope rule, collected from the modules' `scopedTables`. */
  readonly scopeRules: ScopeRules;
  /** The database as `actor` may see it. */
  scope(actor: Actor): ScopedDb;
  /** This instance's value of a slot, created on first use. */
  instance<T>(slot: InstanceSlot<T>): T;
  /**
   * Push hub and listener loop; started by `listen` (or a test). `events.wake()` after queuing work
   * the loop does (a webhook test delivery).
   */
  readonly events: EventRuntime;
}

/** What routes get besides the context: access across all modules (for `/api/me`). */
export interface RouteContext extends ModuleContext {
  readonly access: Access;
}

/** What a module's `cli` gets: the one way a command opens the database and acts (src/cli/session.ts). */
export interface CliContext {
  /**
   * Opens the database from the environment (PGlite directory or DATABASE_URL), applies pending
   * migrations, runs `act` with the instance's context and what the migrations did, closes.
   */
  withInstance<R>(act: (ctx: ModuleContext, migrations: MigrationReport) => Promise<R>): Promise<R>;
  /**
   * The same, acting inside one organization (its name or id; the only one when omitted) as the
   * system actor `system:cli`, through a ScopedDb like any API caller.
   */
  asOrganization<R>(
    organization: string | undefined,
    act: (scoped: ScopedDb, ctx: ModuleContext) => Promise<R>,
  ): Promise<R>;
}

/**
 * A capability, declared to the platform: one folder under src/modules/ each, with the footprint
 * tables, migrations, policy, service, schemas, presenters, routes, jobs, listeners, cli
 * (test/module-shape.test.ts). The platform collects these declarations; it names no module itself.
 */
export interface ShorelineModule {
  readonly name: string;
  /** Forward-only, ids `<UTC time>_<module>_<what>` (docs/decisions/0005). */
  readonly migrations: readonly Migration[];
  /** Each action the module guards and who may take it; the services authorize with the same rules. */
  readonly policy?: Policy;
  /** Input bounds under the running configuration, reported to clients by `/api/me`. */
  limits?(config: Config): Limits;
  /** How each table the module owns is scoped; a table not declared here cannot be read through ScopedDb. */
  readonly scopedTables?: ScopedTables;
  /** Files of the web build other sites' pages may load (`/widget.js`): served with a cross-origin resource policy. */
  readonly embeddableAssets?: readonly string[];
  /** API paths anyone may call without signing in: exact, or a prefix written `/api/x/*`. */
  readonly publicPaths?: readonly string[];
  routes?(app: OpenAPIHono<AppEnv>, ctx: RouteContext): void;
  /** Registers the module's `shoreline` subcommands. */
  cli?(program: Command, cli: CliContext): void;
  /** Background work the module runs through the job queue (platform/jobs), recurring ones included. */
  readonly jobs?: readonly JobDefinition[];
  /** Subscriptions to domain events (platform/events/listener.ts). */
  readonly listeners?: readonly EventListener[];
  /**
   * Network services the module runs while the instance serves (the mail module's SMTP server):
   * started by `listen` after the HTTP server, closed with it. Resolves to null when not configured.
   */
  serve?(ctx: ModuleContext): Promise<{ close(): Promise<void> } | null>;
  /**
   * A WebSocket endpoint on the HTTP server's own port (the chat widget's socket): `listen` hands it
   * the upgrade requests for `path`, and closes it before the HTTP server.
   */
  upgrade?(ctx: ModuleContext): UpgradeEndpoint;
  /** Subjects whose events may be pushed to a browser, and who may receive them (the read rule). */
  readonly pushSubjects?: Readonly<Record<string, (actor: Actor) => boolean>>;
}

/** What a module's `upgrade` answers: the path it takes, the handler, and how to end its sockets. */
export interface UpgradeEndpoint {
  readonly path: string;
  handle(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}
