// Turns a scenario definition into core's comparison: the demand (a weekly pattern, or Insight's
// history by hour of week), the staffing basis, and the options; core errors become problem+json.
import type { z } from '@hono/zod-openapi';
import {
  breakEven,
  compareOptions,
  type DemandInterval,
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
import type { SourceComparisonSchema, SourceScenarioDefinition } from './schemas.js';

type SourceComparison = z.infer<typeof SourceComparisonSchema>;

export type ScenarioDefinition = z.output<typeof SourceScenarioDefinition>;

const DAY_MS = 86_400_000;

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
  const perHourOfWeek =
    demand.kind === 'pattern' ? demand.perHourOfWeek : await historyPattern(scoped, kpis, demand);
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
