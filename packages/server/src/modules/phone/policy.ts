import { adminOrSupervisor, authorizer, type Policy } from '../../platform/access.js';

/**
 * Logging calls is what a telephony integration does, with an admin's or supervisor's token (vendor
 * staff for their provider's calls); connectors (webhook secrets) are admins'. Everyone reads the
 * calls in their scope.
 */
export const phonePolicy = {
  'phone.log': adminOrSupervisor,
  'phone.manage_connectors': (a) => a.role === 'admin',
  'phone.read': () => true,
} as const satisfies Policy;

export const authorizePhone = authorizer(phonePolicy, 'phone calls');
