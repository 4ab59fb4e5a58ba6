import type { Policy } from '../access.js';

/** Admins watch the queue; vendor admins see their provider's jobs only (the scope does that). */
export const jobsPolicy = {
  'job.read': (actor) => actor.role === 'admin',
} as const satisfies Policy;
