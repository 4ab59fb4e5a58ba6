import type { Policy } from '../../platform/access.js';
import { notFound } from '../../platform/http/problem.js';
import type { Actor } from '../../platform/scope.js';

/**
 * Logging calls is what a telephony integration does, with an admin's or supervisor's token (vendor
 * staff for their provider's calls); connectors (webhook secrets) are admins'. Everyone reads the
 * calls in their scope.
 */
export const phonePolicy = {
  'phone.log': (a) => a.role === 'admin' || a.role === 'supervisor',
  'phone.manage_connectors': (a) => a.role === 'admin',
  'phone.read': () => true,
} as const satisfies Policy;

export function authorizePhone(actor: Actor, action: keyof typeof phonePolicy): void {
  if (!phonePolicy[action](actor)) throw notFound('phone calls');
}
