import { authorizer, organizationAdmin, organizationLead, type Policy } from '../../platform/access.js';

/**
 * Policies and calendars bind the whole organization (and, through Govern, its contracts): the
 * organization's own admins edit them, its supervisors read them. Every role reads a ticket's SLA
 * it can see (the ticket's scope), and the attainment of its scope.
 */
export const slaPolicy = {
  'sla.manage': organizationAdmin,
  'sla.read_policies': organizationLead,
  'sla.read': () => true,
} as const satisfies Policy;

export const authorizeSla = authorizer(slaPolicy, 'SLA policy');
