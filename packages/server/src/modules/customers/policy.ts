import type { Policy } from '../../platform/access.js';

/** Every signed-in role reads customers of the tickets it sees; admins and supervisors edit them. */
export const customersPolicy = {
  'customer.read': () => true,
  'customer.write': (actor) => actor.role === 'admin' || actor.role === 'supervisor',
} as const satisfies Policy;
