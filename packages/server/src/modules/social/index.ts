import type { ShorelineModule } from '../../platform/module.js';
import { socialMigrations } from './migrations.js';
import { socialPolicy } from './policy.js';
import { socialRoutes } from './routes.js';
import { socialScopedTables } from './tables.js';

export { type OutgoingReply, type SocialConnector, TestSocialConnector } from './connectors.js';
export type { socialPolicy } from './policy.js';
export { socialConnectorsSlot } from './routes.js';
// The API contract's sources (src/contract.ts): type-only.
export type * from './schemas.js';

/**
 * Social and other channels: posts and direct messages ingested with their reply links, threads
 * rebuilt live into routed `social` tickets, agents' replies sent through a connector per network
 * (a test connector in the repository). Decision 0025.
 */
export const socialModule: ShorelineModule = {
  name: 'social',
  migrations: socialMigrations,
  scopedTables: socialScopedTables,
  policy: socialPolicy,
  routes: socialRoutes,
};
