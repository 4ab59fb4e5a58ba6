import { DurationSampler } from './distributions.js';
import type { Scenario } from './scenario.js';

/** A replayed trace of one skill, sorted by arrival; NaN means "draw from the skill's distribution". */
export interface CompiledTrace {
  arrivalSec: Float64Array;
  serviceSec: Float64Array;
  patienceSec: Float64Array;
}

/** A validated scenario turned into indices and typed arrays for the engine's hot path. */
export interface SimulationModel {
  intervalLengthSec: number;
  intervalCount: number;
  horizonSec: number;
  warmupIntervals: number;
  drain: boolean;
  thresholdSec: number;
  skillIds: string[];
  groupIds: string[];
  service: DurationSampler[];
  patience: DurationSampler[];
  /** Poisson rate per second in each interval, per skill (null for a trace). */
  arrivalRatePerSec: (Float64Array | null)[];
  trace: (CompiledTrace | null)[];
  /** Per skill, the wait (s) after which each routing stage opens. */
  stageAfterSec: Float64Array[];
  /** Per skill and stage, the group indices of that stage, in the order listed. */
  stageGroups: Int32Array[][];
  /** Per group, the skills routed to it. */
  groupSkills: Int32Array[];
  /** Per group, the wait after which it may answer each skill of `groupSkills` (same order). */
  groupSkillAfterSec: Float64Array[];
  /** Per group, on-queue agents in each interval. */
  agentsPerInterval: Int32Array[];
}

function perInterval(values: number[], count: number): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = values.length === 1 ? values[0]! : values[i]!;
  return out;
}

function compileTrace(calls: Scenario['skills'][number]['arrivals'] & { kind: 'trace' }): CompiledTrace {
  const order = calls.calls
    .map((_, i) => i)
    .sort((a, b) => calls.calls[a]!.arrivalSec - calls.calls[b]!.arrivalSec);
  const trace = {
    arrivalSec: new Float64Array(order.length),
    serviceSec: new Float64Array(order.length),
    patienceSec: new Float64Array(order.length),
  };
  order.forEach((callIndex, i) => {
    const call = calls.calls[callIndex]!;
    trace.arrivalSec[i] = call.arrivalSec;
    trace.serviceSec[i] = call.serviceSec ?? Number.NaN;
    trace.patienceSec[i] = call.patienceSec ?? Number.NaN;
  });
  return trace;
}

/** Compiles a scenario already checked by `validateScenario`. */
export function compileScenario(scenario: Scenario): SimulationModel {
  const { lengthSec, count } = scenario.intervals;
  const groupIndex = new Map(scenario.groups.map((g, i) => [g.id, i]));
  const stageAfterSec: Float64Array[] = [];
  const stageGroups: Int32Array[][] = [];
  const routedSkills: number[][] = scenario.groups.map(() => []);
  const routedAfter: number[][] = scenario.groups.map(() => []);
  scenario.skills.forEach((skill, s) => {
    const stages = skill.routing ?? [
      { afterSec: 0, groups: scenario.groups.filter((g) => g.skills.includes(skill.id)).map((g) => g.id) },
    ];
    stageAfterSec.push(Float64Array.from(stages, (stage) => stage.afterSec));
    stageGroups.push(stages.map((stage) => Int32Array.from(stage.groups, (id) => groupIndex.get(id)!)));
    for (const stage of stages)
      for (const id of stage.groups) {
        const g = groupIndex.get(id)!;
        routedSkills[g]!.push(s);
        routedAfter[g]!.push(stage.afterSec);
      }
  });
  return {
    intervalLengthSec: lengthSec,
    intervalCount: count,
    horizonSec: lengthSec * count,
    warmupIntervals: scenario.warmupIntervals ?? 0,
    drain: scenario.drain ?? true,
    thresholdSec: scenario.serviceLevelThresholdSec,
    skillIds: scenario.skills.map((s) => s.id),
    groupIds: scenario.groups.map((g) => g.id),
    service: scenario.skills.map((s) => DurationSampler.from(s.service)),
    patience: scenario.skills.map((s) => DurationSampler.from(s.patience)),
    arrivalRatePerSec: scenario.skills.map((s) =>
      s.arrivals.kind === 'poisson'
        ? perInterval(s.arrivals.callsPerInterval, count).map((n) => n / lengthSec)
        : null,
    ),
    trace: scenario.skills.map((s) => (s.arrivals.kind === 'trace' ? compileTrace(s.arrivals) : null)),
    stageAfterSec,
    stageGroups,
    groupSkills: routedSkills.map((skills) => Int32Array.from(skills)),
    groupSkillAfterSec: routedAfter.map((after) => Float64Array.from(after)),
    agentsPerInterval: scenario.groups.map((g) => Int32Array.from(perInterval(g.agentsPerInterval, count))),
  };
}
