import type { ShorelineModule } from '../../platform/module.js';
import { csatJobs } from './jobs.js';
import { csatListener } from './listeners.js';
import { csatMigrations } from './migrations.js';
import { csatRoutes } from './routes.js';
import { csatScopedTables } from './tables.js';

// The API contract's sources (src/contract.ts): type-only.
export type * from './schemas.js';
// What the chat widget uses: the customer rates the chat where it ended.
export { answerForTicket } from './service.js';

/**
 * Customer satisfaction: a survey per solved ticket (a listener on `ticket.status_changed`), its link
 * e-mailed to an e-mail ticket's customer (a job, through mail's outbound path), answered once
 * through its token link (`/survey/<token>`, a page in the customer's language) on 1–5 or good/bad with a comment; the answer goes on the ticket's CSAT
 * columns, which Insight's KPIs read. Decision 0025.
 */
export const csatModule: ShorelineModule = {
  name: 'csat',
  migrations: csatMigrations,
  scopedTables: csatScopedTables,
  publicPaths: ['/api/csat/*', '/survey/*'],
  routes: csatRoutes,
  listeners: [csatListener],
  jobs: csatJobs,
};
