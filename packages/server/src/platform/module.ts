import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/connect.js';
import type { Migration } from './db/migrate.js';
import type { DB } from './db/schema.js';
import type { AppEnv } from './http/env.js';
import type { Mailer } from './mail/mailer.js';

/** What the platform hands a module when wiring it. Only identity's auth routes touch `db` directly. */
export interface ModuleContext {
  readonly database: Database;
  readonly db: Kysely<DB>;
  readonly config: Config;
  readonly clock: Clock;
  /** Outgoing mail; identity falls back to the outbox table (platform/mail) when none is given. */
  readonly mailer?: Mailer;
}

/** A capability: its tables (migrations) and its routes. One folder under src/modules/ each. */
export interface ShorelineModule {
  readonly name: string;
  readonly migrations: readonly Migration[];
  routes?(app: OpenAPIHono<AppEnv>, ctx: ModuleContext): void;
}
