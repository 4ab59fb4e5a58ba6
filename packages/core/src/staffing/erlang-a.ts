// Erlang A (Palm's M/M/n+M): Poisson arrivals, exponential service and exponential patience.
// Closed forms from Garnett, Mandelbaum & Reiman (2002), MSOM 4(3):208–227, in the notation of
// Mandelbaum & Zeltyn (2007), "Service engineering in action: the Palm/Erlang-A queue"; the
// answered-within-t form from FORMULAS.md §4. Time is measured in AHTs inside (μ = 1).

import { logErlangBUnchecked } from './erlang-b.js';
import { palmKernel } from './palm-kernel.js';
import { requireNonNegative, requirePositive, requirePositiveInteger } from './validate.js';

/**
 * Which service level to report when callers can abandon (FORMULAS.md §4, "Service-level variants").
 * With S(t) answered within t, L(t) abandoned within t and N offered:
 * - `answered-within-over-offered` — S(t)/N (SL_ans, the default; abandons count as misses; strictest)
 * - `waited-within-over-offered` — (S(t)+L(t))/N = P(W ≤ t) (SL_le_t; short abandons count as good)
 * - `answered-within-excluding-short-abandons` — S(t)/(N − L(t)) (SL_excl; "short abandon" option)
 * - `answered-within-over-answered` — S(t)/answered (SL_cond)
 */
export type ServiceLevelDefinition =
  | 'answered-within-over-offered'
  | 'waited-within-over-offered'
  | 'answered-within-excluding-short-abandons'
  | 'answered-within-over-answered';

/** All service-level definitions, default first. */
export const SERVICE_LEVEL_DEFINITIONS: readonly ServiceLevelDefinition[] = [
  'answered-within-over-offered',
  'waited-within-over-offered',
  'answered-within-excluding-short-abandons',
  'answered-within-over-answered',
];

/** Inputs of {@link erlangAMetrics}. */
export interface ErlangAInput {
  /** n, whole number ≥ 1. */
  readonly agents: number;
  /** A = λ·AHT in Erlangs, ≥ 0. */
  readonly offeredLoad: number;
  /** Average handle time, seconds, > 0. */
  readonly ahtSec: number;
  /** Mean patience 1/θ, seconds, > 0. */
  readonly patienceSec: number;
  /** Service-level threshold t, seconds, ≥ 0. */
  readonly targetAnswerSec: number;
  /** Which service level goes in `serviceLevel`; default `answered-within-over-offered`. */
  readonly serviceLevelDefinition?: ServiceLevelDefinition;
}

/** What Erlang A predicts. Probabilities are over all offered calls unless named otherwise. */
export interface ErlangAMetrics {
  /** P(W > 0): an arrival finds all agents busy. */
  readonly probabilityOfWait: number;
  /** P(Ab): the caller abandons. Abandonment rate per unit time is λ·P(Ab). */
  readonly probabilityOfAbandon: number;
  /** P(Ab | W > 0). */
  readonly probabilityOfAbandonGivenWait: number;
  /** E[W] over all arrivals, abandoners included (their wait is their patience): P(Ab)/θ, seconds. */
  readonly averageSpeedOfAnswerSec: number;
  /** The service level under `serviceLevelDefinition`. */
  readonly serviceLevel: number;
  readonly serviceLevelDefinition: ServiceLevelDefinition;
  /** Every service-level definition, for reports that show them side by side. */
  readonly serviceLevels: Readonly<Record<ServiceLevelDefinition, number>>;
  /** L(t)/N: abandoned within the threshold. */
  readonly abandonedWithinTarget: number;
  /** P(V > t): the offered wait (wait of an infinitely patient caller) exceeds t. */
  readonly probabilityOfferedWaitExceedsTarget: number;
  /** Busy fraction of agents: λ·(1 − P(Ab))/(nμ). */
  readonly occupancy: number;
}

/**
 * Erlang A (M/M/n+M) performance, exact closed forms (FORMULAS.md §4; GMR 2002; Mandelbaum & Zeltyn
 * 2007), with a = nμ/θ, y = λ/θ, E = B(n, λ/μ), ρ = λ/(nμ):
 * - P(W>0) = 𝒜(a,y)·E / (1 + (𝒜(a,y) − 1)·E)
 * - P(Ab|W>0) = 1/(ρ·𝒜(a,y)) + 1 − 1/ρ;  P(Ab) = P(Ab|W>0)·P(W>0);  E[W] = P(Ab)/θ
 * - P(W>t) = π_n·𝒜(a, y·e^(−θt))·exp(y(1 − e^(−θt)) − (a+1)θt), π_n = P(W>0)/𝒜(a,y)
 * - S(t)/N = 1 − P(Ab) − P(W>t)·(1 − P(Ab|W>0)(a, z)), z = y·e^(−θt): a caller still waiting at t
 *   sees, by memorylessness, the same chain with y replaced by z. This equals the gamma-function form
 *   in FORMULAS.md §4 (π_n·a·eʸ·y^(−(a+1))·[γ(a+1, y) − γ(a+1, z)]) and avoids its cancellation.
 * - L(t)/N = P(Ab) − P(W>t)·P(Ab|W>0)(a, z);  P(W ≤ t) = 1 − P(W>t)
 * - occupancy = λ(1 − P(Ab))/(nμ)
 * Stable for every n ≥ 1, including n ≤ A, and at any size: 𝒜 is carried as a logarithm, and
 * the incomplete gamma goes by series or continued fraction (NR §6.2; DLMF 8.7.1, 8.9.2).
 * Cost: O(n) for Erlang B plus O(√a) for the series.
 *
 * @throws {StaffingInputError} agents not a whole number ≥ 1; offeredLoad or targetAnswerSec negative;
 *   ahtSec or patienceSec not > 0 (patienceSec may be Infinity: Erlang C, no abandonment).
 * @example
 * erlangAMetrics({ agents: 14, offeredLoad: 10, ahtSec: 180, patienceSec: 300, targetAnswerSec: 20 })
 * // probabilityOfWait ≈ 0.145260, probabilityOfAbandon ≈ 0.0139837, serviceLevel ≈ 0.916792
 */
export function erlangAMetrics(input: ErlangAInput): ErlangAMetrics {
  requirePositiveInteger(input.agents, 'agents');
  requireNonNegative(input.offeredLoad, 'offeredLoad');
  requirePositive(input.ahtSec, 'ahtSec');
  if (input.patienceSec !== Number.POSITIVE_INFINITY) requirePositive(input.patienceSec, 'patienceSec');
  requireNonNegative(input.targetAnswerSec, 'targetAnswerSec');
  return erlangAMetricsUnchecked(input);
}

/** {@link erlangAMetrics} without argument checks, for the staffing search. */
export function erlangAMetricsUnchecked(input: ErlangAInput): ErlangAMetrics {
  const { agents, offeredLoad, patienceSec } = input;
  if (offeredLoad === 0 || patienceSec === Number.POSITIVE_INFINITY) return erlangAMetricsWithLogB(input, 0);
  return erlangAMetricsWithLogB(input, logErlangBUnchecked(agents, offeredLoad));
}

/**
 * {@link erlangAMetricsUnchecked} with ln B(n, A) supplied (for finite patience and A > 0; ignored
 * otherwise): the staffing search steps ln B from probe to probe instead of recomputing it in O(n).
 */
export function erlangAMetricsWithLogB(input: ErlangAInput, logBlocking: number): ErlangAMetrics {
  const { agents, offeredLoad, ahtSec, patienceSec, targetAnswerSec } = input;
  const definition = input.serviceLevelDefinition ?? 'answered-within-over-offered';
  if (offeredLoad === 0) return withDefinition(IDLE, definition);
  if (patienceSec === Number.POSITIVE_INFINITY) {
    return infinitePatience(agents, offeredLoad, ahtSec, targetAnswerSec, definition);
  }

  const abandonRate = ahtSec / patienceSec; // θ/μ
  const a = agents / abandonRate;
  const y = offeredLoad / abandonRate;
  const atY = palmKernel(a, y);

  const notBlocked = -Math.expm1(logBlocking);
  const probabilityOfWait = 1 / (1 + notBlocked * Math.exp(-(atY.logA + logBlocking)));
  const probabilityOfAbandon = atY.abandonGivenWait * probabilityOfWait;

  // Waits beyond t: the kernel at z = y·e^(−θt) (FORMULAS.md §4, offered and actual wait).
  const thresholdInPatiences = targetAnswerSec / patienceSec; // θt
  const z = y * Math.exp(-thresholdInPatiences);
  const atZ = thresholdInPatiences === 0 ? atY : palmKernel(a, z);
  const decay = -y * Math.expm1(-thresholdInPatiences) - (a + 1) * thresholdInPatiences;
  const logQueueEntry = Math.log(probabilityOfWait) - atY.logA; // ln π_n
  const waitBeyondTarget = probabilityOfWait === 0 ? 0 : Math.exp(logQueueEntry + atZ.logA + decay);

  // By memorylessness a caller still waiting at t abandons later with P(Ab|W>0) of the kernel at z,
  // so answered-after-t and abandoned-after-t come without subtracting numbers near 1.
  const answeredAfterTarget = waitBeyondTarget * (1 - atZ.abandonGivenWait);
  const abandonedAfterTarget = waitBeyondTarget * atZ.abandonGivenWait;
  const answeredWithin = clampProbability(1 - probabilityOfAbandon - answeredAfterTarget);
  const waitedWithin = clampProbability(1 - waitBeyondTarget);
  const abandonedWithinTarget = clampProbability(probabilityOfAbandon - abandonedAfterTarget);

  const serviceLevels: Record<ServiceLevelDefinition, number> = {
    'answered-within-over-offered': answeredWithin,
    'waited-within-over-offered': waitedWithin,
    'answered-within-excluding-short-abandons': answeredWithin / (1 - abandonedWithinTarget),
    'answered-within-over-answered': answeredWithin / (1 - probabilityOfAbandon),
  };
  return {
    probabilityOfWait,
    probabilityOfAbandon,
    probabilityOfAbandonGivenWait: atY.abandonGivenWait,
    averageSpeedOfAnswerSec: probabilityOfAbandon * patienceSec,
    serviceLevel: serviceLevels[definition],
    serviceLevelDefinition: definition,
    serviceLevels,
    abandonedWithinTarget,
    probabilityOfferedWaitExceedsTarget: Math.min(1, waitBeyondTarget * Math.exp(thresholdInPatiences)),
    occupancy: (offeredLoad / agents) * (1 - probabilityOfAbandon),
  };
}

function clampProbability(p: number): number {
  return Math.min(1, Math.max(0, p));
}

type MetricsWithoutDefinition = Omit<ErlangAMetrics, 'serviceLevel' | 'serviceLevelDefinition'>;

function withDefinition(
  metrics: MetricsWithoutDefinition,
  definition: ServiceLevelDefinition,
): ErlangAMetrics {
  return { ...metrics, serviceLevel: metrics.serviceLevels[definition], serviceLevelDefinition: definition };
}

const ALL_MET: Record<ServiceLevelDefinition, number> = {
  'answered-within-over-offered': 1,
  'waited-within-over-offered': 1,
  'answered-within-excluding-short-abandons': 1,
  'answered-within-over-answered': 1,
};

const IDLE: MetricsWithoutDefinition = {
  probabilityOfWait: 0,
  probabilityOfAbandon: 0,
  probabilityOfAbandonGivenWait: 0,
  averageSpeedOfAnswerSec: 0,
  serviceLevels: ALL_MET,
  abandonedWithinTarget: 0,
  probabilityOfferedWaitExceedsTarget: 0,
  occupancy: 0,
};

// θ = 0 is Erlang C: nobody abandons, so all four definitions coincide with P(W ≤ t).
function infinitePatience(
  agents: number,
  offeredLoad: number,
  ahtSec: number,
  targetAnswerSec: number,
  definition: ServiceLevelDefinition,
): ErlangAMetrics {
  const unstable = agents <= offeredLoad;
  const blocking = Math.exp(logErlangBUnchecked(agents, offeredLoad));
  const probabilityOfWait = unstable ? 1 : (agents * blocking) / (agents - offeredLoad * (1 - blocking));
  const spare = agents - offeredLoad;
  const waitBeyondTarget = unstable ? 1 : probabilityOfWait * Math.exp((-spare * targetAnswerSec) / ahtSec);
  const serviceLevel = 1 - waitBeyondTarget;
  return withDefinition(
    {
      probabilityOfWait,
      probabilityOfAbandon: 0,
      probabilityOfAbandonGivenWait: 0,
      averageSpeedOfAnswerSec: unstable ? Number.POSITIVE_INFINITY : (probabilityOfWait * ahtSec) / spare,
      serviceLevels: {
        'answered-within-over-offered': serviceLevel,
        'waited-within-over-offered': serviceLevel,
        'answered-within-excluding-short-abandons': serviceLevel,
        'answered-within-over-answered': serviceLevel,
      },
      abandonedWithinTarget: 0,
      probabilityOfferedWaitExceedsTarget: waitBeyondTarget,
      occupancy: Math.min(1, offeredLoad / agents),
    },
    definition,
  );
}
