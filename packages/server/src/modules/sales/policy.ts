import { adminOrSupervisor, authorizer, type Policy } from '../../platform/access.js';

/**
 * Anyone who answers customers may hand a conversation to sales (vendor agents included: that is
 * what the attribution is for). The outcome comes from the CRM through an in-house admin's or
 * supervisor's token; leads and their report are read by supervisors and admins, vendor staff
 * within their provider.
 */
export const salesPolicy = {
  'sales.hand_off': () => true,
  'sales.record_outcome': (a) => a.providerId === null && (a.role === 'admin' || a.role === 'supervisor'),
  'sales.read': adminOrSupervisor,
} as const satisfies Policy;

export const authorizeSales = authorizer(salesPolicy, 'lead');
