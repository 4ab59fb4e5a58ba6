import type { Policy } from '../../platform/access.js';
import { notFound } from '../../platform/http/problem.js';
import type { Actor } from '../../platform/scope.js';

/**
 * Sourcing is the organization's own decision (decision 0021): its admins run scenarios, vendors,
 * scorecards, pilots and decisions; its supervisors read them and score vendors as evaluators.
 * Vendor staff see nothing here (no vendor sees any scorecard, price or rival), nor do agents —
 * except their own vendor's evidence files, which its admins keep up to date.
 */
export const sourcePolicy = {
  'source.manage': (actor) => actor.role === 'admin' && actor.providerId === null,
  'source.read': (actor) => actor.providerId === null && actor.role !== 'agent',
  'source.score': (actor) => actor.providerId === null && actor.role !== 'agent',
  // Evidence files (decision 0028): the organization's admins and supervisors, and a vendor's own
  // admins and supervisors for their vendor's files only (the data layer keeps them to their provider).
  'source.evidence.read': (actor) => actor.role !== 'agent',
  'source.evidence.write': (actor) => actor.role === 'admin',
} as const satisfies Policy;

export function authorizeSource(actor: Actor, action: keyof typeof sourcePolicy): void {
  if (!sourcePolicy[action](actor)) throw notFound('sourcing');
}
