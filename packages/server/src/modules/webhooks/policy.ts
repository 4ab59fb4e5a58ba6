import { notFound } from '../../platform/http/problem.js';
import type { Actor } from '../../platform/scope.js';

/** Webhooks send the whole organization's events out: the organization's own admins only. */
export function mayManageWebhooks(actor: Actor): boolean {
  return actor.role === 'admin' && actor.providerId === null;
}

export function authorizeWebhooks(actor: Actor): void {
  if (!mayManageWebhooks(actor)) throw notFound('webhook endpoint');
}
