import { authorizer, organizationAdmin, type Policy } from '../../platform/access.js';
import type { Actor } from '../../platform/scope.js';

/** Webhooks send the whole organization's events out: the organization's own admins only. */
export const webhooksPolicy = {
  'webhook.manage': organizationAdmin,
} as const satisfies Policy;

export function mayManageWebhooks(actor: Actor): boolean {
  return webhooksPolicy['webhook.manage'](actor);
}

export const authorizeWebhooks = authorizer(webhooksPolicy, 'webhook endpoint');
