import type { ShorelineModule } from '../../platform/module.js';
import { registerSourceCommands } from './cli.js';
import { evidenceExpiryJob } from './jobs.js';
import { sourceMigrations } from './migrations.js';
import { sourcePolicy } from './policy.js';
import { sourceRoutes } from './routes.js';
import { sourceScopedTables } from './tables.js';

export type { sourcePolicy } from './policy.js';
// The API contract's sources (src/contract.ts): type-only, erased from the web app's bundle.
export type * from './schemas.js';

/**
 * Source: is outsourcing right for us, what would it cost, which vendor. Readiness from Insight's
 * evidence, cost per contact and per resolution at equal service level (Plan's staffing engine, core
 * `source/`), vendor profiles, weighted scorecards with several evaluators, pilots as experiments,
 * versioned decision records. The organization's own: vendor staff see none of it. Decision 0021.
 */
export const sourceModule: ShorelineModule = {
  name: 'source',
  migrations: sourceMigrations,
  scopedTables: sourceScopedTables,
  policy: sourcePolicy,
  routes: sourceRoutes,
  // Expiry reminders for evidence files (decision 0028).
  jobs: [evidenceExpiryJob],
  cli: registerSourceCommands,
};
