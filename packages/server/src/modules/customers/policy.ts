import type { Policy } from '../../platform/access.js';

/**
 * Customers belong to the organization, not to a provider: its own staff read them all; vendor
 * staff read a customer only with a ticket of their provider (checked in service.ts).
 */
export const customersPolicy = {
  'customer.read': (_actor) => true,
} as const satisfies Policy;
