import {
  authorizer,
  organizationAdmin,
  organizationLead,
  type Policy,
  useCasesOf,
} from '../../platform/access.js';

/**
 * Sourcing is the organization's own decision (decision 0021): its admins run scenarios, vendors,
 * scorecards, pilots and decisions; its supervisors read them and score vendors as evaluators.
 * Vendor staff see nothing here (no vendor sees any scorecard, price or rival), nor do agents —
 * except their own vendor's evidence files, which its admins keep up to date.
 */
export const sourcePolicy = {
  'source.manage': organizationAdmin,
  'source.read': organizationLead,
  'source.score': organizationLead,
  // Evidence files (decision 0028): the organization's admins and supervisors, and a vendor's own
  // admins and supervisors for their vendor's files only (the data layer keeps them to their provider).
  'source.evidence.read': (actor) => actor.role !== 'agent',
  'source.evidence.write': (actor) => actor.role === 'admin',
} as const satisfies Policy;

export const authorizeSource = authorizer(sourcePolicy, 'sourcing');

/** Sourcing's service functions, each behind one action of sourcePolicy. */
export const sourceUseCase = useCasesOf(authorizeSource);
