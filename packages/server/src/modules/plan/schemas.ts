import { z } from '@hono/zod-openapi';
import { SERVICE_LEVEL_DEFINITIONS } from '@shoreline/core/staffing/index';
import { apiInput, apiObject, numberColumn } from '../../platform/http/schema.js';
import { booleans, ints, numbers, strings } from '../../platform/zod-field-lists.js';

/** A year of quarter-hours in a leap year: the most intervals one staffing request may plan. */
export const MAX_STAFFING_INTERVALS = 35_136;
/** Contacts simulated per request (replications × arrivals): about a second of work. */
export const MAX_SIMULATED_CONTACTS = 2_000_000;
export const MAX_SIMULATION_INTERVALS = 2_976;
export const MAX_SIMULATION_REPLICATIONS = 100;

const START = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/;
const DAY_SEC = 86_400;

const Start = z
  .string()
  .regex(START, 'must be a local date-time YYYY-MM-DDTHH:mm')
  .openapi({ example: '2025-01-06T09:00' });
const IntervalMin = z
  .union([z.literal(15), z.literal(30), z.literal(60)])
  .openapi({ description: 'Interval length in minutes: 15, 30 or 60', example: 15 });
const Volume = z.number().min(0).max(10_000_000).openapi({ description: 'Contacts offered in the interval' });
const AhtSec = z.number().positive().max(DAY_SEC).openapi({ description: 'Average handle time, seconds' });
const FractionBelowOne = z.number().min(0).lt(1);
const FractionUpToOne = z.number().gt(0).max(1);

export const ServiceLevelTarget = apiInput('ServiceLevelTarget', {
  fraction: FractionBelowOne.openapi({ description: 'e.g. 0.8 for 80 %; 1 is unattainable', example: 0.8 }),
  withinSec: z
    .number()
    .min(0)
    .max(DAY_SEC)
    .openapi({ description: 'answered within (t = 0 is valid)', example: 20 }),
});

const RowOverrides = {
  serviceLevel: ServiceLevelTarget.optional(),
  maxOccupancy: FractionUpToOne.optional(),
  shrinkage: FractionBelowOne.optional(),
  patienceSec: z.number().positive().max(DAY_SEC).optional(),
  maxAsaSec: z.number().positive().max(DAY_SEC).optional(),
  maxAbandonRate: FractionUpToOne.optional(),
  minAgents: z.number().int().min(0).max(100_000).optional(),
};

export const StaffingTargets = apiInput('StaffingTargets', {
  serviceLevel: ServiceLevelTarget.optional(),
  maxAsaSec: RowOverrides.maxAsaSec.openapi({ description: 'Average speed of answer at most, seconds' }),
  maxAbandonRate: RowOverrides.maxAbandonRate.openapi({ description: 'Needs patienceSec (Erlang A)' }),
  maxOccupancy: RowOverrides.maxOccupancy.openapi({ example: 0.85 }),
});

export const StaffingInterval = z
  .object({
    start: Start.optional().openapi({
      description: 'Local start; optional for a single what-if interval (then `start` is null in the answer)',
    }),
    volume: Volume,
    ahtSec: AhtSec,
    intervalMin: IntervalMin.optional(),
    open: z.boolean().optional().openapi({ description: 'Whether minAgents applies; default true' }),
    ...RowOverrides,
  })
  .strict()
  .openapi('StaffingInterval', {
    description: 'One interval; the optional fields override the plan-level ones',
  });

const SERIES_LENGTH = { min: 1, max: MAX_STAFFING_INTERVALS };

export const StaffingSeries = z
  .object({
    start: Start,
    intervalMin: IntervalMin,
    volume: numberColumn(Volume, SERIES_LENGTH, { min: 0, max: 10_000_000 }),
    ahtSec: z.union([AhtSec, numberColumn(AhtSec, SERIES_LENGTH, { min: 0, exclusive: true, max: DAY_SEC })]),
  })
  .strict()
  .openapi('StaffingSeries', {
    description:
      'Consecutive intervals in columns: compact enough for a year of quarter-hours within the request size limit',
  });

export const STAFFING_OUTPUTS = ['rows', 'columns', 'totals'] as const;

export const StaffingRequest = z
  .object({
    intervals: z.array(StaffingInterval).min(1).max(MAX_STAFFING_INTERVALS).optional(),
    series: StaffingSeries.optional(),
    targets: StaffingTargets.default({}),
    intervalMin: IntervalMin.default(15),
    shrinkage: FractionBelowOne.default(0).openapi({ example: 0.3 }),
    patienceSec: RowOverrides.patienceSec.openapi({
      description: 'Mean patience: Erlang A instead of Erlang C',
    }),
    minAgents: RowOverrides.minAgents.openapi({
      description: 'Productive agents on every open interval (24/7 cover)',
    }),
    serviceLevelDefinition: z.enum(SERVICE_LEVEL_DEFINITIONS as [string, ...string[]]).optional(),
    hoursPerWeek: z
      .number()
      .positive()
      .max(168)
      .default(40)
      .openapi({ description: 'Paid hours of one FTE per week' }),
    paidHoursPerFte: z
      .number()
      .positive()
      .max(1_000_000)
      .optional()
      .openapi({ description: 'Paid hours of one FTE over the whole span (overrides hoursPerWeek)' }),
    output: z.enum(STAFFING_OUTPUTS).default('rows').openapi({
      description: 'rows: one object per interval; columns: one array per field (charts); totals only',
    }),
  })
  .strict()
  .superRefine((body, ctx) => {
    if ((body.intervals === undefined) === (body.series === undefined))
      ctx.addIssue({ code: 'custom', path: ['intervals'], message: 'give either intervals or series' });
    const series = body.series;
    if (series && Array.isArray(series.ahtSec) && series.ahtSec.length !== series.volume.length)
      ctx.addIssue({
        code: 'custom',
        path: ['series', 'ahtSec'],
        message: `must have one value per volume (${series.volume.length}), or be a single number`,
      });
    const needsPatience = (rate: number | undefined, patience: number | undefined) =>
      rate !== undefined && patience === undefined && body.patienceSec === undefined;
    if (needsPatience(body.targets.maxAbandonRate, undefined) && !body.intervals?.every((i) => i.patienceSec))
      ctx.addIssue({ code: 'custom', path: ['targets', 'maxAbandonRate'], message: 'needs patienceSec' });
    body.intervals?.forEach((interval, i) => {
      if (needsPatience(interval.maxAbandonRate, interval.patienceSec))
        ctx.addIssue({
          code: 'custom',
          path: ['intervals', i, 'maxAbandonRate'],
          message: 'needs patienceSec',
        });
    });
  })
  .openapi('StaffingRequest');
export type StaffingRequest = z.infer<typeof StaffingRequest>;

const NullableNumber = z.number().nullable();

export const IntervalStaffing = apiObject('IntervalStaffing', {
  start: z.string().nullable(),
  intervalMin: IntervalMin,
  ...numbers('volume', 'ahtSec'),
  offeredLoad: z.number().openapi({ description: 'Erlangs' }),
  model: z.enum(['erlang-c', 'erlang-a']),
  requiredAgents: z.number().int().openapi({ description: 'Productive agents the targets alone need' }),
  rawAgents: z.number().int().openapi({ description: 'Productive agents planned: max(required, minAgents)' }),
  scheduledAgents: z.number().int().openapi({ description: '⌈raw / (1 − shrinkage)⌉, exact' }),
  atMinimum: z.boolean(),
  binding: z.string().openapi({ description: 'The target that set the count' }),
  serviceLevel: NullableNumber,
  probabilityOfWait: NullableNumber,
  asaSec: NullableNumber,
  probabilityOfAbandon: NullableNumber,
  occupancy: z.number(),
  ...booleans('night', 'open'),
});

export const StaffingTotals = apiObject('StaffingTotals', {
  ...ints('intervals', 'openIntervals', 'nightIntervals', 'intervalsAtMinimum'),
  ...numbers('volume', 'rawAgentHours', 'scheduledAgentHours', 'fte', 'paidHoursPerFte', 'spanHours'),
  ...ints('peakRawAgents', 'peakScheduledAgents'),
  expectedServiceLevel: NullableNumber,
  expectedAbandoned: z.number(),
});

export const StaffingColumns = apiObject('StaffingColumns', {
  start: z.array(z.string().nullable()),
  volume: z.array(z.number()),
  rawAgents: z.array(z.number().int()),
  scheduledAgents: z.array(z.number().int()),
  serviceLevel: z.array(NullableNumber),
  occupancy: z.array(z.number()),
  asaSec: z.array(NullableNumber),
  probabilityOfAbandon: z.array(NullableNumber),
});

export const StaffingResponse = apiObject('StaffingResponse', {
  output: z.enum(STAFFING_OUTPUTS),
  intervals: z.array(IntervalStaffing).optional(),
  columns: StaffingColumns.optional(),
  totals: StaffingTotals,
});

// Simulation: the scenario is checked in depth by core's validateScenario (every problem by its
// path); zod bounds its outer shape and size here.
const Loose = z.record(z.string(), z.unknown());
export const SimulationRequest = z
  .object({
    name: z.string().max(200).optional(),
    seed: z.number().int().min(0).max(0xffffffff),
    replications: z.number().int().min(1).max(MAX_SIMULATION_REPLICATIONS).optional(),
    intervals: z
      .object({
        lengthSec: z.number().positive().max(DAY_SEC),
        count: z.number().int().min(1).max(MAX_SIMULATION_INTERVALS),
      })
      .strict(),
    warmupIntervals: z.number().int().min(0).optional(),
    drain: z.boolean().optional(),
    serviceLevelThresholdSec: z.number().min(0).max(DAY_SEC),
    skills: z.array(Loose).min(1).max(50).openapi({ description: 'See docs/maths/simulation.md' }),
    groups: z.array(Loose).min(1).max(50),
  })
  .strict()
  .openapi('SimulationScenario', {
    description: 'A simulation scenario (docs/maths/simulation.md; examples/plan/*.json)',
  });
export type SimulationRequest = z.infer<typeof SimulationRequest>;

const EstimateSchema = apiObject('Estimate', {
  mean: NullableNumber,
  standardError: NullableNumber,
  halfWidth95: NullableNumber,
  n: z.number().int(),
});
const PeriodMetrics = {
  offered: EstimateSchema,
  answered: EstimateSchema,
  abandoned: EstimateSchema,
  stillWaiting: EstimateSchema,
  serviceLevel: EstimateSchema,
  serviceLevelWaitWithin: EstimateSchema,
  serviceLevelExcludingShortAbandons: EstimateSchema,
  probabilityDelayed: EstimateSchema,
  asaSec: EstimateSchema,
  meanWaitSec: EstimateSchema,
  abandonRate: EstimateSchema,
  occupancy: z.array(EstimateSchema),
};

export const SimulationResponse = apiObject('SimulationResult', {
  name: z.string().optional(),
  replications: z.number().int(),
  ...numbers('serviceLevelThresholdSec', 'intervalLengthSec'),
  warmupIntervals: z.number().int(),
  skills: z.array(z.string()),
  groups: z.array(z.object({ id: z.string(), provider: z.string().optional(), site: z.string().optional() })),
  intervals: z.array(z.object({ index: z.number().int(), startSec: z.number(), ...PeriodMetrics })),
  total: z.object(PeriodMetrics),
  events: z.number().int(),
});

export const PlanJobSchema = z
  .object({
    ...strings('id', 'name'),
    status: z.enum(['queued', 'running', 'done', 'dead', 'cancelled']),
    progress: z.number(),
    lastError: z
      .string()
      .nullable()
      .openapi({ description: 'Why a dead job failed (e.g. its time budget ran out)' }),
    problem: z
      .unknown()
      .nullable()
      .openapi({ description: 'When done: the problem core found in the input, if any' }),
    result: z.unknown().optional().openapi({
      description: 'When done: the staffing plan or simulation result, as the 200 answer would be',
    }),
  })
  .passthrough()
  .openapi('PlanJob');
