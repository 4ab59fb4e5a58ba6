import type { ReplicationCounters } from './counters.js';
import { type Estimate, estimate } from './statistics.js';

/**
 * The figures reported for an interval or a whole run. Counts are per replication; rates are
 * computed per replication and then averaged. Every contact counts in the interval it arrived in.
 */
export interface PeriodMetrics<T> {
  offered: T;
  answered: T;
  abandoned: T;
  /** Still queued when the run stopped. */
  stillWaiting: T;
  /** The default service level: answered within t over all arrivals, S(t)/N (abandons count as misses). */
  serviceLevel: T;
  /** P(W ≤ t): answered or abandoned within t, over all arrivals, (S(t)+L(t))/N. */
  serviceLevelWaitWithin: T;
  /** Short abandons excluded: S(t)/(N − L(t)). */
  serviceLevelExcludingShortAbandons: T;
  /** P(W > 0): share of arrivals not answered at once. */
  probabilityDelayed: T;
  /** Average speed of answer: mean wait of the answered contacts. */
  asaSec: T;
  /** Mean wait of all arrivals with an outcome, abandoners' waits included (Erlang A's E[W]). */
  meanWaitSec: T;
  /** Abandoned over offered. */
  abandonRate: T;
  /** Per group (scenario order): busy time over on-queue time. */
  occupancy: T[];
}

function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : Number.NaN;
}

/** The metrics of one replication over the intervals [from, to). */
export function replicationMetrics(
  counters: ReplicationCounters,
  from: number,
  to: number,
): PeriodMetrics<number> {
  const sum = (values: Float64Array, offset = 0) => {
    let total = 0;
    for (let i = from; i < to; i++) total += values[offset + i]!;
    return total;
  };
  const offered = sum(counters.offered);
  const answered = sum(counters.answered);
  const abandoned = sum(counters.abandoned);
  const answeredWithin = sum(counters.answeredWithinThreshold);
  const abandonedWithin = sum(counters.abandonedWithinThreshold);
  const occupancy: number[] = [];
  for (let g = 0; g < counters.groupCount; g++) {
    const offset = g * counters.intervalCount;
    occupancy.push(ratio(sum(counters.busySec, offset), sum(counters.staffedSec, offset)));
  }
  return {
    offered,
    answered,
    abandoned,
    stillWaiting: sum(counters.stillWaiting),
    serviceLevel: ratio(answeredWithin, offered),
    serviceLevelWaitWithin: ratio(answeredWithin + abandonedWithin, offered),
    serviceLevelExcludingShortAbandons: ratio(answeredWithin, offered - abandonedWithin),
    probabilityDelayed: ratio(offered - sum(counters.answeredImmediately), offered),
    asaSec: ratio(sum(counters.answeredWaitSec), answered),
    meanWaitSec: ratio(sum(counters.answeredWaitSec) + sum(counters.abandonedWaitSec), answered + abandoned),
    abandonRate: ratio(abandoned, offered),
    occupancy,
  };
}

/** Mean and 95% confidence interval of each metric across replications. */
export function estimateMetrics(replications: PeriodMetrics<number>[]): PeriodMetrics<Estimate> {
  const first = replications[0];
  if (!first) throw new RangeError('estimateMetrics needs at least one replication');
  const of = (pick: (m: PeriodMetrics<number>) => number) => estimate(replications.map(pick));
  return {
    offered: of((m) => m.offered),
    answered: of((m) => m.answered),
    abandoned: of((m) => m.abandoned),
    stillWaiting: of((m) => m.stillWaiting),
    serviceLevel: of((m) => m.serviceLevel),
    serviceLevelWaitWithin: of((m) => m.serviceLevelWaitWithin),
    serviceLevelExcludingShortAbandons: of((m) => m.serviceLevelExcludingShortAbandons),
    probabilityDelayed: of((m) => m.probabilityDelayed),
    asaSec: of((m) => m.asaSec),
    meanWaitSec: of((m) => m.meanWaitSec),
    abandonRate: of((m) => m.abandonRate),
    occupancy: first.occupancy.map((_, g) => of((m) => m.occupancy[g]!)),
  };
}
