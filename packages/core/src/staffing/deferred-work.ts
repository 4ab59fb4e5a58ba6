// Deferred work (email, tickets, back office): no caller waits on the line; each item must be
// finished within a response deadline. Staffed by a fluid backlog recursion across intervals instead
// of Erlang (FORMULAS.md §6 "Email and back office"; §5 "carry-over of backlog"). Verint WFM calls
// these "deferred" queues with "deadline goals"; Assembled sets email targets in hours.

import { StaffingInputError } from './errors.js';
import { ceilOfRatio } from './exact-decimal.js';
import { requireFractionUpToOne, requireNonNegative, requirePositive } from './validate.js';

/** Configuration of a deferred-work queue. */
export interface DeferredWorkConfig {
  /** Every item must be finished within this many seconds of arriving (> 0). */
  readonly responseDeadlineSec: number;
  /** Productive fraction of an on-queue agent's time, in (0, 1]; default 1. */
  readonly maxOccupancy?: number;
}

/** One interval of deferred work. */
export interface DeferredInterval {
  readonly volume: number;
  readonly ahtSec: number;
  readonly intervalSec: number;
}

/** What the backlog recursion decided for one interval. */
export interface DeferredIntervalResult {
  /** Productive agents for this interval. */
  readonly rawAgents: number;
  /** Agents needed to clear work falling due by the end of this interval. */
  readonly agentsForDueWork: number;
  /** Agents needed to work the outstanding backlog off evenly over the deadline window. */
  readonly agentsForLevelPace: number;
  /** Items (fractional: fluid model) still open at the end of the interval. */
  readonly backlogItems: number;
  /** Agent-seconds of work still open at the end of the interval. */
  readonly backlogWorkSec: number;
  /** Worked time ÷ staffed time (0 with no agents). */
  readonly occupancy: number;
}

interface Bucket {
  workSec: number;
  items: number;
  readonly dueInterval: number;
}

/** Carries the FIFO backlog of a deferred queue from one interval to the next (memory O(window)). */
export interface DeferredBacklog {
  /**
   * Staffs one interval and carries the backlog on. `minimumAgents` (e.g. 24/7 cover) is staffed
   * anyway and its capacity works the backlog down.
   */
  next(interval: DeferredInterval, minimumAgents?: number): DeferredIntervalResult;
}

/**
 * A deferred-work backlog. Model (fluid, FIFO, earliest deadline first):
 * - interval j receives w_j = volume·AHT agent-seconds, due by the end of interval j + d − 1, where
 *   d = max(1, ⌊deadline/interval⌋) (deadlines round down to whole intervals: conservative);
 * - an agent contributes interval·occ_max agent-seconds; work is done oldest first;
 * - staffing n_j = max(⌈due_j/cap⌉, ⌈outstanding_j/(d·cap)⌉, minimum): enough to clear everything
 *   falling due now, and at least the level pace that would clear today's outstanding work over one
 *   deadline window (smooths the "everything at the deadline" peak).
 * All deadlines are met by construction; the unfinished backlog carries to the next interval.
 * Arrivals are taken at the start of their interval, so a deadline of one interval is optimistic.
 *
 * @throws {StaffingInputError} deadline not > 0; occupancy outside (0, 1]; negative volume,
 *   non-positive AHT or interval (from `next`).
 * @example
 * const email = createDeferredBacklog({ responseDeadlineSec: 4 * 3600 });
 * email.next({ volume: 40, ahtSec: 360, intervalSec: 3600 }).rawAgents // 1 (4 agent-hours over 4 hours)
 */
export function createDeferredBacklog(config: DeferredWorkConfig): DeferredBacklog {
  const deadlineSec = requirePositive(config.responseDeadlineSec, 'responseDeadlineSec');
  const maxOccupancy = config.maxOccupancy ?? 1;
  requireFractionUpToOne(maxOccupancy, 'maxOccupancy');
  const buckets: Bucket[] = [];
  let intervalIndex = 0;

  return {
    next(interval, minimumAgents = 0) {
      const volume = requireNonNegative(interval.volume, 'volume');
      const ahtSec = requirePositive(interval.ahtSec, 'ahtSec');
      const intervalSec = requirePositive(interval.intervalSec, 'intervalSec');
      const window = Math.max(1, Math.floor(deadlineSec / intervalSec));
      if (volume > 0) {
        buckets.push({ workSec: volume * ahtSec, items: volume, dueInterval: intervalIndex + window - 1 });
      }
      let dueWorkSec = 0;
      let outstandingSec = 0;
      for (const bucket of buckets) {
        outstandingSec += bucket.workSec;
        if (bucket.dueInterval <= intervalIndex) dueWorkSec += bucket.workSec;
      }
      const agentsForDueWork = dueWorkSec > 0 ? ceilOfRatio([dueWorkSec], [intervalSec, maxOccupancy]) : 0;
      const agentsForLevelPace =
        outstandingSec > 0 ? ceilOfRatio([outstandingSec], [window, intervalSec, maxOccupancy]) : 0;
      const rawAgents = Math.max(agentsForDueWork, agentsForLevelPace, minimumAgents);

      let capacitySec = rawAgents * intervalSec * maxOccupancy;
      const staffedSec = rawAgents * intervalSec;
      let workedSec = 0;
      while (capacitySec > 0 && buckets.length > 0) {
        const oldest = buckets[0]!;
        const done = Math.min(oldest.workSec, capacitySec);
        capacitySec -= done;
        workedSec += done;
        if (oldest.workSec - done <= 1e-12 * oldest.workSec) {
          buckets.shift();
        } else {
          oldest.items *= 1 - done / oldest.workSec;
          oldest.workSec -= done;
        }
      }
      if (buckets.some((b) => b.dueInterval <= intervalIndex && b.workSec > 1e-6 * intervalSec)) {
        throw new StaffingInputError('responseDeadlineSec', 'internal: due work left unfinished');
      }
      intervalIndex += 1;
      let backlogItems = 0;
      let backlogWorkSec = 0;
      for (const bucket of buckets) {
        backlogItems += bucket.items;
        backlogWorkSec += bucket.workSec;
      }
      return {
        rawAgents,
        agentsForDueWork,
        agentsForLevelPace,
        backlogItems,
        backlogWorkSec,
        occupancy: staffedSec > 0 ? workedSec / staffedSec : 0,
      };
    },
  };
}
