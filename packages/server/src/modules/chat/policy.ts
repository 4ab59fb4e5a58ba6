import type { Policy } from '../../platform/access.js';
import { notFound } from '../../platform/http/problem.js';
import type { Actor } from '../../platform/scope.js';

/** Admins install widgets; every role reads the chats of tickets it sees and types into them. */
export const chatPolicy = {
  'chat.manage_widgets': (a) => a.role === 'admin' && a.providerId === null,
  'chat.read': () => true,
  'chat.type': () => true,
} as const satisfies Policy;

export function authorizeChat(actor: Actor, action: keyof typeof chatPolicy): void {
  if (!chatPolicy[action](actor)) throw notFound('chat');
}
