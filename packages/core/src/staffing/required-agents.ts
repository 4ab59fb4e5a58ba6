// Inverse staffing: the fewest productive agents meeting every target, then shrinkage.
// Semantics from FORMULAS.md §2 (Erlang C), §3 (start point) and §4 (Erlang A).

import { erlangAMetricsUnchecked, type ServiceLevelDefinition } from './erlang-a.js';
import { erlangBUnchecked, nextErlangB } from './erlang-b.js';
import { erlangCFromB, erlangCMetricsFromB } from './erlang-c.js';
import { StaffingInputError } from './errors.js';
import { ceilOfRatio, clearOfIntegers, floorOfRatio } from './exact-decimal.js';
import { scheduledAgents } from './shrinkage.js';
import { estimateErlangCAgents } from './staffing-estimate.js';
import {
  requireFractionBelowOne,
  requireFractionUpToOne,
  requireNonNegative,
  requirePositive,
} from './validate.js';

/** What the staffing must achieve. Every target given must hold; omitted targets do not constrain. */
export interface StaffingTargets {
  /** At least `fraction` of contacts answered within `withinSec` (e.g. 0.8 within 20 s). fraction < 1. */
  readonly serviceLevel?: { readonly fraction: number; readonly withinSec: number };
  /** Average speed of answer at most this many seconds (> 0). Erlang A: mean wait over all arrivals. */
  readonly maxAverageSpeedOfAnswerSec?: number;
  /** At most this fraction of offered contacts abandon, in (0, 1]. Needs `patienceSec` (Erlang A). */
  readonly maxAbandonRate?: number;
  /** Offered load per agent A/n at most this, in (0, 1]: n ≥ ⌈A/maxOccupancy⌉. */
  readonly maxOccupancy?: number;
  /** Service-level definition for Erlang A (FORMULAS.md §4). Default `answered-within-over-offered`. */
  readonly serviceLevelDefinition?: ServiceLevelDefinition;
}

/**
 * The work offered to a queue: either `volume` contacts per `intervalSec`, or the offered load
 * directly. With volume and interval, A = volume·AHT/intervalSec and the stability bound n > A is
 * decided exactly on the decimal inputs.
 */
export type Workload =
  | { readonly volume: number; readonly intervalSec: number; readonly ahtSec: number }
  | { readonly offeredLoad: number; readonly ahtSec: number };

/** Inputs of {@link requiredAgents}. */
export type RequiredAgentsInput = Workload & {
  readonly targets: StaffingTargets;
  /** Mean patience in seconds: when given (and finite), Erlang A is used instead of Erlang C. */
  readonly patienceSec?: number;
  /** Fraction of paid time not on queue, in [0, 1); default 0. */
  readonly shrinkage?: number;
};

/** Which requirement set the agent count (the one n − 1 agents would break). */
export type BindingConstraint =
  | 'none'
  | 'stability'
  | 'occupancy'
  | 'service-level'
  | 'average-speed-of-answer'
  | 'abandonment';

/** Predicted performance at the staffed level. */
export interface QueuePerformance {
  readonly serviceLevel: number;
  readonly probabilityOfWait: number;
  readonly averageSpeedOfAnswerSec: number;
  /** Erlang C: A/n. Erlang A: λ(1 − P(Ab))/(nμ). */
  readonly occupancy: number;
  /** 0 under Erlang C. */
  readonly probabilityOfAbandon: number;
}

/** Result of {@link requiredAgents}. */
export interface StaffingRequirement {
  readonly model: 'erlang-c' | 'erlang-a';
  /** A in Erlangs. */
  readonly offeredLoad: number;
  /** Fewest productive (on-queue) agents meeting every target: n − 1 misses one. */
  readonly rawAgents: number;
  /** ⌈raw/(1 − shrinkage)⌉, decided exactly. */
  readonly scheduledAgents: number;
  readonly binding: BindingConstraint;
  readonly performance: QueuePerformance;
}

const MAX_AGENTS = 10_000_000;

/**
 * Inverse staffing: the fewest productive agents n such that every target holds, then scheduled
 * agents ⌈n/(1 − s)⌉ (FORMULAS.md §2, "Inverse staffing" and "Shrinkage").
 *
 * - Erlang C (no patience): n > A always (stability); n_SL = min{n > A: SL(n) ≥ X};
 *   n_ASA = min{n > A: C·AHT/(n−A) ≤ T}; n_occ = ⌈A/occ_max⌉; raw = max of these.
 *   The search starts at the square-root staffing estimate (FORMULAS.md §3), computes B there once in
 *   O(n) and steps B(n+1) = A·B(n)/(n+1+A·B(n)) upwards in O(1) per step; when the estimate already
 *   meets the targets it backs off further and starts again, so the answer is exactly minimal.
 * - Erlang A (patience given): n ≥ 1 (n ≤ A is allowed: the queue is stable with abandonment);
 *   targets on SL (under `serviceLevelDefinition`), ASA (mean wait over all arrivals) and P(Ab);
 *   gallops from the estimate, then bisects; every metric is monotone in n.
 * - Volume 0 → 0 agents. t = 0 is valid (SL = 1 − P(W>0)).
 *
 * @throws {StaffingInputError} a target ≥ 100 % (unattainable), ASA target ≤ 0, abandonment target
 *   without patience, negative volume, non-positive AHT or interval, shrinkage outside [0, 1), or
 *   targets not met within 10,000,000 agents. `field` names the input, e.g. `targets.serviceLevel.fraction`.
 * @example
 * requiredAgents({ offeredLoad: 10.6, ahtSec: 180, targets: { serviceLevel: { fraction: 0.1, withinSec: 20 } } })
 *   .rawAgents // 11 (the first stable count; starting at round(A+1) would give 12)
 * @example
 * requiredAgents({ volume: 100, intervalSec: 1800, ahtSec: 180, shrinkage: 0.3,
 *   targets: { serviceLevel: { fraction: 0.8, withinSec: 20 } } }) // { rawAgents: 14, scheduledAgents: 20, … }
 */
export function requiredAgents(input: RequiredAgentsInput): StaffingRequirement {
  const load = validatedLoad(input);
  const targets = validatedTargets(input.targets, input.patienceSec);
  const shrinkage = input.shrinkage ?? 0;
  requireFractionBelowOne(shrinkage, 'shrinkage');
  const patienceSec = input.patienceSec;
  const useErlangA = patienceSec !== undefined && patienceSec !== Number.POSITIVE_INFINITY;
  const found = useErlangA ? searchErlangA(load, targets, patienceSec) : searchErlangC(load, targets);
  return {
    model: useErlangA ? 'erlang-a' : 'erlang-c',
    offeredLoad: load.offeredLoad,
    rawAgents: found.agents,
    scheduledAgents: scheduledAgents(found.agents, shrinkage),
    binding: found.binding,
    performance: found.performance,
  };
}

/** Offered load with its exact integer floor, and the decimal factors it came from. */
interface ExactLoad {
  readonly offeredLoad: number;
  /** ⌊A⌋ decided on the decimal inputs, so n = ⌊A⌋ + 1 is truly the first stable count. */
  readonly floorLoad: number;
  readonly ahtSec: number;
  /** A = volume·AHT/intervalSec, or the offered load itself (volume = A, AHT factor 1, interval 1). */
  readonly volume: number;
  readonly ahtFactor: number;
  readonly intervalSec: number;
}

function validatedLoad(input: Workload): ExactLoad {
  const ahtSec = requirePositive(input.ahtSec, 'ahtSec');
  if ('offeredLoad' in input) {
    const offeredLoad = requireNonNegative(input.offeredLoad, 'offeredLoad');
    const floorLoad = Math.floor(offeredLoad);
    return { offeredLoad, floorLoad, ahtSec, volume: offeredLoad, ahtFactor: 1, intervalSec: 1 };
  }
  const volume = requireNonNegative(input.volume, 'volume');
  const intervalSec = requirePositive(input.intervalSec, 'intervalSec');
  const offeredLoad = (volume * ahtSec) / intervalSec;
  const floorLoad = clearOfIntegers(offeredLoad)
    ? Math.floor(offeredLoad)
    : floorOfRatio([volume, ahtSec], [intervalSec]);
  return { offeredLoad, floorLoad, ahtSec, volume, ahtFactor: ahtSec, intervalSec };
}

function estimateFor(offeredLoad: number, ahtSec: number, targets: ValidTargets): number {
  const sl = targets.serviceLevel;
  return estimateErlangCAgents(
    offeredLoad,
    sl?.fraction,
    sl ? sl.withinSec / ahtSec : 0,
    targets.maxAsaSec === undefined ? undefined : targets.maxAsaSec / ahtSec,
  );
}

/** Exact n_occ = ⌈A/occ_max⌉ (FORMULAS.md §2), or 0 without a cap. */
function occupancyBound(load: ExactLoad, maxOccupancy: number | undefined): number {
  if (maxOccupancy === undefined || load.offeredLoad === 0) return 0;
  const estimate = load.offeredLoad / maxOccupancy;
  if (clearOfIntegers(estimate)) return Math.ceil(estimate);
  return ceilOfRatio([load.volume, load.ahtFactor], [load.intervalSec, maxOccupancy]);
}

interface ValidTargets {
  readonly serviceLevel: { readonly fraction: number; readonly withinSec: number } | undefined;
  readonly maxAsaSec: number | undefined;
  readonly maxAbandonRate: number | undefined;
  readonly maxOccupancy: number | undefined;
  readonly definition: ServiceLevelDefinition;
}

function validatedTargets(targets: StaffingTargets, patienceSec: number | undefined): ValidTargets {
  if (patienceSec !== undefined && patienceSec !== Number.POSITIVE_INFINITY) {
    requirePositive(patienceSec, 'patienceSec');
  }
  const serviceLevel = targets.serviceLevel;
  if (serviceLevel) {
    requireFractionBelowOne(serviceLevel.fraction, 'targets.serviceLevel.fraction');
    requireNonNegative(serviceLevel.withinSec, 'targets.serviceLevel.withinSec');
  }
  if (targets.maxAverageSpeedOfAnswerSec !== undefined) {
    requirePositive(targets.maxAverageSpeedOfAnswerSec, 'targets.maxAverageSpeedOfAnswerSec');
  }
  if (targets.maxAbandonRate !== undefined) {
    requireFractionUpToOne(targets.maxAbandonRate, 'targets.maxAbandonRate');
    if (patienceSec === undefined || patienceSec === Number.POSITIVE_INFINITY) {
      throw new StaffingInputError(
        'targets.maxAbandonRate',
        'needs patienceSec: without abandonment (Erlang C) no caller abandons',
      );
    }
  }
  if (targets.maxOccupancy !== undefined)
    requireFractionUpToOne(targets.maxOccupancy, 'targets.maxOccupancy');
  return {
    serviceLevel,
    maxAsaSec: targets.maxAverageSpeedOfAnswerSec,
    maxAbandonRate: targets.maxAbandonRate,
    maxOccupancy: targets.maxOccupancy,
    definition: targets.serviceLevelDefinition ?? 'answered-within-over-offered',
  };
}

interface SearchResult {
  readonly agents: number;
  readonly binding: BindingConstraint;
  readonly performance: QueuePerformance;
}

const NO_LOAD: QueuePerformance = {
  serviceLevel: 1,
  probabilityOfWait: 0,
  averageSpeedOfAnswerSec: 0,
  occupancy: 0,
  probabilityOfAbandon: 0,
};

function tooMany(): never {
  throw new StaffingInputError('targets', `not attainable with up to ${MAX_AGENTS} agents`);
}

// ---- Erlang C -------------------------------------------------------------------------------------

/** Whether n agents with B(n, A) = blocking meet the SL and ASA targets (n > A). */
function meetsErlangCTargets(
  agents: number,
  blocking: number,
  offeredLoad: number,
  ahtSec: number,
  targets: ValidTargets,
): boolean {
  const probabilityOfWait = erlangCFromB(blocking, agents, offeredLoad);
  const spare = agents - offeredLoad;
  const sl = targets.serviceLevel;
  if (sl && 1 - probabilityOfWait * Math.exp((-spare * sl.withinSec) / ahtSec) < sl.fraction) return false;
  return targets.maxAsaSec === undefined || (probabilityOfWait * ahtSec) / spare <= targets.maxAsaSec;
}

function searchErlangC(load: ExactLoad, targets: ValidTargets): SearchResult {
  const { offeredLoad, ahtSec } = load;
  if (offeredLoad === 0) return { agents: 0, binding: 'none', performance: NO_LOAD };
  const stable = load.floorLoad + 1;
  const occupancy = occupancyBound(load, targets.maxOccupancy);
  const lowest = Math.max(stable, occupancy);
  const withinSec = targets.serviceLevel?.withinSec ?? 0;

  let agents = lowest;
  let blocking: number;
  let binding: BindingConstraint = occupancy > stable ? 'occupancy' : 'stability';
  if (!targets.serviceLevel && targets.maxAsaSec === undefined) {
    blocking = erlangBUnchecked(agents, offeredLoad);
  } else {
    const estimate = estimateFor(offeredLoad, ahtSec, targets);
    let backOff = 2;
    let from = Math.max(lowest, estimate - backOff);
    for (;;) {
      agents = from;
      blocking = erlangBUnchecked(agents, offeredLoad);
      let met = meetsErlangCTargets(agents, blocking, offeredLoad, ahtSec, targets);
      if (met && agents > lowest) {
        // The estimate overshot: restart lower (B is only ever stepped upwards, the stable direction).
        backOff *= 4;
        from = Math.max(lowest, from - backOff);
        continue;
      }
      let previousBlocking = blocking;
      while (!met) {
        if (agents >= MAX_AGENTS) tooMany();
        previousBlocking = blocking;
        blocking = nextErlangB(blocking, agents, offeredLoad);
        agents += 1;
        met = meetsErlangCTargets(agents, blocking, offeredLoad, ahtSec, targets);
      }
      if (agents > lowest) binding = erlangCMiss(agents - 1, previousBlocking, offeredLoad, ahtSec, targets);
      break;
    }
  }
  const metrics = erlangCMetricsFromB(blocking, agents, offeredLoad, ahtSec, withinSec);
  const performance: QueuePerformance = {
    serviceLevel: metrics.serviceLevel,
    probabilityOfWait: metrics.probabilityOfWait,
    averageSpeedOfAnswerSec: metrics.averageSpeedOfAnswerSec,
    occupancy: metrics.occupancy,
    probabilityOfAbandon: 0,
  };
  return { agents, binding, performance };
}

/** The target n agents miss (n > A), service level first. */
function erlangCMiss(
  agents: number,
  blocking: number,
  offeredLoad: number,
  ahtSec: number,
  targets: ValidTargets,
): BindingConstraint {
  const sl = targets.serviceLevel;
  if (!sl) return 'average-speed-of-answer';
  const probabilityOfWait = erlangCFromB(blocking, agents, offeredLoad);
  const serviceLevel = 1 - probabilityOfWait * Math.exp((-(agents - offeredLoad) * sl.withinSec) / ahtSec);
  return serviceLevel < sl.fraction ? 'service-level' : 'average-speed-of-answer';
}

// ---- Erlang A -------------------------------------------------------------------------------------

interface ErlangAContext {
  readonly offeredLoad: number;
  readonly ahtSec: number;
  readonly patienceSec: number;
  readonly targets: ValidTargets;
}

function erlangAAt(context: ErlangAContext, agents: number) {
  const { offeredLoad, ahtSec, patienceSec, targets } = context;
  return erlangAMetricsUnchecked({
    agents,
    offeredLoad,
    ahtSec,
    patienceSec,
    targetAnswerSec: targets.serviceLevel?.withinSec ?? 0,
    serviceLevelDefinition: targets.definition,
  });
}

/** The first target n agents miss under Erlang A, or undefined when they meet all. */
function erlangAMiss(context: ErlangAContext, agents: number): BindingConstraint | undefined {
  const { targets } = context;
  const m = erlangAAt(context, agents);
  if (targets.serviceLevel && m.serviceLevel < targets.serviceLevel.fraction) return 'service-level';
  if (targets.maxAsaSec !== undefined && m.averageSpeedOfAnswerSec > targets.maxAsaSec) {
    return 'average-speed-of-answer';
  }
  if (targets.maxAbandonRate !== undefined && m.probabilityOfAbandon > targets.maxAbandonRate)
    return 'abandonment';
  return undefined;
}

function meetsErlangA(context: ErlangAContext, agents: number): boolean {
  return erlangAMiss(context, agents) === undefined;
}

function searchErlangA(load: ExactLoad, targets: ValidTargets, patienceSec: number): SearchResult {
  const { offeredLoad, ahtSec } = load;
  if (offeredLoad === 0) return { agents: 0, binding: 'none', performance: NO_LOAD };
  const context: ErlangAContext = { offeredLoad, ahtSec, patienceSec, targets };
  const occupancy = occupancyBound(load, targets.maxOccupancy);
  const lowest = Math.max(1, occupancy);

  let agents = lowest;
  if (!meetsErlangA(context, lowest)) {
    // Bracket the answer by galloping from the square-root estimate, then bisect. Every Erlang A
    // metric used here is monotone in n, so the bracket (failing, passing] holds exactly one boundary.
    const estimate = estimateFor(offeredLoad, ahtSec, targets);
    let failing = lowest;
    let passing = Math.max(lowest + 1, Math.min(estimate, MAX_AGENTS));
    for (let step = 1; !meetsErlangA(context, passing); step *= 2) {
      failing = passing;
      if (passing >= MAX_AGENTS) tooMany();
      passing = Math.min(MAX_AGENTS, passing + step);
    }
    for (let step = 1; passing - step > failing; step *= 2) {
      if (!meetsErlangA(context, passing - step)) {
        failing = passing - step;
        break;
      }
      passing -= step;
    }
    while (passing - failing > 1) {
      const middle = Math.floor((failing + passing) / 2);
      if (meetsErlangA(context, middle)) passing = middle;
      else failing = middle;
    }
    agents = passing;
  }
  const binding: BindingConstraint =
    agents > lowest ? (erlangAMiss(context, agents - 1) ?? 'none') : occupancy > 1 ? 'occupancy' : 'none';
  const m = erlangAAt(context, agents);
  return {
    agents,
    binding,
    performance: {
      serviceLevel: m.serviceLevel,
      probabilityOfWait: m.probabilityOfWait,
      averageSpeedOfAnswerSec: m.averageSpeedOfAnswerSec,
      occupancy: m.occupancy,
      probabilityOfAbandon: m.probabilityOfAbandon,
    },
  };
}
