import { presentSimulation, presentStaffingPlan } from './presenters.js';
import type { SimulationRequest, StaffingRequest } from './schemas.js';
import { planStaffing, runSimulation } from './service.js';

export type PlanKind = 'staffing' | 'simulation';

/**
 * One calculation, as the JSON text the API answers: what a request computes inline and what a
 * worker thread computes for a job. Throws AppError for input core rejects.
 */
export function computePlan(kind: PlanKind, body: unknown): string {
  if (kind === 'staffing') {
    const request = body as StaffingRequest;
    return JSON.stringify(presentStaffingPlan(planStaffing(request), request.output));
  }
  return JSON.stringify(presentSimulation(runSimulation(body as SimulationRequest)));
}
