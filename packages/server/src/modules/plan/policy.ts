import { anyone, type Limits, type Policy } from '../../platform/access.js';
import { notFound } from '../../platform/http/problem.js';
import type { Actor } from '../../platform/scope.js';
import {
  MAX_SIMULATED_CONTACTS,
  MAX_SIMULATION_INTERVALS,
  MAX_SIMULATION_REPLICATIONS,
  MAX_STAFFING_INTERVALS,
} from './schemas.js';

const inHouse = (a: Actor) => a.providerId === null;

// The calculators read no tables, so every signed-in role may use them. Saved plans hold every
// provider's volume and cost: the organization's own staff read them, its supervisors and admins
// write them; vendor staff neither (the data layer hides the table from them too; decision 0033).
export const planPolicy = {
  'staffing.run': anyone,
  'simulation.run': anyone,
  'plans.read': inHouse,
  'plans.write': (a) => inHouse(a) && (a.role === 'admin' || a.role === 'supervisor'),
} as const satisfies Policy;

export type PlanAction = keyof typeof planPolicy;

export function authorizePlan(actor: Actor, action: PlanAction): void {
  if (!planPolicy[action](actor)) throw notFound('plan');
}

/** The request bounds the schemas enforce, for clients to check before sending. */
export const planLimits = () =>
  ({
    staffingIntervals: MAX_STAFFING_INTERVALS,
    simulationIntervals: MAX_SIMULATION_INTERVALS,
    simulationReplications: MAX_SIMULATION_REPLICATIONS,
    simulatedContacts: MAX_SIMULATED_CONTACTS,
  }) as const satisfies Limits;
