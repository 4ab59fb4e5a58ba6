import { authorizer, organizationAdmin, type Policy } from '../../platform/access.js';

/**
 * The client's administrators apply contracts and run settlements; supervisors and vendor staff read
 * (vendor staff their own provider's rows only, by the tables' scope), never write.
 */
export const governPolicy = {
  'govern.manage': organizationAdmin,
  'govern.read': (actor) => actor.role !== 'agent' || actor.providerId !== null,
} as const satisfies Policy;

export const authorizeGovern = authorizer(governPolicy, 'contract');
