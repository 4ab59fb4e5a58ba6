import { authorizer, organizationAdmin, organizationLead, type Policy } from '../../platform/access.js';

/**
 * Routing rules bind the whole organization: its own admins write them, its supervisors read them
 * and replay them. Every role sees why a ticket it can see was routed (the ticket's scope).
 */
export const routingPolicy = {
  'routing.manage': organizationAdmin,
  'routing.read_rules': organizationLead,
  'routing.read_decision': () => true,
} as const satisfies Policy;

export const authorizeRouting = authorizer(routingPolicy, 'routing rules');
