import type { Policy } from '../../platform/access.js';
import { notFound } from '../../platform/http/problem.js';
import type { Actor } from '../../platform/scope.js';

/**
 * The client's administrators apply contracts and run settlements; supervisors and vendor staff read
 * (vendor staff their own provider's rows only, by the tables' scope), never write.
 */
export const governPolicy = {
  'govern.manage': (actor) => actor.role === 'admin' && actor.providerId === null,
  'govern.read': (actor) => actor.role !== 'agent' || actor.providerId !== null,
} as const satisfies Policy;

export function authorizeGovern(actor: Actor, action: keyof typeof governPolicy): void {
  if (!governPolicy[action](actor)) throw notFound('contract');
}
