import type { Policy } from '../../platform/access.js';
import { notFound } from '../../platform/http/problem.js';
import type { Actor } from '../../platform/scope.js';

/** Ingesting is an integration's work (admins' and supervisors' tokens); every role replies to tickets it sees. */
export const socialPolicy = {
  'social.ingest': (a) => a.role === 'admin' || a.role === 'supervisor',
  'social.reply': () => true,
} as const satisfies Policy;

export function authorizeSocial(actor: Actor, action: keyof typeof socialPolicy): void {
  if (!socialPolicy[action](actor)) throw notFound('social posts');
}
