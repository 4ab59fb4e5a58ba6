import type { ShorelineModule } from '../../platform/module.js';
import { registerAuditCommands } from './cli.js';
import { auditMigrations } from './migrations.js';
import { auditPolicy } from './policy.js';
import { auditScopedTables } from './tables.js';

export type { auditPolicy } from './policy.js';
export { type AuditEntry, appendAudit, verifyAudit } from './service.js';

/**
 * The tamper-evident audit log (decision 0024): hash-chained records per organization, appended in
 * the transaction of the change they record, append-only for the application's role (a trigger),
 * checked by `shoreline audit verify`.
 */
export const auditModule: ShorelineModule = {
  name: 'audit',
  migrations: auditMigrations,
  scopedTables: auditScopedTables,
  policy: auditPolicy,
  cli: registerAuditCommands,
};
