// Plan's use cases: staffing per interval and simulation. Both are calculators: they read and write no
// tables, so any signed-in role may use them (the platform requires sign-in for every /api route).

import {
  type Scenario,
  type SimulationResult,
  simulate,
  validateScenario,
} from '@shoreline/core/simulation/index';
import {
  type IntervalPlan,
  type ServiceLevelDefinition,
  StaffingInputError,
} from '@shoreline/core/staffing/index';
import { AppError } from '../../platform/http/problem.js';
import { createRowPlanner, type StaffingRow, type StaffingTotals } from './row-planner.js';
import { MAX_SIMULATED_CONTACTS, type SimulationRequest, type StaffingRequest } from './schemas.js';

/** A planned interval, with the request's `start` (null when the caller gave none). */
export interface PlannedInterval {
  readonly start: string | null;
  readonly model: 'erlang-c' | 'erlang-a';
  readonly plan: IntervalPlan;
}

export interface StaffingPlan {
  readonly intervals: PlannedInterval[];
  readonly totals: StaffingTotals;
}

// Where no start is given (a single what-if interval), plan at noon: not a night interval.
const PLACEHOLDER_START = '2000-01-03T12:00';
const MINUTE_MS = 60_000;

interface SourcedRow {
  readonly row: StaffingRow;
  readonly start: string | null;
  /** Request path of the row, e.g. `intervals.3` or `series` */
  readonly path: string;
  readonly index: number;
  readonly own: ReadonlySet<string>;
}

function* requestRows(body: StaffingRequest): Generator<SourcedRow> {
  const defaults = {
    serviceLevel: body.targets.serviceLevel,
    maxOccupancy: body.targets.maxOccupancy,
    shrinkage: body.shrinkage,
    patienceSec: body.patienceSec,
    maxAsaSec: body.targets.maxAsaSec,
    maxAbandonRate: body.targets.maxAbandonRate,
    minAgents: body.minAgents,
  };
  if (body.intervals) {
    for (const [index, interval] of body.intervals.entries()) {
      const own = new Set(Object.keys(interval));
      yield {
        row: {
          start: interval.start ?? PLACEHOLDER_START,
          volume: interval.volume,
          ahtSec: interval.ahtSec,
          intervalMin: interval.intervalMin ?? body.intervalMin,
          serviceLevel: interval.serviceLevel ?? defaults.serviceLevel,
          maxOccupancy: interval.maxOccupancy ?? defaults.maxOccupancy,
          shrinkage: interval.shrinkage ?? defaults.shrinkage,
          patienceSec: interval.patienceSec ?? defaults.patienceSec,
          maxAsaSec: interval.maxAsaSec ?? defaults.maxAsaSec,
          maxAbandonRate: interval.maxAbandonRate ?? defaults.maxAbandonRate,
          minAgents: interval.minAgents ?? defaults.minAgents,
          open: interval.open,
        },
        start: interval.start ?? null,
        path: `intervals.${index}`,
        index,
        own,
      };
    }
    return;
  }
  const series = body.series!;
  const firstMs = Date.parse(`${series.start}:00Z`);
  const own = new Set<string>();
  for (let index = 0; index < series.volume.length; index++) {
    const start = new Date(firstMs + index * series.intervalMin * MINUTE_MS).toISOString().slice(0, 16);
    const ahtSec = typeof series.ahtSec === 'number' ? series.ahtSec : series.ahtSec[index]!;
    yield {
      row: { ...defaults, start, volume: series.volume[index]!, ahtSec, intervalMin: series.intervalMin },
      start,
      path: 'series',
      index,
      own,
    };
  }
}

// Core's field names → the request's, for a row's own value or the plan-level default.
const ROW_FIELD: Readonly<Record<string, [own: string, rowKey: string, planLevel: string]>> = {
  volume: ['volume', 'volume', 'volume'],
  ahtSec: ['ahtSec', 'ahtSec', 'ahtSec'],
  intervalMin: ['intervalMin', 'intervalMin', 'intervalMin'],
  intervalSec: ['intervalMin', 'intervalMin', 'intervalMin'],
  start: ['start', 'start', 'start'],
  targets: ['serviceLevel.fraction', 'serviceLevel', 'targets.serviceLevel.fraction'],
  'targets.serviceLevel.fraction': ['serviceLevel.fraction', 'serviceLevel', 'targets.serviceLevel.fraction'],
  'targets.serviceLevel.withinSec': [
    'serviceLevel.withinSec',
    'serviceLevel',
    'targets.serviceLevel.withinSec',
  ],
  'targets.maxOccupancy': ['maxOccupancy', 'maxOccupancy', 'targets.maxOccupancy'],
  shrinkage: ['shrinkage', 'shrinkage', 'shrinkage'],
  patienceSec: ['patienceSec', 'patienceSec', 'patienceSec'],
  'targets.maxAverageSpeedOfAnswerSec': ['maxAsaSec', 'maxAsaSec', 'targets.maxAsaSec'],
  'targets.maxAbandonRate': ['maxAbandonRate', 'maxAbandonRate', 'targets.maxAbandonRate'],
  minimumAgentsPerOpenInterval: ['minAgents', 'minAgents', 'minAgents'],
};

/** The request field a core error on a row refers to, e.g. `intervals.3.ahtSec` or `series.volume.7`. */
function requestField(source: SourcedRow, coreField: string): string {
  const [own, rowKey, planLevel] = ROW_FIELD[coreField] ?? [coreField, coreField, coreField];
  if (source.path === 'series') {
    if (rowKey === 'volume') return `series.volume.${source.index}`;
    if (rowKey === 'ahtSec') return `series.ahtSec.${source.index}`;
    if (rowKey === 'start' || rowKey === 'intervalMin') return `series.${rowKey}`;
    return planLevel;
  }
  const fromRow = source.own.has(rowKey) || ['volume', 'ahtSec', 'start'].includes(rowKey);
  return fromRow ? `${source.path}.${own}` : planLevel;
}

/**
 * Plans every interval of the request (Erlang C, or Erlang A with patience) with core's interval
 * planner, and totals them.
 * @throws {AppError} `validation_failed` naming the field when core rejects an input.
 */
export function planStaffing(body: StaffingRequest): StaffingPlan {
  const planner = createRowPlanner({
    serviceLevelDefinition: body.serviceLevelDefinition as ServiceLevelDefinition | undefined,
  });
  const intervals: PlannedInterval[] = [];
  for (const source of requestRows(body)) {
    try {
      const plan = planner.plan(source.row);
      intervals.push({
        start: source.start,
        model: source.row.patienceSec === undefined ? 'erlang-c' : 'erlang-a',
        plan,
      });
    } catch (err) {
      if (!(err instanceof StaffingInputError)) throw err;
      const field = requestField(source, err.field);
      throw new AppError('validation_failed', `${field}: ${err.reason}`, field, [
        { field, code: 'staffing_input_error', message: err.reason },
      ]);
    }
  }
  return {
    intervals,
    totals: planner.totals({ hoursPerWeek: body.hoursPerWeek, paidHoursPerFte: body.paidHoursPerFte }),
  };
}

/** `skills[0].service.meanSec` → `skills.0.service.meanSec`, the dotted form zod errors use. */
export function dottedPath(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1') || '(body)';
}

/** Expected contacts one run would simulate: arrivals over all skills × replications. */
export function simulatedContacts(scenario: Scenario): number {
  let perReplication = 0;
  const count = scenario.intervals.count;
  for (const skill of scenario.skills) {
    if (skill.arrivals.kind === 'trace') perReplication += skill.arrivals.calls.length;
    else {
      const calls = skill.arrivals.callsPerInterval;
      perReplication += calls.length === 1 ? calls[0]! * count : calls.reduce((a, b) => a + b, 0);
    }
  }
  return perReplication * (scenario.replications ?? 1);
}

/**
 * Validates and runs a simulation scenario. The work is capped (MAX_SIMULATED_CONTACTS), so a request
 * returns within about a second; bigger runs belong to `shoreline simulate`.
 * @throws {AppError} `validation_failed` naming the field (e.g. `skills.0.service.meanSec`) or the cap.
 */
export function runSimulation(body: SimulationRequest): SimulationResult {
  checkSimulation(body);
  return simulate(body as unknown as Scenario);
}

/**
 * Validates a simulation scenario and its size without running it.
 * @throws {AppError} `validation_failed` naming the field, or the cap.
 */
export function checkSimulation(body: SimulationRequest): void {
  const problems = validateScenario(body);
  if (problems.length > 0) {
    const errors = problems.map((p) => ({
      field: dottedPath(p.path),
      code: 'invalid_scenario',
      message: p.message,
    }));
    throw new AppError(
      'validation_failed',
      `${errors[0]!.field}: ${errors[0]!.message}`,
      errors[0]!.field,
      errors,
    );
  }
  const scenario = body as unknown as Scenario;
  const contacts = simulatedContacts(scenario);
  if (contacts > MAX_SIMULATED_CONTACTS) {
    const field = (scenario.replications ?? 1) > 1 ? 'replications' : 'skills';
    const message = `would simulate about ${Math.round(contacts)} contacts; a request may simulate at most ${MAX_SIMULATED_CONTACTS} (fewer replications or intervals, or run \`shoreline simulate\`)`;
    throw new AppError('validation_failed', `${field}: ${message}`, field, [
      { field, code: 'too_big', message },
    ]);
  }
}
