import { organizationAdmin, type Policy } from '../../platform/access.js';
import { notFound } from '../../platform/http/problem.js';
import type { Actor } from '../../platform/scope.js';

/** Webhooks send the whole organization's events out: the organization's own admins only. */
export const webhooksPolicy = {
  'webhook.manage': organizationAdmin,
} as const satisfies Policy;

export function mayManageWebhooks(actor: Actor): boolean {
  return webhooksPolicy['webhook.manage'](actor);
}

export function authorizeWebhooks(actor: Actor): void {
  if (!mayManageWebhooks(actor)) throw notFound('webhook endpoint');
}
