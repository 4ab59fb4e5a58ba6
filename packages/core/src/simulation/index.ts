// Public surface of core/simulation. Each export cites its formula and source in its own file.
export type { BankCallRow, BankTrace, BankTraceCall } from './bank-trace.js';
export { bankTraceFromRows } from './bank-trace.js';
export type { ContactRecord } from './counters.js';
export type { DurationDistribution, PatienceDistribution } from './distributions.js';
export { DurationSampler } from './distributions.js';
export type { PeriodMetrics } from './metrics.js';
export { Xoshiro128 } from './rng.js';
export type {
  AgentGroupSpec,
  ArrivalSpec,
  RoutingStage,
  Scenario,
  SkillSpec,
  TraceCall,
} from './scenario.js';
export type { IntervalResult, SimulateOptions, SimulationResult } from './simulate.js';
export { simulate } from './simulate.js';
export type { Estimate } from './statistics.js';
export { studentT975 } from './statistics.js';
export type { ScenarioError } from './validate.js';
export { assertValidScenario, validateScenario } from './validate.js';
