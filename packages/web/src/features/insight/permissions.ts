import type { Me } from '../../lib/types';

/** Imports and provider mappings: admins and supervisors of the organization, not agents or vendor staff. */
export function canManageImports(me: Me): boolean {
  return me.providerId === null && me.role !== 'agent';
}
