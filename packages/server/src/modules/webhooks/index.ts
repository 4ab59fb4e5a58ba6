import type { ShorelineModule } from '../../platform/module.js';
import { webhookListener } from './listeners.js';
import { webhookMigrations } from './migrations.js';
import { mayManageWebhooks, webhooksPolicy } from './policy.js';

export type { webhooksPolicy } from './policy.js';
// The API contract's sources (src/contract.ts): type-only, erased from the web app's bundle.
export type * from './schemas.js';

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
  policy: webhooksPolicy,
  pushSubjects: { webhook_endpoint: mayManageWebhooks },
};
