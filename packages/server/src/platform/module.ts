import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/connect.js';
import type { Migration } from './db/migrate.js';
import type { DB } from './db/schema.js';
import type { EventListener } from './events/listener.js';
import type { EventRuntime } from './events/runtime.js';
import type { AppEnv } from './http/env.js';
import type { Actor } from './scope.js';

/** What the platform hands a module when wiring it. Only identity's auth routes touch `db` directly. */
export interface ModuleContext {
  readonly database: Database;
  readonly db: Kysely<DB>;
  readonly config: Config;
  readonly clock: Clock;
  /** Push hub and listener loop; `events.wake()` after queuing work the loop does (a webhook test). */
  readonly events: EventRuntime;
}

/** A capability: its tables (migrations), routes, and event listeners. One folder under src/modules/ each. */
export interface ShorelineModule {
  readonly name: string;
  readonly migrations: readonly Migration[];
  routes?(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void;
  /** Subscriptions to domain events (platform/events/listener.ts). */
  readonly listeners?: readonly EventListener[];
  /** Subjects whose events may be pushed to a browser, and who may receive them (the read rule). */
  readonly pushSubjects?: Readonly<Record<string, (actor: Actor) => boolean>>;
}
