import type { ShorelineModule } from '../../platform/module.js';
import { customerMigrations } from './migrations.js';
import { customersPolicy } from './policy.js';
import { customerRoutes } from './routes.js';
import { customerScopedTables } from './tables.js';

export type { customersPolicy } from './policy.js';
// The API contract's sources (src/contract.ts): type-only, erased from the web app's bundle.
export type * from './schemas.js';

/** Customers: contacts with several identities (e-mails, phones, handles), language and country. */
export const customersModule: ShorelineModule = {
  name: 'customers',
  migrations: customerMigrations,
  scopedTables: customerScopedTables,
  policy: customersPolicy,
  routes: customerRoutes,
};

export { findOrCreateCustomer, normaliseIdentity } from './service.js';
