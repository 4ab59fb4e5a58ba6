/**
 * Raw tallies of one replication, per interval of arrival (a contact counts in the interval it
 * arrived in, whenever its outcome happens), and per group and interval for agent time.
 */
export class ReplicationCounters {
  readonly offered: Float64Array;
  readonly answered: Float64Array;
  readonly abandoned: Float64Array;
  /** Still queued when the run stopped (no drain, or nobody left to answer). */
  readonly stillWaiting: Float64Array;
  readonly answeredWithinThreshold: Float64Array;
  readonly abandonedWithinThreshold: Float64Array;
  /** Answered on arrival, without waiting. */
  readonly answeredImmediately: Float64Array;
  readonly answeredWaitSec: Float64Array;
  readonly abandonedWaitSec: Float64Array;
  /** Index group × intervalCount + interval. */
  readonly busySec: Float64Array;
  readonly staffedSec: Float64Array;
  /** Events handled: arrivals, service ends, abandonments, overflow timers, staffing changes. */
  events = 0;

  constructor(
    readonly intervalCount: number,
    readonly groupCount: number,
  ) {
    const perInterval = () => new Float64Array(intervalCount);
    this.offered = perInterval();
    this.answered = perInterval();
    this.abandoned = perInterval();
    this.stillWaiting = perInterval();
    this.answeredWithinThreshold = perInterval();
    this.abandonedWithinThreshold = perInterval();
    this.answeredImmediately = perInterval();
    this.answeredWaitSec = perInterval();
    this.abandonedWaitSec = perInterval();
    this.busySec = new Float64Array(intervalCount * groupCount);
    this.staffedSec = new Float64Array(intervalCount * groupCount);
  }
}

/** What happened to one contact; collected only on request (tests, debugging). */
export interface ContactRecord {
  skill: string;
  arrivalSec: number;
  outcome: 'answered' | 'abandoned' | 'waiting';
  /** Wait until answered, abandonment, or the end of the run. */
  waitSec: number;
  /** Group that answered, for answered contacts. */
  group?: string;
}
