import type { ShorelineModule } from '../../platform/module.js';
import { webhookListener } from './listeners.js';
import { webhookMigrations } from './migrations.js';
import { mayManageWebhooks } from './policy.js';
import { endpointRoutes } from './routes/endpoints.js';
import { webhookScopedTables } from './tables.js';

export { deliverDueWebhooks } from './deliver.js';
export { verifySignature } from './signature.js';

/** Webhooks: signed deliveries of domain events to external URLs, retried, with a delivery log. */
export const webhooksModule: ShorelineModule = {
  name: 'webhooks',
  migrations: webhookMigrations,
  scopedTables: webhookScopedTables,
  routes: endpointRoutes,
  listeners: [webhookListener],
  pushSubjects: { webhook_endpoint: mayManageWebhooks },
};
