import type { Scenario } from '@shoreline/core/simulation/index';
import type { SimulationRequest, StaffingRequest } from './schemas.js';
import { simulatedContacts } from './service.js';

// Work is bounded by what it costs, not by the body's size: three intervals of 10 million contacts
// with a day-long handle time are a small body and hours of Erlang arithmetic. Estimates are in
// microseconds of one core, from timings of core's planner and simulator on the 2-core reference
// machine (docs/decisions/0007-job-queue.md): per interval ≈ 200 µs (planning and presenting a
// row), per unit of offered load ≈ 0.03 µs with Erlang C and ≈ 6× that with Erlang A (patience),
// per simulated contact ≈ 0.5 µs.
const US_PER_INTERVAL = 200;
const US_PER_ERLANG = 0.03;
const ERLANG_A_FACTOR = 6;
const US_PER_SIMULATED_CONTACT = 0.5;

/** At most this much is computed inside the request (on the event loop); more becomes a job. */
export const INLINE_COST_US = 20_000;
/** Nothing above this is accepted (a minute of one core, at the estimate). */
export const MAX_COST_US = 60_000_000;

/** Estimated microseconds to plan every interval of a staffing request. */
export function staffingCostUs(body: StaffingRequest): number {
  let total = 0;
  const erlang = (volume: number, ahtSec: number, intervalMin: number, patience: boolean) =>
    US_PER_INTERVAL +
    ((volume * ahtSec) / (intervalMin * 60)) * US_PER_ERLANG * (patience ? ERLANG_A_FACTOR : 1);
  if (body.intervals) {
    for (const i of body.intervals)
      total += erlang(
        i.volume,
        i.ahtSec,
        i.intervalMin ?? body.intervalMin,
        (i.patienceSec ?? body.patienceSec) !== undefined,
      );
    return total;
  }
  const s = body.series!;
  const patience = body.patienceSec !== undefined;
  for (let k = 0; k < s.volume.length; k++) {
    const aht = typeof s.ahtSec === 'number' ? s.ahtSec : (s.ahtSec[k] ?? 0);
    total += erlang(s.volume[k]!, aht, s.intervalMin, patience);
  }
  return total;
}

/** Estimated microseconds to run a (validated) simulation scenario. */
export function simulationCostUs(body: SimulationRequest): number {
  return simulatedContacts(body as unknown as Scenario) * US_PER_SIMULATED_CONTACT;
}

/** The wall-clock budget of a job of this estimated cost: generous (a busy machine), bounded. */
export function timeBudgetMs(costUs: number): number {
  return Math.min(300_000, Math.max(30_000, Math.ceil((costUs / 1000) * 4)));
}
