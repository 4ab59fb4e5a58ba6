import { type Policy, policyGuard } from '../../platform/access.js';
import type { Actor } from '../../platform/scope.js';

// Who may do what. A refusal answers 404 like a missing record: callers learn nothing about
// what exists outside their reach. `/api/me` reports this same table to the web app.

const admin = (a: Actor) => a.role === 'admin';
const adminOrSupervisor = (a: Actor) => a.role === 'admin' || a.role === 'supervisor';

export const identityPolicy = {
  'provider.write': (a) => admin(a) && a.providerId === null,
  'team.write': admin,
  'user.read': adminOrSupervisor,
  'user.write': admin,
  /** Inviting hands out a role: the same people who may change roles. */
  'user.invite': admin,
  'settings.read': adminOrSupervisor,
} as const satisfies Policy;

export type Action = keyof typeof identityPolicy;

export const { can, authorize } = policyGuard(identityPolicy);
