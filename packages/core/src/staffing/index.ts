// Public surface of core/staffing. Each export cites its formula and source in its own file;
// docs/maths/staffing.md summarises the models and the semantics chosen.

export { type ChatStaffingInput, type ChatStaffingRequirement, requiredChatAgents } from './chat-staffing.js';
export {
  createDeferredBacklog,
  type DeferredBacklog,
  type DeferredInterval,
  type DeferredIntervalResult,
  type DeferredWorkConfig,
} from './deferred-work.js';
export {
  type ErlangAInput,
  type ErlangAMetrics,
  erlangAMetrics,
  SERVICE_LEVEL_DEFINITIONS,
  type ServiceLevelDefinition,
} from './erlang-a.js';
export { erlangB, logErlangB, nextErlangB } from './erlang-b.js';
export { type ErlangCInput, type ErlangCMetrics, erlangC, erlangCMetrics } from './erlang-c.js';
export { StaffingInputError } from './errors.js';
export { regularizedGammaP, regularizedGammaQ } from './incomplete-gamma.js';
export {
  type ChannelModel,
  createIntervalPlanner,
  type IntervalMinutes,
  type IntervalPlan,
  type IntervalPlanner,
  type IntervalRow,
  type PlanOptions,
  planIntervals,
} from './interval-plan.js';
export { logGamma } from './log-gamma.js';
export { normalCdf, normalPdf } from './normal-distribution.js';
export {
  createPlanTotals,
  type PlanTotals,
  type PlanTotalsAccumulator,
  type TotalsInput,
} from './plan-totals.js';
export {
  type BindingConstraint,
  type QueuePerformance,
  type RequiredAgentsInput,
  requiredAgents,
  type StaffingRequirement,
  type StaffingTargets,
  type Workload,
} from './required-agents.js';
export { SHRINKAGE_DECIMAL_PLACES, scheduledAgents } from './shrinkage.js';
export { halfinWhittBeta, halfinWhittDelayProbability, squareRootStaffing } from './square-root-staffing.js';
