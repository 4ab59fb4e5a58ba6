import type { Policy } from '../../platform/access.js';

/**
 * Customers belong to the organization, not to a provider: its own staff read them; vendor staff
 * see the requester on their own tickets only (a per-provider customer view is still to come).
 */
export const customersPolicy = {
  'customer.read': (actor) => actor.providerId === null,
} as const satisfies Policy;
