import type { Policy } from '../../platform/access.js';
import { notFound } from '../../platform/http/problem.js';
import type { Actor } from '../../platform/scope.js';

/**
 * Routing rules bind the whole organization: its own admins write them, its supervisors read them
 * and replay them. Every role sees why a ticket it can see was routed (the ticket's scope).
 */
export const routingPolicy = {
  'routing.manage': (a) => a.role === 'admin' && a.providerId === null,
  'routing.read_rules': (a) => a.providerId === null && a.role !== 'agent',
  'routing.read_decision': () => true,
} as const satisfies Policy;

export function authorizeRouting(actor: Actor, action: keyof typeof routingPolicy): void {
  if (!routingPolicy[action](actor)) throw notFound('routing rules');
}
