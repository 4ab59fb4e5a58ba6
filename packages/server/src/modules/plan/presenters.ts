import type { z } from '@hono/zod-openapi';
import type { SimulationResult } from '@shoreline/core/simulation/index';
import type { StaffingTotals } from './row-planner.js';
import type {
  IntervalStaffing,
  SimulationResponse,
  StaffingColumns,
  StaffingResponse,
  StaffingTotals as StaffingTotalsSchema,
} from './schemas.js';
import type { PlannedInterval, StaffingPlan } from './service.js';

export function presentInterval({ start, model, plan }: PlannedInterval): z.infer<typeof IntervalStaffing> {
  return {
    start,
    intervalMin: plan.intervalMin,
    volume: plan.volume,
    ahtSec: plan.ahtSec,
    offeredLoad: plan.offeredLoad,
    model,
    requiredAgents: plan.requiredAgents,
    rawAgents: plan.rawAgents,
    scheduledAgents: plan.scheduledAgents,
    atMinimum: plan.atMinimum,
    binding: plan.binding,
    serviceLevel: plan.serviceLevel,
    probabilityOfWait: plan.probabilityOfWait,
    asaSec: plan.averageSpeedOfAnswerSec,
    probabilityOfAbandon: plan.probabilityOfAbandon,
    occupancy: plan.occupancy,
    night: start === null ? false : plan.night,
    open: plan.open,
  };
}

export function presentTotals(t: StaffingTotals): z.infer<typeof StaffingTotalsSchema> {
  return {
    intervals: t.intervals,
    openIntervals: t.openIntervals,
    nightIntervals: t.nightIntervals,
    intervalsAtMinimum: t.intervalsAtMinimum,
    volume: t.volume,
    rawAgentHours: t.rawAgentHours,
    scheduledAgentHours: t.scheduledAgentHours,
    fte: t.fte,
    paidHoursPerFte: t.paidHoursPerFte,
    spanHours: t.spanHours,
    peakRawAgents: t.peakRawAgents,
    peakScheduledAgents: t.peakScheduledAgents,
    expectedServiceLevel: t.expectedServiceLevel,
    expectedAbandoned: t.expectedAbandoned,
  };
}

function presentColumns(intervals: readonly PlannedInterval[]): z.infer<typeof StaffingColumns> {
  const column = <T>(pick: (i: PlannedInterval) => T) => intervals.map(pick);
  return {
    start: column((i) => i.start),
    volume: column((i) => i.plan.volume),
    rawAgents: column((i) => i.plan.rawAgents),
    scheduledAgents: column((i) => i.plan.scheduledAgents),
    serviceLevel: column((i) => i.plan.serviceLevel),
    occupancy: column((i) => i.plan.occupancy),
    asaSec: column((i) => i.plan.averageSpeedOfAnswerSec),
    probabilityOfAbandon: column((i) => i.plan.probabilityOfAbandon),
  };
}

export function presentStaffingPlan(
  plan: StaffingPlan,
  output: 'rows' | 'columns' | 'totals',
): z.infer<typeof StaffingResponse> {
  const totals = presentTotals(plan.totals);
  if (output === 'columns') return { output, columns: presentColumns(plan.intervals), totals };
  if (output === 'totals') return { output, totals };
  return { output, intervals: plan.intervals.map(presentInterval), totals };
}

/** The simulation result without per-contact records (never collected here). */
export function presentSimulation(result: SimulationResult): z.infer<typeof SimulationResponse> {
  const { contacts: _contacts, ...rest } = result;
  return rest;
}
