import { organizationAdmin, type Policy } from '../../platform/access.js';
import { notFound } from '../../platform/http/problem.js';
import type { Actor } from '../../platform/scope.js';

/**
 * Mailboxes, raw inbound mail and the outbound log are the organization's admins'; attachments are
 * read by whoever sees their ticket (scoped by its provider).
 */
export const mailPolicy = {
  'mail.manage': organizationAdmin,
  'mail.attachment.read': () => true,
} as const satisfies Policy;

export function mayManageMail(actor: Actor): boolean {
  return mailPolicy['mail.manage'](actor);
}

export function authorizeMail(actor: Actor): void {
  if (!mayManageMail(actor)) throw notFound('mailbox');
}
