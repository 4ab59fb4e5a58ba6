import type { Policy } from '../../platform/access.js';

/** Reading and verifying the audit log is for administrators (decision 0024). */
export const auditPolicy = {
  'audit.read': (actor) => actor.role === 'admin' && actor.providerId === null,
} satisfies Policy;
