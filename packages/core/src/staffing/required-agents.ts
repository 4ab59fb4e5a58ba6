// Inverse staffing: the fewest productive agents meeting every target, then shrinkage.
// Semantics from FORMULAS.md §2 (Erlang C), §3 (start point) and §4 (Erlang A).

import { erlangAMetricsWithLogB, type ServiceLevelDefinition } from './erlang-a.js';
import {
  advanceLogErlangB,
  copyLogErlangBCursor,
  type LogErlangBCursor,
  logErlangBAt,
  logErlangBCursor,
} from './erlang-b.js';
import { erlangCFromB } from './erlang-c.js';
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
 *   The search runs erlangB's inverse recursion 1/B(k) = 1 + (k/A)·1/B(k−1) up to the lowest
 *   admissible count, then steps it on, one count at a time in O(1), until the targets hold: the
 *   answer lies O(√A) above ⌊A⌋ + 1, so no start estimate is needed. Every B is bit for bit
 *   erlangB(n, A), so each decision and the metrics returned are exactly erlangCMetrics(n).
 * - Erlang A (patience given): n ≥ 1 (n ≤ A is allowed: the queue is stable with abandonment);
 *   targets on SL (under `serviceLevelDefinition`), ASA (mean wait over all arrivals) and P(Ab);
 *   gallops from the square-root estimate (FORMULAS.md §3), then bisects; every metric is monotone
 *   in n. ln B is stepped upwards between probes (never recomputed from k = 1 at each), bit for bit
 *   logErlangB(n, A), so every probe and the result are exactly erlangAMetrics(n).
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
  const found = createSearchOutput();
  searchValidated(load, targets, patienceSec, found);
  return {
    model: useErlangA ? 'erlang-a' : 'erlang-c',
    offeredLoad: load.offeredLoad,
    rawAgents: found.agents,
    scheduledAgents: scheduledAgents(found.agents, shrinkage),
    binding: found.binding,
    performance: {
      serviceLevel: found.serviceLevel,
      probabilityOfWait: found.probabilityOfWait,
      averageSpeedOfAnswerSec: found.averageSpeedOfAnswerSec,
      occupancy: found.occupancy,
      probabilityOfAbandon: found.probabilityOfAbandon,
    },
  };
}

/**
 * Offered load with its exact integer floor, and the decimal factors it came from. Mutable so the
 * interval planner can refill one per row instead of allocating.
 */
export interface ExactLoad {
  offeredLoad: number;
  /** ⌊A⌋ decided on the decimal inputs, so n = ⌊A⌋ + 1 is truly the first stable count. */
  floorLoad: number;
  ahtSec: number;
  /** A = volume·AHT/intervalSec, or the offered load itself (volume = A, AHT factor 1, interval 1). */
  volume: number;
  ahtFactor: number;
  intervalSec: number;
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
  const load = createExactLoad();
  fillExactLoad(load, volume, intervalSec, ahtSec);
  return load;
}

export function createExactLoad(): ExactLoad {
  return { offeredLoad: 0, floorLoad: 0, ahtSec: 1, volume: 0, ahtFactor: 1, intervalSec: 1 };
}

/** Fills `load` with A = volume·AHT/intervalSec and its exact floor (inputs already validated). */
export function fillExactLoad(load: ExactLoad, volume: number, intervalSec: number, ahtSec: number): void {
  const offeredLoad = (volume * ahtSec) / intervalSec;
  load.offeredLoad = offeredLoad;
  // No volume is exactly no load; otherwise a float clear of integers floors exactly.
  load.floorLoad =
    volume === 0 || clearOfIntegers(offeredLoad)
      ? Math.floor(offeredLoad)
      : floorOfRatio([volume, ahtSec], [intervalSec]);
  load.ahtSec = ahtSec;
  load.volume = volume;
  load.ahtFactor = ahtSec;
  load.intervalSec = intervalSec;
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

/** Targets after validation. Mutable so the interval planner can refill one per row. */
export interface ValidTargets {
  serviceLevel: { readonly fraction: number; readonly withinSec: number } | undefined;
  maxAsaSec: number | undefined;
  maxAbandonRate: number | undefined;
  maxOccupancy: number | undefined;
  definition: ServiceLevelDefinition;
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

/**
 * What a search found: the agents, the binding constraint and the performance there. Mutable and
 * flat so the interval planner can reuse one for every row.
 */
export interface SearchOutput {
  agents: number;
  binding: BindingConstraint;
  serviceLevel: number;
  probabilityOfWait: number;
  averageSpeedOfAnswerSec: number;
  occupancy: number;
  probabilityOfAbandon: number;
}

export function createSearchOutput(): SearchOutput {
  return {
    agents: 0,
    binding: 'none',
    serviceLevel: 1,
    probabilityOfWait: 0,
    averageSpeedOfAnswerSec: 0,
    occupancy: 0,
    probabilityOfAbandon: 0,
  };
}

function setNoLoad(out: SearchOutput): void {
  out.agents = 0;
  out.binding = 'none';
  out.serviceLevel = 1;
  out.probabilityOfWait = 0;
  out.averageSpeedOfAnswerSec = 0;
  out.occupancy = 0;
  out.probabilityOfAbandon = 0;
}

/**
 * The search of {@link requiredAgents} on inputs it has already validated (the interval planner
 * validates its own rows and calls this directly): Erlang A when patience is finite, else Erlang C.
 */
export function searchValidated(
  load: ExactLoad,
  targets: ValidTargets,
  patienceSec: number | undefined,
  out: SearchOutput,
): void {
  if (patienceSec !== undefined && patienceSec !== Number.POSITIVE_INFINITY) {
    searchErlangA(load, targets, patienceSec, out);
  } else {
    searchErlangC(load, targets, out);
  }
}

function tooMany(): never {
  throw new StaffingInputError('targets', `not attainable with up to ${MAX_AGENTS} agents`);
}

// ---- Erlang C -------------------------------------------------------------------------------------

function searchErlangC(load: ExactLoad, targets: ValidTargets, out: SearchOutput): void {
  const { offeredLoad, ahtSec } = load;
  if (offeredLoad === 0) {
    setNoLoad(out);
    return;
  }
  const stable = load.floorLoad + 1;
  const occupancy = occupancyBound(load, targets.maxOccupancy);
  const lowest = Math.max(stable, occupancy);
  const sl = targets.serviceLevel;
  const withinSec = sl?.withinSec ?? 0;
  const maxAsaSec = targets.maxAsaSec;

  // 1/B(n, A) by the same inverse recursion, in the same order, as erlangBUnchecked: every B below
  // is bit for bit erlangB(n, A), so each decision and the metrics reported are exactly those of
  // erlangCMetrics(n) (same expressions), whatever path the search took.
  let inverse = 1;
  for (let k = 1; k <= lowest; k++) inverse = 1 + (k / offeredLoad) * inverse;
  let agents = lowest;
  let binding: BindingConstraint = occupancy > stable ? 'occupancy' : 'stability';
  // C(n), SL(n) and ASA(n) as erlangCMetricsFromB computes them.
  let probabilityOfWait = erlangCFromB(1 / inverse, agents, offeredLoad);
  let serviceLevel = 1 - probabilityOfWait * Math.exp((-(agents - offeredLoad) * withinSec) / ahtSec);
  let averageSpeedOfAnswerSec = (probabilityOfWait * ahtSec) / (agents - offeredLoad);
  let slMissed = !!sl && serviceLevel < sl.fraction;
  if (slMissed || (maxAsaSec !== undefined && !(averageSpeedOfAnswerSec <= maxAsaSec))) {
    // Step up from the lowest admissible count, O(1) per count. No start estimate is needed: the
    // answer lies O(√A) above ⌊A⌋ + 1, so the steps cost less than the O(n) recursion above.
    // The target n − 1 misses (service level first) is the binding one.
    let missedAtPrevious: boolean;
    do {
      if (agents >= MAX_AGENTS) tooMany();
      missedAtPrevious = slMissed;
      agents += 1;
      inverse = 1 + (agents / offeredLoad) * inverse;
      probabilityOfWait = erlangCFromB(1 / inverse, agents, offeredLoad);
      serviceLevel = 1 - probabilityOfWait * Math.exp((-(agents - offeredLoad) * withinSec) / ahtSec);
      averageSpeedOfAnswerSec = (probabilityOfWait * ahtSec) / (agents - offeredLoad);
      slMissed = !!sl && serviceLevel < sl.fraction;
    } while (slMissed || (maxAsaSec !== undefined && !(averageSpeedOfAnswerSec <= maxAsaSec)));
    binding = missedAtPrevious ? 'service-level' : 'average-speed-of-answer';
  }
  out.agents = agents;
  out.binding = binding;
  out.serviceLevel = serviceLevel;
  out.probabilityOfWait = probabilityOfWait;
  out.averageSpeedOfAnswerSec = averageSpeedOfAnswerSec;
  out.occupancy = offeredLoad / agents;
  out.probabilityOfAbandon = 0;
}

// ---- Erlang A -------------------------------------------------------------------------------------

interface ErlangAContext {
  readonly offeredLoad: number;
  readonly ahtSec: number;
  readonly patienceSec: number;
  readonly targets: ValidTargets;
}

/** Erlang A metrics at `cursor.agents`, with ln B taken from the cursor (no O(n) recomputation). */
function erlangAAt(context: ErlangAContext, cursor: LogErlangBCursor) {
  const { offeredLoad, ahtSec, patienceSec, targets } = context;
  return erlangAMetricsWithLogB(
    {
      agents: cursor.agents,
      offeredLoad,
      ahtSec,
      patienceSec,
      targetAnswerSec: targets.serviceLevel?.withinSec ?? 0,
      serviceLevelDefinition: targets.definition,
    },
    logErlangBAt(cursor),
  );
}

/** The first target the cursor's agents miss under Erlang A, or undefined when they meet all. */
function erlangAMiss(context: ErlangAContext, cursor: LogErlangBCursor): BindingConstraint | undefined {
  const { targets } = context;
  const m = erlangAAt(context, cursor);
  if (targets.serviceLevel && m.serviceLevel < targets.serviceLevel.fraction) return 'service-level';
  if (targets.maxAsaSec !== undefined && m.averageSpeedOfAnswerSec > targets.maxAsaSec) {
    return 'average-speed-of-answer';
  }
  if (targets.maxAbandonRate !== undefined && m.probabilityOfAbandon > targets.maxAbandonRate)
    return 'abandonment';
  return undefined;
}

/**
 * The gallop-then-bisect search below visits counts in both directions, but ln B(n, A) can only be
 * stepped upwards exactly (logErlangBUnchecked's loop, continued). So the search keeps the cursor
 * at its failing end — every later probe lies above it — and, when it steps to a new upper probe p,
 * saves cursors at p − 1, p − 3, p − 7, …: exactly where the downward gallop from p will probe.
 * Every probe therefore sees the same ln B as a from-scratch evaluation, bit for bit, and the
 * probes, the answer and its metrics are those of evaluating erlangAMetrics at each probe; but the
 * O(n) recursion is paid about twice per search instead of once per probe.
 */
class ErlangAProbes {
  private failingCursor: LogErlangBCursor;
  private checkpoints: LogErlangBCursor[] = [];

  constructor(
    private readonly context: ErlangAContext,
    lowest: number,
  ) {
    this.failingCursor = logErlangBCursor();
    advanceLogErlangB(this.failingCursor, lowest, context.offeredLoad);
  }

  /** The cursor at `agents` (≥ the failing end), from a checkpoint or by stepping up. */
  private cursorAt(agents: number, saveCheckpoints: boolean): LogErlangBCursor {
    for (const checkpoint of this.checkpoints) {
      if (checkpoint.agents === agents) return checkpoint;
    }
    const cursor = copyLogErlangBCursor(this.failingCursor);
    if (saveCheckpoints) {
      this.checkpoints = [];
      let offset = 1;
      while (agents - (2 * offset - 1) > cursor.agents) offset *= 2;
      for (; offset > 1; offset /= 2) {
        advanceLogErlangB(cursor, agents - (offset - 1), this.context.offeredLoad);
        this.checkpoints.push(copyLogErlangBCursor(cursor));
      }
    }
    advanceLogErlangB(cursor, agents, this.context.offeredLoad);
    return cursor;
  }

  /** Probes the lowest count, where the cursor starts. */
  meetsAtLowest(): boolean {
    return erlangAMiss(this.context, this.failingCursor) === undefined;
  }

  /**
   * Whether `agents` (above the failing end) meet every target. A count that fails becomes the new
   * failing end; `upper` marks a new upper probe, whose downward gallop points are saved on the way.
   */
  meets(agents: number, upper: boolean): boolean {
    const cursor = this.cursorAt(agents, upper);
    if (erlangAMiss(this.context, cursor) === undefined) return true;
    this.failingCursor = cursor;
    return false;
  }

  /** The binding constraint and metrics at `agents`, one above the failing end. */
  finish(agents: number, lowest: number, occupancy: number, out: SearchOutput): void {
    const cursor = agents === lowest ? this.failingCursor : this.cursorAt(agents, false);
    const binding: BindingConstraint =
      agents > lowest
        ? (erlangAMiss(this.context, this.failingCursor) ?? 'none')
        : occupancy > 1
          ? 'occupancy'
          : 'none';
    const m = erlangAAt(this.context, cursor);
    out.agents = agents;
    out.binding = binding;
    out.serviceLevel = m.serviceLevel;
    out.probabilityOfWait = m.probabilityOfWait;
    out.averageSpeedOfAnswerSec = m.averageSpeedOfAnswerSec;
    out.occupancy = m.occupancy;
    out.probabilityOfAbandon = m.probabilityOfAbandon;
  }
}

function searchErlangA(load: ExactLoad, targets: ValidTargets, patienceSec: number, out: SearchOutput): void {
  const { offeredLoad, ahtSec } = load;
  if (offeredLoad === 0) {
    setNoLoad(out);
    return;
  }
  const context: ErlangAContext = { offeredLoad, ahtSec, patienceSec, targets };
  const occupancy = occupancyBound(load, targets.maxOccupancy);
  const lowest = Math.max(1, occupancy);
  const probes = new ErlangAProbes(context, lowest);

  let agents = lowest;
  if (!probes.meetsAtLowest()) {
    // Bracket the answer by galloping from the square-root estimate, then bisect. Every Erlang A
    // metric used here is monotone in n, so the bracket (failing, passing] holds exactly one boundary.
    const estimate = estimateFor(offeredLoad, ahtSec, targets);
    let failing = lowest;
    let passing = Math.max(lowest + 1, Math.min(estimate, MAX_AGENTS));
    for (let step = 1; !probes.meets(passing, true); step *= 2) {
      failing = passing;
      if (passing >= MAX_AGENTS) tooMany();
      passing = Math.min(MAX_AGENTS, passing + step);
    }
    for (let step = 1; passing - step > failing; step *= 2) {
      if (!probes.meets(passing - step, false)) {
        failing = passing - step;
        break;
      }
      passing -= step;
    }
    while (passing - failing > 1) {
      const middle = Math.floor((failing + passing) / 2);
      if (probes.meets(middle, false)) passing = middle;
      else failing = middle;
    }
    agents = passing;
  }
  probes.finish(agents, lowest, occupancy, out);
}
