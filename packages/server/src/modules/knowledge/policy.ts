import { type Policy, policyGuard } from '../../platform/access.js';
import type { Actor } from '../../platform/scope.js';

const inHouse = (a: Actor) => a.providerId === null;
const supervising = (a: Actor) => a.role === 'admin' || a.role === 'supervisor';

/**
 * Who may do what with the knowledge base; a refusal answers 404 like a missing record. Vendor
 * staff's writing also depends on the organization's settings (`vendor_may_draft`,
 * `vendor_may_publish`), which the service checks on top of these rules.
 */
export const knowledgePolicy = {
  /** Every member of staff reads the knowledge base, internal articles included. */
  'knowledge.read': () => true,
  /** Write drafts and submit them for review: in-house staff; vendor staff when allowed. */
  'knowledge.draft': () => true,
  /** Publish a version: in-house supervisors and admins; vendor supervisors and admins when allowed. */
  'knowledge.publish': supervising,
  /** Settings, categories, sections, import and export: the organization's own admins. */
  'knowledge.manage': (a) => inHouse(a) && a.role === 'admin',
  /** Deflection figures: the organization's supervisors and admins. */
  'knowledge.insight': (a) => inHouse(a) && supervising(a),
} as const satisfies Policy;

export type KnowledgeAction = keyof typeof knowledgePolicy;

export const { can, authorize } = policyGuard(knowledgePolicy);
