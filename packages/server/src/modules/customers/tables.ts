import type { Timestamp } from '../../platform/db/columns.js';
import { scopedTables } from '../../platform/scope.js';

/** A person who contacts the organization, however many addresses and numbers they use. */
export interface CustomersTable {
  /** `cus_…` */
  id: string;
  organization_id: string;
  name: string | null;
  /** BCP 47 language (`tr`, `he`…), for replies and signatures; null when unknown. */
  language: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type IdentityKind = 'email' | 'phone' | 'handle';

/** One way to reach a customer; unique per organization, so mail from an address finds its customer. */
export interface CustomerIdentitiesTable {
  organization_id: string;
  customer_id: string;
  kind: IdentityKind;
  /** Normalised: e-mail lower case, phone digits with a leading +, handle as given (`@name@network`). */
  value: string;
  created_at: Timestamp;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    customers: CustomersTable;
    customer_identities: CustomerIdentitiesTable;
  }
}

/**
 * Customers belong to the organization, not to a provider: vendor staff reach one only through a
 * ticket of their own provider (service.ts), never by listing.
 */
export const customerScopedTables = scopedTables({
  customers: null,
  customer_identities: null,
});
