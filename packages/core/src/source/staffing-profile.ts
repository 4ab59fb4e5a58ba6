// Staffing once for every option: at equal quality targets the productive agents each interval
// needs are the same whoever employs them; options differ in shrinkage, price and overhead.
import {
  type ChannelModel,
  createIntervalPlanner,
  type IntervalMinutes,
  type StaffingTargets,
} from '../staffing/index.js';
import { SourceInputError } from './errors.js';

/** One interval of demand: local start `YYYY-MM-DDTHH:mm`, contacts, average handle time. */
export interface DemandInterval {
  readonly start: string;
  readonly volume: number;
  readonly ahtSec: number;
  /** Operation open (24/7 minimum cover applies); default true. */
  readonly open?: boolean;
}

/** How the series is staffed (Plan's engine, the same for every option). */
export interface StaffingBasis {
  readonly intervalMin: IntervalMinutes;
  readonly targets: StaffingTargets;
  /** Channel model; default voice (Erlang C, or A with patience). Chat takes `concurrency`. */
  readonly channel?: ChannelModel;
  /** Productive agents kept on every open interval, even at zero volume; default 0. */
  readonly minimumAgentsPerOpenInterval?: number;
}

/** The staffed series: productive agents per interval plus the sums costs are built on. */
export interface StaffingProfile {
  readonly intervalMin: IntervalMinutes;
  /** Productive (on-queue) agents per interval. */
  readonly rawAgents: Int32Array;
  /** 1 where the interval is in the night window (22:00–06:00), else 0. */
  readonly night: Uint8Array;
  /** Index of the interval's calendar month (`YYYY-MM` of its start) in `months`. */
  readonly monthIndex: Uint16Array;
  readonly months: readonly string[];
  /** Contacts per month, aligned with `months`. */
  readonly contactsByMonth: Float64Array;
  /** Handled minutes (volume × AHT ÷ 60) per month. */
  readonly handledMinutesByMonth: Float64Array;
  readonly contacts: number;
  readonly handledMinutes: number;
  /** Σ raw agents × interval hours. */
  readonly productiveHours: number;
  readonly peakRawAgents: number;
  /** Volume-weighted service level the staffing reaches (null without volume). */
  readonly expectedServiceLevel: number | null;
}

/**
 * Staffs a demand series with Plan's interval planner (SIPP: each interval by Erlang C/A or chat
 * slots on its own volume and AHT, FORMULAS.md §5; shrinkage 0 here, each option adds its own),
 * and keeps per interval the productive agents, the night flag and the calendar month, so that
 * each option's costs are one pass over integer arrays.
 *
 * Productive hours H_p = Σ_i n_i × (interval minutes ÷ 60).
 *
 * @throws {SourceInputError} `series` empty. From the planner: {@link StaffingInputError} on bad rows.
 * @example
 * const p = staffingProfile([{ start: '2025-01-06T09:00', volume: 100, ahtSec: 180 }],
 *   { intervalMin: 30, targets: { serviceLevel: { fraction: 0.8, withinSec: 20 } } });
 * p.rawAgents[0] // 14 (A = 100 × 180 ÷ 1800 = 10 Erlangs; Erlang C SL(13) = 0.796, SL(14) = 0.888)
 */
export function staffingProfile(series: readonly DemandInterval[], basis: StaffingBasis): StaffingProfile {
  if (series.length === 0) throw new SourceInputError('series', 'needs at least one interval');
  const planner = createIntervalPlanner({
    intervalMin: basis.intervalMin,
    targets: basis.targets,
    channels: { main: basis.channel ?? { kind: 'voice' } },
    minimumAgentsPerOpenInterval: basis.minimumAgentsPerOpenInterval ?? 0,
  });
  const n = series.length;
  const rawAgents = new Int32Array(n);
  const night = new Uint8Array(n);
  const monthIndex = new Uint16Array(n);
  const months: string[] = [];
  const monthOf = new Map<string, number>();
  const contactsByMonth: number[] = [];
  const minutesByMonth: number[] = [];
  let contacts = 0;
  let handledMinutes = 0;
  let rawAgentIntervals = 0;
  let peak = 0;
  for (let i = 0; i < n; i++) {
    const row = series[i] as DemandInterval;
    const planned = planner.plan({
      start: row.start,
      volume: row.volume,
      ahtSec: row.ahtSec,
      channel: 'main',
      ...(row.open === undefined ? {} : { open: row.open }),
    });
    rawAgents[i] = planned.rawAgents;
    night[i] = planned.night ? 1 : 0;
    rawAgentIntervals += planned.rawAgents;
    if (planned.rawAgents > peak) peak = planned.rawAgents;
    const key = row.start.slice(0, 7);
    let m = monthOf.get(key);
    if (m === undefined) {
      m = months.length;
      months.push(key);
      monthOf.set(key, m);
      contactsByMonth.push(0);
      minutesByMonth.push(0);
    }
    monthIndex[i] = m;
    const minutes = (row.volume * row.ahtSec) / 60;
    contactsByMonth[m] = (contactsByMonth[m] as number) + row.volume;
    minutesByMonth[m] = (minutesByMonth[m] as number) + minutes;
    contacts += row.volume;
    handledMinutes += minutes;
  }
  return {
    intervalMin: basis.intervalMin,
    rawAgents,
    night,
    monthIndex,
    months,
    contactsByMonth: Float64Array.from(contactsByMonth),
    handledMinutesByMonth: Float64Array.from(minutesByMonth),
    contacts,
    handledMinutes,
    productiveHours: (rawAgentIntervals * basis.intervalMin) / 60,
    peakRawAgents: peak,
    expectedServiceLevel: planner.totals().expectedServiceLevel,
  };
}
