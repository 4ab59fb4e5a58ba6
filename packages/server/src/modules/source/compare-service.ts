// Turns a scenario definition into core's comparison: the demand (a weekly pattern typed in, Insight's
// history by hour of week, or core's forecast of the next weeks), the staffing basis, and the
// options; core errors become problem+json.
import type { z } from '@hono/zod-openapi';
import {
  breakEven,
  compareOptions,
  type DemandInterval,
  deflectionVolumeFactor,
  ForecastInputError,
  patternFromForecast,
  pricingModelOf,
  SourceInputError,
  type SourcingOption,
  StaffingInputError,
  sensitivity,
  yearFromHourOfWeek,
} from '@shoreline/core';
import { AppError } from '../../platform/http/problem.js';
import type { ScopedDb } from '../../platform/scope.js';
import type { KpiService } from '../insight/index.js';
import { forecastInWorker } from '../plan/index.js';
import type { SourceComparisonSchema, SourceScenarioDefinition } from './schemas.js';

type SourceComparison = z.infer<typeof SourceComparisonSchema>;

export type ScenarioDefinition = z.output<typeof SourceScenarioDefinition>;

const DAY_MS = 86_400_000;
/** Wall-time budget of the forecast demand's worker (≈ 0.7 s of CPU at the three-year bound). */
const FORECAST_BUDGET_MS = 30_000;

/** Contacts per hour of week from imported tickets: tickets per hour-of-week ÷ weeks in the range. */
export async function historyPattern(
  scoped: ScopedDb,
  kpis: KpiService,
  demand: Extract<ScenarioDefinition['demand'], { kind: 'history' }>,
): Promise<number[]> {
  const weeks =
    (Date.parse(`${demand.to}T00:00:00Z`) - Date.parse(`${demand.from}T00:00:00Z`)) / (7 * DAY_MS);
  if (!(weeks > 0))
    throw new AppError('validation_failed', 'demand.to must be after demand.from', 'demand.to');
  const rows = await kpis.kpis(scoped, 'hour_of_week', {
    from: demand.from,
    to: demand.to,
    timeZone: demand.timeZone,
    channel: demand.channel,
    language: demand.language,
  });
  const pattern = Array<number>(168).fill(0);
  for (const row of rows) {
    const hour = Number(row.key);
    if (Number.isInteger(hour) && hour >= 0 && hour < 168)
      pattern[hour] = (row.tickets / weeks) * demand.growth;
  }
  return pattern;
}

/**
 * The weekly pattern of the forecast for the `weeks` after `to`: daily tickets of [from, to) go to
 * core's `forecast` (a daily series, the method chosen by its backtest unless named), and each
 * weekday's forecast mean is spread over the hours as history spread it (core `patternFromForecast`).
 * Bounded: at most three years of days in, 26 weeks out.
 */
export async function forecastPattern(
  scoped: ScopedDb,
  kpis: KpiService,
  demand: Extract<ScenarioDefinition['demand'], { kind: 'forecast' }>,
): Promise<{ perHourOfWeek: number[]; method: string }> {
  const fromMs = Date.parse(`${demand.from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${demand.to}T00:00:00Z`) - fromMs) / DAY_MS);
  if (!(days >= 7))
    throw new AppError(
      'validation_failed',
      'demand.to must be at least a week after demand.from',
      'definition.demand.to',
    );
  // Three years teach the weekly shape and the trend; auto's backtest (core's default origins) runs in
  // a worker thread, ≈ 0.7 s CPU at this bound (bench source-forecast-demand; decision 0064).
  if (days > 1100)
    throw new AppError(
      'validation_failed',
      'demand.from must be at most three years before demand.to',
      'definition.demand.from',
    );
  const shape = await historyPattern(scoped, kpis, { ...demand, kind: 'history', growth: 1 });
  const filter = {
    from: demand.from,
    to: demand.to,
    timeZone: demand.timeZone,
    channel: demand.channel,
    language: demand.language,
  };
  const byDay = new Map(
    (await kpis.volume(scoped, 'day', filter)).map((p) => [p.start.slice(0, 10), p.created]),
  );
  // A day with no ticket is an observed zero, not a gap.
  const values = Array.from(
    { length: days },
    (_v, i) => byDay.get(new Date(fromMs + i * DAY_MS).toISOString().slice(0, 10)) ?? 0,
  );
  const sunday0 = new Date(fromMs).getUTCDay();
  try {
    const result = await forecastInWorker(
      {
        series: { values, periodsPerDay: 1, firstDayOfWeek: sunday0 },
        horizon: demand.weeks * 7,
        method: demand.method,
      },
      { budgetMs: FORECAST_BUDGET_MS },
    );
    const firstWeekday = (new Date(fromMs + days * DAY_MS).getUTCDay() + 6) % 7;
    return {
      perHourOfWeek: patternFromForecast(shape, result.volumes, firstWeekday),
      method: result.method,
    };
  } catch (err) {
    if (err instanceof ForecastInputError) {
      const field = `definition.demand.${err.field === 'series' ? 'from' : err.field}`;
      throw new AppError('validation_failed', `${field}: ${err.message}`, field, [
        { field, code: 'forecast', message: err.message },
      ]);
    }
    return coreError(err);
  }
}

function coreError(err: unknown, optionNames: readonly string[] = []): never {
  if (err instanceof SourceInputError || err instanceof StaffingInputError) {
    const field =
      err instanceof SourceInputError
        ? optionField(err.field, optionNames)
        : `definition.staffing.${err.field}`;
    throw new AppError('validation_failed', `${field}: ${err.reason}`, field, [
      { field, code: err.code, message: err.reason },
    ]);
  }
  throw err;
}

/** Core names an option's field `<option name>.<field>`; the wire names it `options.<i>.<field>`. */
function optionField(field: string, optionNames: readonly string[]): string {
  const dot = field.indexOf('.');
  const index = dot > 0 ? optionNames.indexOf(field.slice(0, dot)) : -1;
  return index >= 0 ? `definition.options.${index}.${field.slice(dot + 1)}` : `definition.${field}`;
}

/** The comparison of a scenario: every option staffed alike, costed side by side. */
export async function compareScenario(
  scoped: ScopedDb,
  kpis: KpiService,
  definition: ScenarioDefinition,
  include: { sensitivity: boolean; breakEven: boolean },
): Promise<SourceComparison> {
  const demand = definition.demand;
  let perHourOfWeek: number[];
  let method: string | null = null;
  if (demand.kind === 'pattern') perHourOfWeek = demand.perHourOfWeek;
  else if (demand.kind === 'history') perHourOfWeek = await historyPattern(scoped, kpis, demand);
  else ({ perHourOfWeek, method } = await forecastPattern(scoped, kpis, demand));
  const demandSource = {
    kind: demand.kind,
    method,
    weeks: demand.kind === 'forecast' ? demand.weeks : null,
  };
  // The help center's what-if (decision 0038): every hour loses the deflected share of its contacts.
  if (definition.deflection) {
    const factor = deflectionVolumeFactor(definition.deflection);
    perHourOfWeek = perHourOfWeek.map((v) => v * factor);
  }
  let series: DemandInterval[];
  try {
    series = yearFromHourOfWeek({
      year: demand.year,
      intervalMin: definition.staffing.intervalMin,
      perHourOfWeek,
      ahtSec: demand.ahtSec,
    });
  } catch (err) {
    return coreError(err);
  }
  if (series.length === 0) {
    throw new AppError('validation_failed', 'the demand has no contacts', 'definition.demand', [
      { field: 'definition.demand', code: 'no_contacts', message: 'the demand has no contacts' },
    ]);
  }
  const s = definition.staffing;
  const options = definition.options as unknown as SourcingOption[];
  const scenario = {
    series,
    staffing: {
      intervalMin: s.intervalMin,
      targets: {
        serviceLevel: s.serviceLevel,
        ...(s.maxOccupancy === undefined ? {} : { maxOccupancy: s.maxOccupancy }),
      },
      channel:
        s.channel === 'chat'
          ? {
              kind: 'chat' as const,
              concurrency: s.concurrency ?? 2,
              ...(s.patienceSec ? { patienceSec: s.patienceSec } : {}),
            }
          : { kind: 'voice' as const, ...(s.patienceSec ? { patienceSec: s.patienceSec } : {}) },
    },
    periodYears: 1,
    reportingCurrency: definition.reportingCurrency,
    fx: definition.fx,
    options,
  };
  try {
    const result = compareOptions(scenario);
    return {
      demandSource,
      intervals: series.length,
      contacts: result.contacts,
      productiveHours: result.productiveHours,
      peakProductiveAgents: result.peakProductiveAgents,
      expectedServiceLevel: result.expectedServiceLevel,
      lowestCostPerResolution: result.lowestCostPerResolution,
      options: result.options.map((cost, i) => {
        const option = options[i] as SourcingOption;
        return {
          ...cost,
          lines: [...cost.lines],
          pricingModel: option.kind === 'vendor' ? pricingModelOf(option.pricing) : 'in-house',
        };
      }),
      fx: definition.fx,
      sensitivity: include.sensitivity ? sensitivity(scenario).slice(0, 12) : null,
      breakEven: include.breakEven
        ? options.flatMap((_option, b) =>
            b > 0 && options[0]?.kind === 'in-house' ? [breakEven(scenario, 0, b)] : [],
          )
        : null,
    };
  } catch (err) {
    return coreError(
      err,
      options.map((o) => o.name),
    );
  }
}
