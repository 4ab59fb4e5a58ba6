import { type Policy, policyGuard } from '../../platform/access.js';
import type { Actor } from '../../platform/scope.js';

const supervising = (a: Actor) => a.role === 'admin' || a.role === 'supervisor';

/** Who may do what in the Desk; a refusal answers 404 like a missing record. */
export const deskPolicy = {
  /** The inbox: every role works tickets. */
  'desk.work': () => true,
  /** The "all" view: every open ticket in reach, for those who oversee the queues. */
  'desk.view_all': supervising,
  /** The organization's scripts: its own supervisors and admins write them. */
  'macro.write': (a) => supervising(a) && a.providerId === null,
} as const satisfies Policy;

export type DeskAction = keyof typeof deskPolicy;

export const { can, authorize } = policyGuard(deskPolicy);
