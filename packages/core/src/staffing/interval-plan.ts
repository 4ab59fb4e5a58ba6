// Interval plans: SIPP (stationary independent period-by-period, FORMULAS.md §5) over 15-, 30- or
// 60-minute intervals, per channel, with 24/7 minimum cover, night flags, and totals in agent-hours
// and FTE. Rows stream through a planner one at a time, so a year of quarter-hours (35,040 rows, or
// 350,400 for ten queues) is planned in constant memory.

import { requiredChatAgents } from './chat-staffing.js';
import { createDeferredBacklog, type DeferredBacklog } from './deferred-work.js';
import { erlangAMetrics, type ServiceLevelDefinition } from './erlang-a.js';
import { erlangCMetrics } from './erlang-c.js';
import { StaffingInputError } from './errors.js';
import { createPlanTotals, type PlanTotals, type PlanTotalsAccumulator } from './plan-totals.js';
import {
  type BindingConstraint,
  createExactLoad,
  createSearchOutput,
  fillExactLoad,
  requiredAgents,
  type StaffingTargets,
  searchValidated,
  type ValidTargets,
} from './required-agents.js';
import { availableUnitsOf, scheduledAgents, scheduledFromAvailableUnits } from './shrinkage.js';
import { requireNonNegativeInteger, requirePositive } from './validate.js';

/** Interval lengths a plan may use, in minutes. */
export type IntervalMinutes = 15 | 30 | 60;

/** How one channel is staffed. */
export type ChannelModel =
  /** Erlang C, or Erlang A when `patienceSec` is given. */
  | { readonly kind: 'voice'; readonly patienceSec?: number; readonly targets?: StaffingTargets }
  /** Erlang C/A on agents × concurrency slots (see requiredChatAgents for the model and its optimism). */
  | {
      readonly kind: 'chat';
      readonly concurrency: number;
      readonly patienceSec?: number;
      readonly targets?: StaffingTargets;
    }
  /** Deferred work with a response deadline, backlog carried across intervals (createDeferredBacklog). */
  | { readonly kind: 'deferred'; readonly responseDeadlineSec: number; readonly maxOccupancy?: number };

/** One input interval. Optional fields override the plan options for this row. */
export interface IntervalRow {
  /** Local wall-clock start, `YYYY-MM-DDTHH:mm` (seconds allowed), in the team's time zone. */
  readonly start: string;
  /** Contacts arriving in the interval (forecasts may be fractional), ≥ 0. */
  readonly volume: number;
  /** Average handle time, seconds, > 0. */
  readonly ahtSec: number;
  /** Key into `options.channels`; default `voice`. */
  readonly channel?: string;
  /** Default `options.intervalMin`. */
  readonly intervalMin?: IntervalMinutes;
  /** Whether the operation is open (minimum cover applies); default true. */
  readonly open?: boolean;
  readonly serviceLevel?: { readonly fraction: number; readonly withinSec: number };
  readonly maxOccupancy?: number;
  readonly shrinkage?: number;
}

/** Options of a plan. */
export interface PlanOptions {
  /** Default interval length; default 15. */
  readonly intervalMin?: IntervalMinutes;
  /** Channel models by key; default `{ voice: { kind: 'voice' } }`. */
  readonly channels?: Readonly<Record<string, ChannelModel>>;
  /** Default targets for voice and chat channels (a channel's own `targets` win). */
  readonly targets?: StaffingTargets;
  /** Default shrinkage, [0, 1); default 0. */
  readonly shrinkage?: number;
  /** Productive agents kept on every open interval, even at zero volume (24/7 cover); default 0. */
  readonly minimumAgentsPerOpenInterval?: number;
  /** Night window `[from, to)` in local `HH:mm`, may wrap midnight; default 22:00–06:00. */
  readonly nightHours?: { readonly from: string; readonly to: string };
  /** Paid hours per FTE over the period the rows cover (e.g. 40 for a week, 2080 for a year). Default 40. */
  readonly paidHoursPerFte?: number;
}

/** The plan for one interval. Queue metrics are `null` for deferred channels. */
export interface IntervalPlan {
  readonly start: string;
  readonly channel: string;
  readonly intervalMin: IntervalMinutes;
  readonly volume: number;
  readonly ahtSec: number;
  /** A = volume·AHT/interval length, Erlangs. */
  readonly offeredLoad: number;
  readonly open: boolean;
  readonly night: boolean;
  /** Productive agents the targets alone need. */
  readonly requiredAgents: number;
  /** Productive agents planned: max(required, minimum when open). */
  readonly rawAgents: number;
  /** ⌈raw/(1 − shrinkage)⌉, exact. */
  readonly scheduledAgents: number;
  /** True when the 24/7 minimum, not the workload, set `rawAgents`. */
  readonly atMinimum: boolean;
  readonly binding: BindingConstraint | 'deadline' | 'minimum';
  readonly occupancy: number;
  readonly serviceLevel: number | null;
  readonly probabilityOfWait: number | null;
  readonly averageSpeedOfAnswerSec: number | null;
  readonly probabilityOfAbandon: number | null;
  /** Deferred channels: items still open at the end of the interval. */
  readonly backlogItems: number | null;
}

/** What one channel model decided for an interval, before minimum cover and shrinkage. */
type ChannelStaffing = Pick<
  IntervalPlan,
  | 'offeredLoad'
  | 'requiredAgents'
  | 'rawAgents'
  | 'binding'
  | 'occupancy'
  | 'serviceLevel'
  | 'probabilityOfWait'
  | 'averageSpeedOfAnswerSec'
  | 'probabilityOfAbandon'
  | 'backlogItems'
>;

/** Streams rows through a plan: `plan` each row in order, then read `totals`. */
export interface IntervalPlanner {
  plan(row: IntervalRow): IntervalPlan;
  totals(): PlanTotals;
}

const NO_TARGETS: StaffingTargets = {};
const DEFAULT_CHANNELS: Readonly<Record<string, ChannelModel>> = { voice: { kind: 'voice' } };
const VALID_INTERVALS = new Set([15, 30, 60]);

/** Number.isFinite(value) && value > bound, without coercion (requirePositive's test, as a boolean). */
function isFiniteAbove(value: number, bound: number): boolean {
  return Number.isFinite(value) && value > bound;
}

/** Number.isFinite(value) && value ≥ bound (requireNonNegative's test, as a boolean). */
function isFiniteAtLeast(value: number, bound: number): boolean {
  return Number.isFinite(value) && value >= bound;
}

function minuteOfDay(hhmm: string, field: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!(minutes >= 0 && minutes < 1440)) throw new StaffingInputError(field, `must be HH:mm, got ${hhmm}`);
  return minutes;
}

/** Minute of day of `YYYY-MM-DDTHH:mm`, read by position (no Date, no clock, no time zone). */
function startMinuteOfDay(start: string): number {
  const hours = (start.charCodeAt(11) - 48) * 10 + (start.charCodeAt(12) - 48);
  const minutes = (start.charCodeAt(14) - 48) * 10 + (start.charCodeAt(15) - 48);
  const valid = start.length >= 16 && start[10] === 'T' && start[13] === ':' && hours < 24 && minutes < 60;
  if (!valid || !(hours >= 0 && minutes >= 0)) {
    throw new StaffingInputError('start', `must be YYYY-MM-DDTHH:mm, got ${start}`);
  }
  return hours * 60 + minutes;
}

/**
 * A streaming interval planner (SIPP, FORMULAS.md §5): each row is staffed on its own with its
 * interval's volume and AHT — voice by Erlang C/A, chat by slots, deferred work by a backlog carried
 * across rows of the same channel — then the open-interval minimum and shrinkage are applied, and
 * the row is added to the running totals. Memory is constant in the number of rows.
 *
 * SIPP understaffs when rates change fast relative to AHT (Green, Kolesar & Whitt 2007, POMS
 * 16(1):13–39); lag the volumes by about one AHT before planning if that matters.
 *
 * @throws {StaffingInputError} bad options (interval not 15/30/60, night hours not HH:mm, minimum not a
 *   whole number, paid hours ≤ 0); from `plan`: unknown channel, bad `start`, or anything
 *   {@link requiredAgents} rejects.
 * @example
 * const planner = createIntervalPlanner({ targets: { serviceLevel: { fraction: 0.8, withinSec: 20 } }, shrinkage: 0.3 });
 * planner.plan({ start: '2025-01-01T09:00', volume: 114, ahtSec: 284.4 }).scheduledAgents;
 * planner.totals().fte;
 */
export function createIntervalPlanner(options: PlanOptions = {}): IntervalPlanner {
  const defaultIntervalMin = options.intervalMin ?? 15;
  if (!VALID_INTERVALS.has(defaultIntervalMin)) {
    throw new StaffingInputError('intervalMin', `must be 15, 30 or 60, got ${defaultIntervalMin}`);
  }
  const channels = options.channels ?? DEFAULT_CHANNELS;
  const minimum = requireNonNegativeInteger(
    options.minimumAgentsPerOpenInterval ?? 0,
    'minimumAgentsPerOpenInterval',
  );
  const nightFrom = minuteOfDay(options.nightHours?.from ?? '22:00', 'nightHours.from');
  const nightTo = minuteOfDay(options.nightHours?.to ?? '06:00', 'nightHours.to');
  const paidHoursPerFte = requirePositive(options.paidHoursPerFte ?? 40, 'paidHoursPerFte');
  const backlogs = new Map<string, DeferredBacklog>();
  const totals: PlanTotalsAccumulator = createPlanTotals(paidHoursPerFte);

  const isNight = (minute: number) =>
    nightFrom <= nightTo ? minute >= nightFrom && minute < nightTo : minute >= nightFrom || minute < nightTo;

  function planDeferred(
    row: IntervalRow,
    model: Extract<ChannelModel, { kind: 'deferred' }>,
    channelKey: string,
    intervalSec: number,
    floor: number,
  ): ChannelStaffing {
    let backlog = backlogs.get(channelKey);
    if (!backlog) {
      backlog = createDeferredBacklog(model);
      backlogs.set(channelKey, backlog);
    }
    const done = backlog.next({ volume: row.volume, ahtSec: row.ahtSec, intervalSec }, floor);
    return {
      offeredLoad: (row.volume * row.ahtSec) / intervalSec,
      requiredAgents: Math.max(done.agentsForDueWork, done.agentsForLevelPace),
      rawAgents: done.rawAgents,
      binding: 'deadline',
      occupancy: done.occupancy,
      serviceLevel: null,
      probabilityOfWait: null,
      averageSpeedOfAnswerSec: null,
      probabilityOfAbandon: null,
      backlogItems: done.backlogItems,
    };
  }

  function planQueue(
    row: IntervalRow,
    model: Exclude<ChannelModel, { kind: 'deferred' }>,
    intervalSec: number,
    floor: number,
  ): ChannelStaffing {
    const channelTargets = model.targets ?? options.targets ?? NO_TARGETS;
    // Built field by field (no spreads): this runs once per row of year-long plans.
    const targets: StaffingTargets = {
      serviceLevel: row.serviceLevel ?? channelTargets.serviceLevel,
      maxAverageSpeedOfAnswerSec: channelTargets.maxAverageSpeedOfAnswerSec,
      maxAbandonRate: channelTargets.maxAbandonRate,
      maxOccupancy: row.maxOccupancy ?? channelTargets.maxOccupancy,
      serviceLevelDefinition: channelTargets.serviceLevelDefinition,
    };
    const workload = {
      volume: row.volume,
      intervalSec,
      ahtSec: row.ahtSec,
      targets,
      patienceSec: model.patienceSec,
    };
    const concurrency = model.kind === 'chat' ? model.concurrency : 1;
    const need =
      model.kind === 'chat' ? requiredChatAgents({ ...workload, concurrency }) : requiredAgents(workload);
    const rawAgents = Math.max(need.rawAgents, floor);
    let performance = need.performance;
    if (rawAgents > need.rawAgents && need.offeredLoad > 0) {
      performance = queuePerformanceAt(
        rawAgents * concurrency,
        need.offeredLoad,
        row.ahtSec,
        targets.serviceLevel?.withinSec ?? 0,
        targets.serviceLevelDefinition,
        model.patienceSec,
      );
    }
    return {
      offeredLoad: need.offeredLoad,
      requiredAgents: need.rawAgents,
      rawAgents,
      binding: need.binding,
      occupancy: performance.occupancy,
      serviceLevel: performance.serviceLevel,
      probabilityOfWait: performance.probabilityOfWait,
      averageSpeedOfAnswerSec: performance.averageSpeedOfAnswerSec,
      probabilityOfAbandon: performance.probabilityOfAbandon,
      backlogItems: null,
    };
  }

  // Scratch for the voice fast path: refilled every row, never handed out.
  const load = createExactLoad();
  const rowTargets: ValidTargets = {
    serviceLevel: undefined,
    maxAsaSec: undefined,
    maxAbandonRate: undefined,
    maxOccupancy: undefined,
    definition: 'answered-within-over-offered',
  };
  const found = createSearchOutput();
  let checkedShrinkage = Number.NaN;
  let availableUnits = 0;

  /** scheduledAgents(raw, shrinkage) for a raw from the search; each distinct shrinkage checked once. */
  function scheduled(rawAgents: number, shrinkage: number): number {
    if (shrinkage === 0) return rawAgents;
    if (shrinkage === checkedShrinkage) return scheduledFromAvailableUnits(rawAgents, availableUnits);
    const result = scheduledAgents(rawAgents, shrinkage); // throws for a bad shrinkage, as before
    availableUnits = availableUnitsOf(shrinkage);
    checkedShrinkage = shrinkage;
    return result;
  }

  /**
   * A voice row whose inputs all pass requiredAgents' checks, planned without its intermediate
   * objects; undefined when any check would fail, so the general path throws the same error.
   * Same search (searchValidated), same numbers: only the validation and allocation are skipped.
   */
  function planVoiceFast(
    row: IntervalRow,
    model: Extract<ChannelModel, { kind: 'voice' }>,
    channelKey: string,
    intervalMin: IntervalMinutes,
    open: boolean,
    night: boolean,
    shrinkage: number,
  ): IntervalPlan | undefined {
    const { volume, ahtSec } = row;
    const patienceSec = model.patienceSec;
    const channelTargets = model.targets ?? options.targets ?? NO_TARGETS;
    const serviceLevel = row.serviceLevel ?? channelTargets.serviceLevel;
    const maxOccupancy = row.maxOccupancy ?? channelTargets.maxOccupancy;
    const maxAsaSec = channelTargets.maxAverageSpeedOfAnswerSec;
    const maxAbandonRate = channelTargets.maxAbandonRate;
    const finitePatience = patienceSec !== undefined && patienceSec !== Number.POSITIVE_INFINITY;
    const valid =
      isFiniteAbove(ahtSec, 0) &&
      isFiniteAtLeast(volume, 0) &&
      (!finitePatience || isFiniteAbove(patienceSec, 0)) &&
      (!serviceLevel ||
        (isFiniteAtLeast(serviceLevel.fraction, 0) &&
          serviceLevel.fraction < 1 &&
          isFiniteAtLeast(serviceLevel.withinSec, 0))) &&
      (maxAsaSec === undefined || isFiniteAbove(maxAsaSec, 0)) &&
      (maxAbandonRate === undefined ||
        (finitePatience && isFiniteAbove(maxAbandonRate, 0) && maxAbandonRate <= 1)) &&
      (maxOccupancy === undefined || (isFiniteAbove(maxOccupancy, 0) && maxOccupancy <= 1));
    if (!valid) return undefined;

    const intervalSec = intervalMin * 60;
    const floor = open ? minimum : 0;
    fillExactLoad(load, volume, intervalSec, ahtSec);
    rowTargets.serviceLevel = serviceLevel;
    rowTargets.maxAsaSec = maxAsaSec;
    rowTargets.maxAbandonRate = maxAbandonRate;
    rowTargets.maxOccupancy = maxOccupancy;
    rowTargets.definition = channelTargets.serviceLevelDefinition ?? 'answered-within-over-offered';
    searchValidated(load, rowTargets, patienceSec, found);

    const requiredAgents = found.agents;
    const rawAgents = Math.max(requiredAgents, floor);
    const atMinimum = rawAgents > requiredAgents;
    let {
      occupancy,
      serviceLevel: level,
      probabilityOfWait,
      averageSpeedOfAnswerSec,
      probabilityOfAbandon,
    } = found;
    if (atMinimum && load.offeredLoad > 0) {
      const performance = queuePerformanceAt(
        rawAgents,
        load.offeredLoad,
        ahtSec,
        serviceLevel?.withinSec ?? 0,
        channelTargets.serviceLevelDefinition,
        patienceSec,
      );
      occupancy = performance.occupancy;
      level = performance.serviceLevel;
      probabilityOfWait = performance.probabilityOfWait;
      averageSpeedOfAnswerSec = performance.averageSpeedOfAnswerSec;
      probabilityOfAbandon = performance.probabilityOfAbandon;
    }
    return {
      start: row.start,
      channel: channelKey,
      intervalMin,
      volume,
      ahtSec,
      offeredLoad: load.offeredLoad,
      open,
      night,
      requiredAgents,
      rawAgents,
      scheduledAgents: scheduled(rawAgents, shrinkage),
      atMinimum,
      binding: atMinimum ? 'minimum' : found.binding,
      occupancy,
      serviceLevel: level,
      probabilityOfWait,
      averageSpeedOfAnswerSec,
      probabilityOfAbandon,
      backlogItems: null,
    };
  }

  function plan(row: IntervalRow): IntervalPlan {
    const channelKey = row.channel ?? 'voice';
    const model = channels[channelKey];
    if (!model) throw new StaffingInputError('channel', `unknown channel "${channelKey}"`);
    const intervalMin = row.intervalMin ?? defaultIntervalMin;
    if (intervalMin !== 15 && intervalMin !== 30 && intervalMin !== 60) {
      throw new StaffingInputError('intervalMin', `must be 15, 30 or 60, got ${intervalMin}`);
    }
    const open = row.open ?? true;
    const night = isNight(startMinuteOfDay(row.start));
    const shrinkage = row.shrinkage ?? options.shrinkage ?? 0;
    if (model.kind === 'voice') {
      const fast = planVoiceFast(row, model, channelKey, intervalMin, open, night, shrinkage);
      if (fast) {
        totals.add(fast);
        return fast;
      }
    }
    const intervalSec = intervalMin * 60;
    const floor = open ? minimum : 0;
    const intervalPlan =
      model.kind === 'deferred'
        ? planDeferred(row, model, channelKey, intervalSec, floor)
        : planQueue(row, model, intervalSec, floor);
    const result: IntervalPlan = {
      start: row.start,
      channel: channelKey,
      intervalMin,
      volume: row.volume,
      ahtSec: row.ahtSec,
      offeredLoad: intervalPlan.offeredLoad,
      open,
      night,
      requiredAgents: intervalPlan.requiredAgents,
      rawAgents: intervalPlan.rawAgents,
      scheduledAgents: scheduledAgents(intervalPlan.rawAgents, shrinkage),
      atMinimum: intervalPlan.rawAgents > intervalPlan.requiredAgents,
      binding: intervalPlan.rawAgents > intervalPlan.requiredAgents ? 'minimum' : intervalPlan.binding,
      occupancy: intervalPlan.occupancy,
      serviceLevel: intervalPlan.serviceLevel,
      probabilityOfWait: intervalPlan.probabilityOfWait,
      averageSpeedOfAnswerSec: intervalPlan.averageSpeedOfAnswerSec,
      probabilityOfAbandon: intervalPlan.probabilityOfAbandon,
      backlogItems: intervalPlan.backlogItems,
    };
    totals.add(result);
    return result;
  }

  return { plan, totals: () => totals.result() };
}

function queuePerformanceAt(
  servers: number,
  offeredLoad: number,
  ahtSec: number,
  targetAnswerSec: number,
  serviceLevelDefinition: ServiceLevelDefinition | undefined,
  patienceSec: number | undefined,
) {
  const base = { agents: servers, offeredLoad, ahtSec, targetAnswerSec };
  if (patienceSec !== undefined && patienceSec !== Number.POSITIVE_INFINITY) {
    return erlangAMetrics({
      ...base,
      patienceSec,
      ...(serviceLevelDefinition && { serviceLevelDefinition }),
    });
  }
  return { ...erlangCMetrics(base), probabilityOfAbandon: 0 };
}

/**
 * Plans every row (see {@link createIntervalPlanner}) and returns the intervals with their totals.
 * Keeps every interval in memory: for very long inputs, stream through `createIntervalPlanner` instead.
 * @throws {StaffingInputError} as {@link createIntervalPlanner}.
 * @example
 * planIntervals([{ start: '2025-01-01T09:00', volume: 114, ahtSec: 284.4 }],
 *   { targets: { serviceLevel: { fraction: 0.8, withinSec: 20 }, maxOccupancy: 0.85 }, shrinkage: 0.3 })
 */
export function planIntervals(
  rows: Iterable<IntervalRow>,
  options: PlanOptions = {},
): { readonly intervals: IntervalPlan[]; readonly totals: PlanTotals } {
  const planner = createIntervalPlanner(options);
  const intervals: IntervalPlan[] = [];
  for (const row of rows) intervals.push(planner.plan(row));
  return { intervals, totals: planner.totals() };
}
