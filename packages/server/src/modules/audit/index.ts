import type { ShorelineModule } from '../../platform/module.js';
import { anchorJob } from './anchors.js';
import { registerAuditCommands } from './cli.js';
import { auditMigrations } from './migrations.js';
import { auditPolicy } from './policy.js';
import { auditRoutes } from './routes.js';
import { flushJob, nightlyFlushJob } from './service.js';
import { auditScopedTables } from './tables.js';

export type { auditPolicy } from './policy.js';
export type * from './schemas.js';
export { type AuditEntry, appendAudit, recordAuditLater, verifyAudit } from './service.js';

/**
 * The tamper-evident audit log (decision 0024): hash-chained records per organization, appended in
 * the transaction of the change they record, append-only for the application's role (a trigger),
 * checked by `shoreline audit verify`; its heads anchored outside the database every hour (anchors.ts).
 */
export const auditModule: ShorelineModule = {
  name: 'audit',
  migrations: auditMigrations,
  scopedTables: auditScopedTables,
  policy: auditPolicy,
  cli: registerAuditCommands,
  routes: auditRoutes,
  jobs: [anchorJob, flushJob, nightlyFlushJob],
};
