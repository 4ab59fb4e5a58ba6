// Running totals of an interval plan, kept in O(1) memory.

/** Totals over the planned intervals (FORMULAS.md §5: FTE = Σ scheduled × minutes/60 ÷ paid hours). */
export interface PlanTotals {
  readonly intervals: number;
  readonly openIntervals: number;
  readonly nightIntervals: number;
  /** Intervals where the open-interval minimum, not the workload, set the staffing. */
  readonly intervalsAtMinimum: number;
  readonly volume: number;
  /** Σ raw agents × interval hours. */
  readonly rawAgentHours: number;
  /** Σ scheduled agents × interval hours. */
  readonly scheduledAgentHours: number;
  /** scheduledAgentHours ÷ paid hours per FTE. */
  readonly fte: number;
  readonly paidHoursPerFte: number;
  readonly peakRawAgents: number;
  readonly peakScheduledAgents: number;
  /** Volume-weighted expected service level over queue (voice/chat) intervals; null without volume. */
  readonly expectedServiceLevel: number | null;
  /** Expected abandoned contacts, Σ volume × P(Ab) (0 under Erlang C). */
  readonly expectedAbandoned: number;
}

/** The fields of an interval that totals read. */
export interface TotalsInput {
  readonly intervalMin: number;
  readonly volume: number;
  readonly open: boolean;
  readonly night: boolean;
  readonly atMinimum: boolean;
  readonly rawAgents: number;
  readonly scheduledAgents: number;
  readonly serviceLevel: number | null;
  readonly probabilityOfAbandon: number | null;
}

/** Accumulates {@link PlanTotals} one interval at a time. */
export interface PlanTotalsAccumulator {
  add(interval: TotalsInput): void;
  result(): PlanTotals;
}

/**
 * A totals accumulator for streamed plans. Agent-minutes are summed as integers (exact), and
 * converted to hours only in `result`.
 * @param paidHoursPerFte paid hours one FTE works over the period the intervals cover
 * @example
 * const totals = createPlanTotals(40);
 * totals.add(interval); // for each planned interval
 * totals.result().fte;
 */
export function createPlanTotals(paidHoursPerFte: number): PlanTotalsAccumulator {
  let intervals = 0;
  let openIntervals = 0;
  let nightIntervals = 0;
  let intervalsAtMinimum = 0;
  let volume = 0;
  let rawAgentMinutes = 0;
  let scheduledAgentMinutes = 0;
  let peakRawAgents = 0;
  let peakScheduledAgents = 0;
  let queueVolume = 0;
  let metVolume = 0;
  let expectedAbandoned = 0;
  return {
    add(interval) {
      intervals += 1;
      if (interval.open) openIntervals += 1;
      if (interval.night) nightIntervals += 1;
      if (interval.atMinimum) intervalsAtMinimum += 1;
      volume += interval.volume;
      rawAgentMinutes += interval.rawAgents * interval.intervalMin;
      scheduledAgentMinutes += interval.scheduledAgents * interval.intervalMin;
      peakRawAgents = Math.max(peakRawAgents, interval.rawAgents);
      peakScheduledAgents = Math.max(peakScheduledAgents, interval.scheduledAgents);
      if (interval.serviceLevel !== null) {
        queueVolume += interval.volume;
        metVolume += interval.volume * interval.serviceLevel;
      }
      if (interval.probabilityOfAbandon !== null)
        expectedAbandoned += interval.volume * interval.probabilityOfAbandon;
    },
    result() {
      const scheduledAgentHours = scheduledAgentMinutes / 60;
      return {
        intervals,
        openIntervals,
        nightIntervals,
        intervalsAtMinimum,
        volume,
        rawAgentHours: rawAgentMinutes / 60,
        scheduledAgentHours,
        fte: scheduledAgentHours / paidHoursPerFte,
        paidHoursPerFte,
        peakRawAgents,
        peakScheduledAgents,
        expectedServiceLevel: queueVolume > 0 ? metVolume / queueVolume : null,
        expectedAbandoned,
      };
    },
  };
}
