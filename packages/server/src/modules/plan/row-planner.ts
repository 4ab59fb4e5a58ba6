// Plans staffing rows whose targets may differ row by row, on top of core's interval planner. Shared by
// `shoreline staff` and `POST /api/plan/staffing`; imports nothing but core, so the CLI starts fast.

import {
  createIntervalPlanner,
  createPlanTotals,
  type IntervalMinutes,
  type IntervalPlan,
  type IntervalPlanner,
  type PlanTotals,
  type ServiceLevelDefinition,
} from '@shoreline/core/staffing/index';

/** One interval with every target resolved (plan-level defaults already applied). */
export interface StaffingRow {
  /** Local `YYYY-MM-DDTHH:mm`. */
  readonly start: string;
  readonly volume: number;
  readonly ahtSec: number;
  readonly intervalMin: IntervalMinutes;
  readonly serviceLevel?: { readonly fraction: number; readonly withinSec: number } | undefined;
  readonly maxOccupancy?: number | undefined;
  readonly shrinkage?: number | undefined;
  /** Mean patience: Erlang A instead of Erlang C. */
  readonly patienceSec?: number | undefined;
  readonly maxAsaSec?: number | undefined;
  readonly maxAbandonRate?: number | undefined;
  /** Productive agents kept even at zero volume (24/7 cover). */
  readonly minAgents?: number | undefined;
  readonly open?: boolean | undefined;
}

export interface RowPlannerOptions {
  readonly serviceLevelDefinition?: ServiceLevelDefinition | undefined;
  readonly nightHours?: { readonly from: string; readonly to: string } | undefined;
}

/** Totals of a plan, with FTE on a stated paid-hours basis. */
export interface StaffingTotals extends PlanTotals {
  /** First interval start to last interval end, hours (0 without intervals). */
  readonly spanHours: number;
}

export interface FteBasis {
  /** Paid hours of one FTE over the whole span; wins over `hoursPerWeek`. */
  readonly paidHoursPerFte?: number | undefined;
  /** Paid hours of one FTE per week (default 40): paid hours = hoursPerWeek × span in weeks. */
  readonly hoursPerWeek?: number | undefined;
}

export interface RowPlanner {
  /** Plans one row; throws core's `StaffingInputError` naming the core field on bad input. */
  plan(row: StaffingRow): IntervalPlan;
  totals(basis?: FteBasis): StaffingTotals;
}

const MAX_CACHED_PLANNERS = 256;
const MINUTE_MS = 60_000;

/** The two-digit number at `at` in `text`. */
function twoDigits(text: string, at: number): number {
  return (text.charCodeAt(at) - 48) * 10 + (text.charCodeAt(at + 1) - 48);
}

/**
 * Milliseconds of `YYYY-MM-DDTHH:mm` read as UTC (only differences are used), read by character
 * code with no substrings; the day's Date.UTC is cached.
 */
function createStartClock(): (start: string) => number {
  let lastDay = -1;
  let lastDayMs = 0;
  return (start) => {
    const year = twoDigits(start, 0) * 100 + twoDigits(start, 2);
    const month = twoDigits(start, 5);
    const date = twoDigits(start, 8);
    const day = (year * 100 + month) * 100 + date;
    if (day !== lastDay) {
      lastDay = day;
      lastDayMs = Date.UTC(year, month - 1, date);
    }
    return lastDayMs + (twoDigits(start, 11) * 60 + twoDigits(start, 14)) * MINUTE_MS;
  };
}

/**
 * Core's planner takes patience, ASA and abandonment targets and the 24/7 minimum per plan, not per
 * row; rows here may each set their own. So rows are planned by one core planner per distinct
 * combination (voice rows carry no state between intervals, so splitting them changes nothing) and
 * totalled once here. FTE divides by the paid hours of the span the rows cover, so a year's file
 * reports FTE per person-year, and a single interval the FTE for round-the-clock cover of it.
 */
export function createRowPlanner(options: RowPlannerOptions = {}): RowPlanner {
  const planners = new Map<string, IntervalPlanner>();
  const totals = createPlanTotals(1);
  let firstMs = Number.POSITIVE_INFINITY;
  let lastEndMs = Number.NEGATIVE_INFINITY;
  const startMs = createStartClock();
  let last: { row: StaffingRow; planner: IntervalPlanner } | undefined;

  function plannerFor(row: StaffingRow): IntervalPlanner {
    // Most files use one combination throughout: compare with the previous row before hashing.
    if (
      last &&
      last.row.patienceSec === row.patienceSec &&
      last.row.maxAsaSec === row.maxAsaSec &&
      last.row.maxAbandonRate === row.maxAbandonRate &&
      last.row.minAgents === row.minAgents
    ) {
      return last.planner;
    }
    last = { row, planner: plannerForKey(row) };
    return last.planner;
  }

  function plannerForKey(row: StaffingRow): IntervalPlanner {
    const key = `${row.patienceSec}|${row.maxAsaSec}|${row.maxAbandonRate}|${row.minAgents ?? 0}`;
    let planner = planners.get(key);
    if (planner) return planner;
    if (planners.size >= MAX_CACHED_PLANNERS) planners.clear();
    const targets = {
      ...(row.maxAsaSec !== undefined && { maxAverageSpeedOfAnswerSec: row.maxAsaSec }),
      ...(row.maxAbandonRate !== undefined && { maxAbandonRate: row.maxAbandonRate }),
      ...(options.serviceLevelDefinition && { serviceLevelDefinition: options.serviceLevelDefinition }),
    };
    planner = createIntervalPlanner({
      channels: {
        voice: {
          kind: 'voice',
          targets,
          ...(row.patienceSec !== undefined && { patienceSec: row.patienceSec }),
        },
      },
      minimumAgentsPerOpenInterval: row.minAgents ?? 0,
      ...(options.nightHours && { nightHours: options.nightHours }),
    });
    planners.set(key, planner);
    return planner;
  }

  return {
    plan(row) {
      // A StaffingRow is an IntervalRow with more fields (undefined means the plan default): no copy.
      const planned = plannerFor(row).plan(row);
      totals.add(planned);
      const ms = startMs(row.start);
      if (ms < firstMs) firstMs = ms;
      const endMs = ms + row.intervalMin * MINUTE_MS;
      if (endMs > lastEndMs) lastEndMs = endMs;
      return planned;
    },
    totals(basis = {}) {
      const result = totals.result();
      const spanHours = result.intervals > 0 ? (lastEndMs - firstMs) / 3_600_000 : 0;
      const paidHoursPerFte = basis.paidHoursPerFte ?? ((basis.hoursPerWeek ?? 40) * spanHours) / 168;
      return {
        ...result,
        spanHours,
        paidHoursPerFte,
        fte: paidHoursPerFte > 0 ? result.scheduledAgentHours / paidHoursPerFte : 0,
      };
    },
  };
}
