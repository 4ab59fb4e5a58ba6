import { AppError } from '../../platform/http/problem.js';
import { presentSimulation, presentStaffingPlan } from './presenters.js';
import { PlanBuildError, preparePlan } from './saved/build.js';
import type { SavedPlanInput } from './saved/schemas.js';
import type { SimulationRequest, StaffingRequest } from './schemas.js';
import { planStaffing, runSimulation } from './service.js';

export type PlanKind = 'staffing' | 'simulation' | 'plan-prepare';

/**
 * One calculation, as the JSON text the API answers: what a request computes inline and what a
 * worker thread computes for a job. Throws AppError for input core rejects.
 */
export function computePlan(kind: PlanKind, body: unknown): string {
  if (kind === 'plan-prepare') {
    try {
      return JSON.stringify(preparePlan(body as SavedPlanInput));
    } catch (err) {
      if (err instanceof PlanBuildError) throw new AppError('validation_failed', err.message);
      throw err;
    }
  }
  if (kind === 'staffing') {
    const request = body as StaffingRequest;
    return JSON.stringify(presentStaffingPlan(planStaffing(request), request.output));
  }
  return JSON.stringify(presentSimulation(runSimulation(body as SimulationRequest)));
}
