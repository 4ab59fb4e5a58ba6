import type { Policy } from '../../platform/access.js';
import { notFound } from '../../platform/http/problem.js';
import type { Actor } from '../../platform/scope.js';

/**
 * Policies and calendars bind the whole organization (and, through Govern, its contracts): the
 * organization's own admins edit them, its supervisors read them. Every role reads a ticket's SLA
 * it can see (the ticket's scope), and the attainment of its scope.
 */
export const slaPolicy = {
  'sla.manage': (actor) => actor.role === 'admin' && actor.providerId === null,
  'sla.read_policies': (actor) => actor.providerId === null && actor.role !== 'agent',
  'sla.read': () => true,
} as const satisfies Policy;

export function authorizeSla(actor: Actor, action: keyof typeof slaPolicy): void {
  if (!slaPolicy[action](actor)) throw notFound('SLA policy');
}
