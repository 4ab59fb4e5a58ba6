// The calculator's maths, apart from React so that a big one can run in the Plan worker: the fewest
// agents for one interval (core's requiredAgents) and the service level around that answer.
import {
  erlangAMetrics,
  erlangCMetrics,
  requiredAgents,
  StaffingInputError,
  type StaffingRequirement,
} from '@shoreline/core/staffing/index';

export interface CalcParams {
  volume: number;
  intervalSec: number;
  ahtSec: number;
  shrinkage: number;
  patienceSec?: number | undefined;
  slTarget: number;
  withinSec: number;
  maxOccupancy: number;
  asaSec?: number | undefined;
  abandonRate?: number | undefined;
}

export interface CurvePoint {
  agents: number;
  serviceLevel: number;
}

export type CalcOutcome =
  | { ok: true; requirement: StaffingRequirement; curve: CurvePoint[] }
  | { ok: false; field: string };

/** Agents around the answer on the SL chart: n−3 … n+5. */
const CURVE_BELOW = 3;
const CURVE_ABOVE = 5;

/**
 * Offered load (Erlangs) above which the page computes in the worker and says "computing…": the
 * search grows with the agents needed (10 million contacts of 24 h each took 31 s on one thread).
 */
export const WORKER_LOAD_ERLANGS = 5_000;

export const offeredLoadOf = (p: CalcParams): number => (p.volume * p.ahtSec) / p.intervalSec;

export function computeCalculation(p: CalcParams): CalcOutcome {
  try {
    const requirement = requiredAgents({
      volume: p.volume,
      intervalSec: p.intervalSec,
      ahtSec: p.ahtSec,
      shrinkage: p.shrinkage,
      ...(p.patienceSec !== undefined && { patienceSec: p.patienceSec }),
      targets: {
        serviceLevel: { fraction: p.slTarget, withinSec: p.withinSec },
        maxOccupancy: p.maxOccupancy,
        ...(p.asaSec !== undefined && { maxAverageSpeedOfAnswerSec: p.asaSec }),
        ...(p.abandonRate !== undefined && { maxAbandonRate: p.abandonRate }),
      },
    });
    const curve: CurvePoint[] = [];
    if (requirement.rawAgents > 0) {
      const from = Math.max(1, requirement.rawAgents - CURVE_BELOW);
      for (let agents = from; agents <= requirement.rawAgents + CURVE_ABOVE; agents++) {
        const shared = {
          agents,
          offeredLoad: requirement.offeredLoad,
          ahtSec: p.ahtSec,
          targetAnswerSec: p.withinSec,
        };
        const serviceLevel =
          p.patienceSec !== undefined
            ? erlangAMetrics({ ...shared, patienceSec: p.patienceSec }).serviceLevel
            : erlangCMetrics(shared).serviceLevel;
        curve.push({ agents, serviceLevel });
      }
    }
    return { ok: true, requirement, curve };
  } catch (error) {
    if (!(error instanceof StaffingInputError)) throw error;
    return { ok: false, field: error.field };
  }
}
