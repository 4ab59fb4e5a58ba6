import { z } from '@hono/zod-openapi';
import { CHANNELS } from '@shoreline/core';
import { apiInput, apiObject } from '../../../platform/http/schema.js';
import { nullableNumbers, nullableStrings, numbers, strings } from '../../../platform/zod-field-lists.js';
import { TimeZoneName } from '../../../platform/zod-time-zone-name.js';
import { ServiceLevelTarget } from '../schemas.js';
import { SCHEDULE_EXPORT_FORMATS } from '../vocabulary.js';

const LocalMidnight = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T00:00$/, 'must be a local midnight YYYY-MM-DDT00:00')
  .openapi({ example: '2026-10-05T00:00' });

const Hours = z
  .object({
    days: z.array(z.number().int().min(0).max(6)).min(1).max(7).openapi({ description: '0 = Sunday' }),
    openMin: z.number().int().min(0).max(1439),
    closeMin: z
      .number()
      .int()
      .min(0)
      .max(1440)
      .openapi({ description: 'At or before openMin: past midnight' }),
  })
  .strict();

export const PlanProvider = apiInput('PlanProvider', {
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(120),
  languages: z.array(z.string().min(2).max(16)).min(1).max(20),
  hours: z.array(Hours).min(1).max(14),
  costPerAgentHour: z.number().min(0).max(100_000),
  minVolume: z.number().min(0).optional(),
  maxVolume: z.number().min(0).optional(),
});

/** The shift types a saved plan schedules (build.ts): an agent may prefer some of them. */
export const PLAN_SHIFT_TYPES = ['8h', '4h'] as const;

const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A named agent, as a row of `shoreline schedule --agents` AGENTS.csv (name,days,nights,max_hours,…). */
export const PlanAgent = apiInput('PlanAgent', {
  name: z.string().trim().min(1).max(100),
  provider: z.string().min(1).max(120).optional().openapi({
    description:
      'The id or name of one of the plan’s providers whose shifts the agent works (default: the first)',
  }),
  days: z
    .array(z.enum(WEEKDAY_NAMES))
    .min(1)
    .max(7)
    .optional()
    .openapi({ description: 'Weekdays the agent can start a shift (default: every day)' }),
  nights: z
    .boolean()
    .optional()
    .openapi({ description: 'Whether they may work night shifts (default true)' }),
  maxHours: z.number().min(0).max(168).optional().openapi({ description: 'Most paid hours a week' }),
  prefers: z.array(z.enum(PLAN_SHIFT_TYPES)).max(2).optional(),
  nightsBefore: z.number().int().min(0).max(10_000).optional(),
  weekendsBefore: z.number().int().min(0).max(10_000).optional(),
});
export type PlanAgent = z.infer<typeof PlanAgent>;

/** Labour-law limits the named agents' shifts keep (RULES.json `labour`; default: the EU preset). */
export const PlanLabour = apiInput('PlanLabour', {
  preset: z.enum(['EU', 'HU', 'LV', 'TR']).optional(),
  minRestMin: z.number().int().min(0).max(1440).optional(),
  maxNightShiftsPerWeek: z.number().int().min(0).max(7).optional(),
});

/** Most named agents one plan staffs. */
export const MAX_PLAN_AGENTS = 500;

/** Most history one plan learns from: twelve weeks of quarter-hours. */
export const MAX_HISTORY_INTERVALS = 12 * 7 * 96;

export const SavedPlanInput = apiInput('SavedPlanInput', {
  name: z.string().trim().min(1).max(120),
  history: z
    .object({
      start: LocalMidnight,
      stepMin: z.union([z.literal(15), z.literal(30), z.literal(60)]),
      values: z.array(z.number().min(0).max(1_000_000)).min(1).max(MAX_HISTORY_INTERVALS),
    })
    .strict()
    .openapi({ description: 'Imported volume per interval from a midnight (SERIES.csv)' }),
  /**
   * Which tickets the history counts: the filter of `GET /api/plan/history` it came from, or, for an
   * uploaded SERIES.csv, the scope the planner declares (decision 0063). Actual against plan counts
   * these tickets; the forecasts the plan sends to its vendors carry its queue, channel and language
   * (decision 0059). Absent: every ticket.
   */
  historyScope: z
    .object({
      queue: z.string().trim().min(1).max(80).optional(),
      channel: z.enum(CHANNELS).optional(),
      language: z.string().trim().min(2).max(16).optional(),
      providerId: z.string().trim().min(1).max(64).optional().openapi({
        description: 'One provider’s tickets only (a provider of the organization)',
      }),
    })
    .strict()
    .optional(),
  timeZone: z.string().min(1).max(64).optional().openapi({
    description:
      'The IANA zone of the plan’s local days and intervals (the zone its history was counted in; decision 0065). The forecasts it sends to vendors carry it, so Govern counts their tickets on these local days. Absent when saving: the zone the organization’s in-house teams share, else UTC; the saved plan keeps the zone it got. Plans saved before it have none: UTC.',
    example: 'Europe/Istanbul',
  }),
  horizonDays: z.number().int().min(1).max(14),
  ahtSec: z.number().positive().max(86_400),
  serviceLevel: ServiceLevelTarget,
  shrinkage: z.number().min(0).lt(1).optional(),
  language: z.string().min(2).max(16).default('en'),
  providers: z.array(PlanProvider).min(1).max(6),
  /** Named agents: each provider's shifts are assigned to its agents (fair nights and weekends, labour rules). */
  agents: z.array(PlanAgent).max(MAX_PLAN_AGENTS).optional(),
  labour: PlanLabour.optional(),
});
export type SavedPlanInput = z.infer<typeof SavedPlanInput>;

const Shift = z.object({
  ...strings('day', 'start', 'end'),
  mealStart: z.string().nullable(),
  count: z.number(),
});

const BacktestErrors = z.object({
  ...nullableNumbers('mae', 'wape', 'mase'),
});

export const SavedPlanResult = apiObject('SavedPlanResult', {
  stepMin: z.number(),
  /** First interval of the forecast (local). */
  ...strings('forecastStart', 'method'),
  /**
   * Each candidate method's rolling-origin backtest (from every midnight with a week of observed
   * history before it, the latest 28; decision 0064), at the interval and the day level; `auto`
   * chose the least interval MAE. Absent in plans saved before.
   */
  backtest: z
    .array(
      z.object({
        method: z.string(),
        interval: BacktestErrors,
        day: BacktestErrors,
      }),
    )
    .optional(),
  /** The last week of history before the forecast, for the chart. */
  recentHistory: z.array(z.number()),
  forecast: z.object({
    volume: z.array(z.number()),
    lower: z.array(z.number()),
    upper: z.array(z.number()),
  }),
  /** Agents required per interval on one pooled queue (Erlang C with shrinkage). */
  required: z.array(z.number()),
  /** Agents scheduled per interval, all providers. */
  scheduled: z.array(z.number()),
  providers: z.array(
    z.object({
      ...strings('id', 'name'),
      totalVolume: z.number(),
      /** Forecast contacts per interval it takes (its per-day forecast sent to a vendor); absent in plans saved before. */
      volume: z.array(z.number()).optional(),
      agents: z.array(z.number()),
      ...numbers('agentHours', 'cost', 'paidHours', 'lowerBoundHours', 'gap'),
      solver: z.string(),
      /** Paid hours of its shifts × its rate. */
      scheduledCost: z.number(),
      shifts: z.array(Shift),
    }),
  ),
  ...numbers('unassignedVolume', 'totalCost'),
  /** The shifts staffed by the named agents (plans with `agents` only). */
  roster: z
    .object({
      agents: z.array(
        z.object({
          name: z.string(),
          /** The provider's id. */
          provider: z.string(),
          ...numbers('shifts', 'paidHours', 'nights', 'weekends'),
          /** Shifts of a type they did not ask for. */
          unpreferred: z.number(),
        }),
      ),
      /** One per shift, in time order; `agent` null when no agent could take it under the rules. */
      shifts: z.array(
        z.object({
          agent: z.string().nullable(),
          ...strings('provider', 'type', 'day', 'start', 'end'),
          ...nullableStrings('mealStart', 'mealEnd'),
        }),
      ),
      unassigned: z.number(),
      /**
       * Per provider: the spread of night shifts plus that of weekend shifts among its agents (history
       * counted), the least any roster of its shifts reaches, and whether it is reached (decision
       * 0062); absent in plans built before.
       */
      fairness: z
        .array(
          z.object({
            provider: z.string(),
            ...numbers('spread', 'bound'),
            proven: z.boolean(),
            nights: z.object({ ...numbers('spread', 'bound') }),
            weekends: z.object({ ...numbers('spread', 'bound') }),
            /** Who gave the roster: core's heuristic, or HiGHS's integer program. */
            solver: z.enum(['heuristic', 'highs']),
          }),
        )
        .optional(),
    })
    .optional(),
});
export type SavedPlanResult = z.infer<typeof SavedPlanResult>;

export const SavedPlanSummary = apiObject('SavedPlanSummary', {
  ...strings('id', 'name'),
  horizonDays: z.number(),
  status: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** 0–1 while it is built. */
  progress: z.number(),
  problem: z.string().nullable(),
  version: z.number(),
  totalCost: z.number().nullable(),
  ...strings('createdAt', 'updatedAt'),
});
export type SavedPlanSummary = z.infer<typeof SavedPlanSummary>;

/** A forecast the plan logged into Govern's client forecasts for one vendor (decision 0059). */
export const SentForecast = z.object({
  /** The client forecast's id (`GET /api/govern/forecasts`). */
  forecastId: z.string(),
  /** The plan's provider (its id in the plan) whose share it is. */
  planProvider: z.string(),
  /** The organization's vendor it was logged for. */
  providerId: z.string(),
  from: z.string(),
  to: z.string(),
  /** The IANA zone whose local days `from`–`to` are (decision 0065); absent in forecasts sent before it (UTC). */
  timeZone: z.string().optional(),
  /** Its scope: the history's filter (null: every ticket). */
  queue: z.string().nullable(),
  channel: z.string().nullable(),
  language: z.string().nullable(),
  volume: z.number().int(),
  /** The plan's version when it was sent. */
  version: z.number().int(),
  loggedAt: z.string(),
});
export type SentForecast = z.infer<typeof SentForecast>;

export const SavedPlan = SavedPlanSummary.extend({
  input: SavedPlanInput,
  result: SavedPlanResult.nullable(),
  /** Every forecast sent to the vendors from this plan, newest first (none: empty). */
  sentForecasts: z.array(SentForecast),
}).openapi('SavedPlan');
export type SavedPlan = z.infer<typeof SavedPlan>;

export const SavedPlanList = z.object({ items: z.array(SavedPlanSummary) }).openapi('SavedPlanList');
export type SavedPlanList = z.infer<typeof SavedPlanList>;

export const SavedPlanRename = z.object({ name: z.string().trim().min(1).max(120) }).strict();

export const ScheduleExportQuery = z
  .object({
    format: z.enum(SCHEDULE_EXPORT_FORMATS).default('csv'),
    agent: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: 'One named agent’s shifts only (plans with agents)' }),
  })
  .openapi('ScheduleExportQuery');

/** At most this many plans side by side. */
export const MAX_COMPARED_PLANS = 6;

export const PlanComparisonRequest = apiInput('PlanComparisonRequest', {
  ids: z.array(z.string().min(1).max(64)).min(2).max(MAX_COMPARED_PLANS),
});

export const PlanComparison = apiObject('PlanComparison', {
  plans: z.array(
    z.object({
      ...strings('id', 'name'),
      version: z.number(),
      forecastStart: z.string(),
      ...numbers('horizonDays', 'stepMin'),
      method: z.string(),
    }),
  ),
  /** One per figure: totals first (provider null), then each provider's volume, paid hours and cost. */
  rows: z.array(
    z.object({
      metric: z.string().openapi({
        description:
          'volume, peakRequired, requiredHours, paidHours, cost, unassignedVolume (totals); volume, paidHours, cost (per provider)',
      }),
      provider: z.string().nullable(),
      /** One per plan, in the order asked. */
      values: z.array(z.number()),
      /** Each plan's value minus the first plan's. */
      deltas: z.array(z.number()),
      /** The same relative to the first plan's (null when that is 0). */
      relative: z.array(z.number().nullable()),
      /** Any plan more than 0.5 % away from the first. */
      differs: z.boolean(),
    }),
  ),
});
export type PlanComparison = z.infer<typeof PlanComparison>;

const IsoDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a day YYYY-MM-DD');

/** Which imported tickets a series counts. */
const ArrivalFilterQuery = {
  channel: z.string().max(32).optional(),
  language: z.string().max(16).optional(),
  providerId: z.string().max(64).optional(),
  queue: z.string().max(200).optional().openapi({ description: 'The help desk’s queue or group' }),
  timeZone: TimeZoneName.default('UTC'),
};

export const PlanHistoryQuery = z
  .object({
    ...ArrivalFilterQuery,
    stepMin: z.coerce
      .number()
      .pipe(z.union([z.literal(15), z.literal(30), z.literal(60)]))
      .default(30),
    weeks: z.coerce.number().int().min(1).max(12).default(8),
    until: IsoDay.optional().openapi({
      description: 'Last day of the history (default: the day of the latest matching ticket)',
    }),
  })
  .openapi('PlanHistoryQuery');

export const PlanHistory = apiObject('PlanHistory', {
  /** Ready for `SavedPlanInput.history`; null when no ticket matches. */
  history: z
    .object({
      start: z.string(),
      stepMin: z.union([z.literal(15), z.literal(30), z.literal(60)]),
      values: z.array(z.number()),
    })
    .nullable(),
  tickets: z.number(),
});
export type PlanHistory = z.infer<typeof PlanHistory>;

/** Actuals and reforecast count local to the plan's own zone unless the query names another (decision 0065). */
const PlanZoneQuery = {
  ...ArrivalFilterQuery,
  timeZone: TimeZoneName.optional().openapi({
    description: 'Default: the plan’s `timeZone` (UTC for a plan saved without one)',
  }),
};

export const PlanActualsQuery = z.object(PlanZoneQuery).openapi('PlanActualsQuery');

export const PlanActuals = apiObject('PlanActuals', {
  /** The tickets counted: the plan's scope (`historyScope`), narrowed by the query where it leaves a field open. */
  scope: z.object({ ...nullableStrings('queue', 'channel', 'language', 'providerId') }),
  forecastStart: z.string(),
  stepMin: z.number(),
  /** Tickets arrived per interval of the plan's horizon (0 for an interval not yet reached). */
  actual: z.array(z.number()),
  forecast: z.array(z.number()),
  /** Intervals that have ended by now (the clock), from the first. */
  elapsed: z.number(),
  /** Over the elapsed intervals: null before the first has ended. */
  ...nullableNumbers('mae', 'wape'),
  /** Σ actual − Σ forecast over the elapsed intervals. */
  bias: z.number().nullable(),
});
export type PlanActuals = z.infer<typeof PlanActuals>;

export const PlanReforecastQuery = z
  .object({
    ...PlanZoneQuery,
    day: IsoDay.optional().openapi({
      description: 'A day of the plan’s forecast (default: today in `timeZone`, by the server’s clock)',
    }),
  })
  .openapi('PlanReforecastQuery');

/** The rest of one day of a plan reforecast from the tickets that arrived so far (decision 0061). */
export const PlanReforecast = apiObject('PlanReforecast', {
  /** The day, its first interval (local) and the wall clock the reforecast was made at. */
  ...strings('day', 'dayStart', 'asOf'),
  stepMin: z.number(),
  /** The plan's forecast for each interval of the day. */
  dayAhead: z.array(z.number()),
  /** Intervals of the day ended by now: `actual` has this many counts, `reforecast` the rest. */
  closed: z.number(),
  actual: z.array(z.number()),
  /** From interval `closed` to the end of the day: the Poisson median and its band. */
  reforecast: z.object({
    volume: z.array(z.number()),
    lower: z.array(z.number()),
    upper: z.array(z.number()),
  }),
  /**
   * Posterior mean of the day multiplier θ (1: the plan's level holds), the prior strength a it
   * started from (from the plan's day-level backtest WAPE) and the dispersion φ (from its band).
   */
  ...numbers('multiplier', 'priorStrength', 'dispersion'),
  /** Σ over the closed intervals: the tickets that arrived and what the plan expected of them. */
  ...numbers('actualSoFar', 'expectedSoFar'),
  /** The day's total: the plan's, and the tickets so far plus the reforecast means of the rest. */
  ...numbers('dayAheadTotal', 'reforecastTotal'),
});
export type PlanReforecast = z.infer<typeof PlanReforecast>;

/**
 * Which of the plan's providers go to which of the organization's vendors: each one's share of the
 * forecast is logged as a client forecast for the plan's days (decision 0059).
 */
export const PlanForecastSend = apiInput('PlanForecastSend', {
  vendors: z
    .array(
      z
        .object({
          planProvider: z
            .string()
            .min(1)
            .max(120)
            .openapi({ description: 'The id or name of one of the plan’s providers' }),
          providerId: z.string().min(1).max(64).openapi({ description: 'A vendor of the organization' }),
        })
        .strict(),
    )
    .min(1)
    .max(6),
});
export type PlanForecastSend = z.infer<typeof PlanForecastSend>;
