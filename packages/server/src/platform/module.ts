import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Access, Limits, Policy } from './access.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/connect.js';
import type { Migration } from './db/migrate.js';
import type { DB } from './db/schema.js';
import type { AppEnv } from './http/env.js';

/** What the platform hands a module when wiring it. Only identity's auth routes touch `db` directly. */
export interface ModuleContext {
  readonly database: Database;
  readonly db: Kysely<DB>;
  readonly config: Config;
  readonly clock: Clock;
}

/** What routes get besides the context: access across all modules (for `/api/me`). */
export interface RouteContext extends ModuleContext {
  readonly access: Access;
}

/** A capability: its tables (migrations), its routes, who may do what, and its input bounds. */
export interface ShorelineModule {
  readonly name: string;
  readonly migrations: readonly Migration[];
  /** Each action the module guards and who may take it; the services authorize with the same rules. */
  readonly policy?: Policy;
  /** Input bounds under the running configuration, reported to clients by `/api/me`. */
  limits?(config: Config): Limits;
  routes?(app: OpenAPIHono<AppEnv>, ctx: RouteContext): void;
}
