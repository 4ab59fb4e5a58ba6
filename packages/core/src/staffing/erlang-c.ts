// Erlang C, M/M/n with infinitely patient callers (FORMULAS.md §2).
// Sources: FORMULAS.md §2; Gans, Koole & Mandelbaum (2003), MSOM 5(2):79–141, §4.1.

import { erlangBUnchecked } from './erlang-b.js';
import { requireNonNegative, requireNonNegativeInteger, requirePositive } from './validate.js';

/**
 * Erlang C: C(n, A) = P(W > 0) = n·B / (n − A·(1 − B)) with B = B(n, A), for n > A.
 * For n ≤ A the queue is unstable and every caller waits: returns 1.
 *
 * @param agents n, whole number ≥ 0
 * @param offeredLoad A in Erlangs, ≥ 0
 * @throws {StaffingInputError} agents not a whole number ≥ 0, or offeredLoad negative/not finite.
 * @example erlangC(14, 10) // ≈ 0.17413193359504984
 */
export function erlangC(agents: number, offeredLoad: number): number {
  requireNonNegativeInteger(agents, 'agents');
  requireNonNegative(offeredLoad, 'offeredLoad');
  if (offeredLoad === 0) return 0;
  if (agents <= offeredLoad) return 1;
  return erlangCFromB(erlangBUnchecked(agents, offeredLoad), agents, offeredLoad);
}

/** C(n, A) from B(n, A) (needs n > A): n·B / (n − A·(1 − B)). */
export function erlangCFromB(blocking: number, agents: number, offeredLoad: number): number {
  return (agents * blocking) / (agents - offeredLoad * (1 - blocking));
}

/** What Erlang C predicts for n agents facing A Erlangs. */
export interface ErlangCMetrics {
  /** n > A. When false the queue grows without bound: SL 0, ASA ∞, P(wait) 1. */
  readonly stable: boolean;
  /** C(n, A) = P(W > 0). */
  readonly probabilityOfWait: number;
  /** P(W ≤ t) = 1 − C·e^(−(n−A)·t/AHT). */
  readonly serviceLevel: number;
  /** ASA = E[W] = C·AHT/(n − A), seconds, over all callers (Infinity when unstable). */
  readonly averageSpeedOfAnswerSec: number;
  /** A/n, capped at 1 (0 when there is no load). */
  readonly occupancy: number;
}

/** Inputs of {@link erlangCMetrics}. */
export interface ErlangCInput {
  /** n, whole number ≥ 0. */
  readonly agents: number;
  /** A = λ·AHT in Erlangs, ≥ 0. */
  readonly offeredLoad: number;
  /** Average handle time, seconds, > 0. */
  readonly ahtSec: number;
  /** Service-level threshold t, seconds, ≥ 0 (t = 0 gives SL = 1 − C). */
  readonly targetAnswerSec: number;
}

/**
 * Erlang C performance (FORMULAS.md §2):
 * P(W>0) = C; SL(t) = 1 − C·e^(−(n−A)·t/AHT); ASA = C·AHT/(n−A); occupancy = A/n.
 * n ≤ A is unstable: SL 0, ASA Infinity, P(wait) 1, occupancy 1.
 *
 * @throws {StaffingInputError} agents not a whole number ≥ 0; offeredLoad or targetAnswerSec negative;
 *   ahtSec not > 0.
 * @example erlangCMetrics({ agents: 14, offeredLoad: 10, ahtSec: 180, targetAnswerSec: 20 }).serviceLevel
 * // ≈ 0.8883500191794664
 */
export function erlangCMetrics(input: ErlangCInput): ErlangCMetrics {
  requireNonNegativeInteger(input.agents, 'agents');
  requireNonNegative(input.offeredLoad, 'offeredLoad');
  requirePositive(input.ahtSec, 'ahtSec');
  requireNonNegative(input.targetAnswerSec, 'targetAnswerSec');
  const { agents, offeredLoad } = input;
  if (offeredLoad === 0) return IDLE_QUEUE;
  if (agents <= offeredLoad) return unstableQueue();
  const blocking = erlangBUnchecked(agents, offeredLoad);
  return erlangCMetricsFromB(blocking, agents, offeredLoad, input.ahtSec, input.targetAnswerSec);
}

/** {@link erlangCMetrics} from a known B(n, A), for n > A > 0 (no checks: used by the search). */
export function erlangCMetricsFromB(
  blocking: number,
  agents: number,
  offeredLoad: number,
  ahtSec: number,
  targetAnswerSec: number,
): ErlangCMetrics {
  const probabilityOfWait = erlangCFromB(blocking, agents, offeredLoad);
  const spareAgents = agents - offeredLoad;
  return {
    stable: true,
    probabilityOfWait,
    serviceLevel: 1 - probabilityOfWait * Math.exp((-spareAgents * targetAnswerSec) / ahtSec),
    averageSpeedOfAnswerSec: (probabilityOfWait * ahtSec) / spareAgents,
    occupancy: offeredLoad / agents,
  };
}

const IDLE_QUEUE: ErlangCMetrics = {
  stable: true,
  probabilityOfWait: 0,
  serviceLevel: 1,
  averageSpeedOfAnswerSec: 0,
  occupancy: 0,
};

function unstableQueue(): ErlangCMetrics {
  return {
    stable: false,
    probabilityOfWait: 1,
    serviceLevel: 0,
    averageSpeedOfAnswerSec: Number.POSITIVE_INFINITY,
    occupancy: 1,
  };
}
