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
  // Intervals counted by flag; sums (agent-minutes are whole numbers, so exact); peaks.
  const count = { intervals: 0, openIntervals: 0, nightIntervals: 0, intervalsAtMinimum: 0 };
  const sum = { volume: 0, rawAgentMinutes: 0, scheduledAgentMinutes: 0, queueVolume: 0, metVolume: 0 };
  const peak = { peakRawAgents: 0, peakScheduledAgents: 0 };
  let expectedAbandoned = 0;
  return {
    add(interval) {
      count.intervals += 1;
      count.openIntervals += Number(interval.open);
      count.nightIntervals += Number(interval.night);
      count.intervalsAtMinimum += Number(interval.atMinimum);
      sum.volume += interval.volume;
      sum.rawAgentMinutes += interval.rawAgents * interval.intervalMin;
      sum.scheduledAgentMinutes += interval.scheduledAgents * interval.intervalMin;
      peak.peakRawAgents = Math.max(peak.peakRawAgents, interval.rawAgents);
      peak.peakScheduledAgents = Math.max(peak.peakScheduledAgents, interval.scheduledAgents);
      if (interval.serviceLevel !== null) {
        sum.queueVolume += interval.volume;
        sum.metVolume += interval.volume * interval.serviceLevel;
      }
      if (interval.probabilityOfAbandon !== null)
        expectedAbandoned += interval.volume * interval.probabilityOfAbandon;
    },
    result() {
      const scheduledAgentHours = sum.scheduledAgentMinutes / 60;
      return {
        ...count,
        volume: sum.volume,
        rawAgentHours: sum.rawAgentMinutes / 60,
        scheduledAgentHours,
        fte: scheduledAgentHours / paidHoursPerFte,
        paidHoursPerFte,
        ...peak,
        expectedServiceLevel: sum.queueVolume > 0 ? sum.metVolume / sum.queueVolume : null,
        expectedAbandoned,
      };
    },
  };
}
