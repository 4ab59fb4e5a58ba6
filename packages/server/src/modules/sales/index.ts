import type { ShorelineModule } from '../../platform/module.js';
import { salesMigrations } from './migrations.js';
import { salesPolicy } from './policy.js';
import { salesRoutes } from './routes.js';
import { salesScopedTables } from './tables.js';

export type { salesPolicy } from './policy.js';
// The API contract's sources (src/contract.ts): type-only.
export type * from './schemas.js';

/**
 * Sales handoff: an agent hands a conversation to sales as a lead (contact, interest, estimated
 * value, and the agent, team, provider, channel and language that raised it); webhooks carry
 * `lead.created` to the CRM and its outcome comes back by API (`lead.closed`); the leads report
 * attributes conversion and won revenue. Decision 0040.
 */
export const salesModule: ShorelineModule = {
  name: 'sales',
  migrations: salesMigrations,
  scopedTables: salesScopedTables,
  policy: salesPolicy,
  routes: salesRoutes,
};
