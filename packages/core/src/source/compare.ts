// Side-by-side comparison of sourcing options on one staffed series, with sensitivity and break-even.
import { requireFinite, SourceInputError } from './errors.js';
import type { FxTable } from './money.js';
import { type OptionCost, optionCost } from './option-cost.js';
import type { SourcingOption } from './options.js';
import {
  type DemandInterval,
  type StaffingBasis,
  type StaffingProfile,
  staffingProfile,
} from './staffing-profile.js';

export interface SourcingScenario {
  readonly series: readonly DemandInterval[];
  readonly staffing: StaffingBasis;
  /** Years the series covers (annual inputs are multiplied by this); default 1. */
  readonly periodYears?: number;
  readonly reportingCurrency: string;
  readonly fx: FxTable;
  readonly options: readonly SourcingOption[];
}

export interface Comparison {
  readonly contacts: number;
  readonly productiveHours: number;
  readonly peakProductiveAgents: number;
  readonly expectedServiceLevel: number | null;
  readonly options: readonly OptionCost[];
  /** Index of the option with the lowest cost per resolution (equal quality), null without contacts. */
  readonly lowestCostPerResolution: number | null;
}

/**
 * Costs every option of a scenario on the same staffing (Plan's engine at the scenario's service
 * targets), so the comparison is at equal quality: cost per contact = TCO ÷ contacts and cost per
 * resolution = TCO ÷ (contacts × the option's resolution rate), side by side.
 *
 * @throws {SourceInputError} no options, duplicate names, periodYears ≤ 0; from the options' costs.
 * @example compareOptions(scenario).options.map((o) => o.costPerContactMinor)
 */
export function compareOptions(scenario: SourcingScenario, profile?: StaffingProfile): Comparison {
  if (scenario.options.length === 0) throw new SourceInputError('options', 'needs at least one option');
  const names = new Set<string>();
  for (const [index, option] of scenario.options.entries()) {
    if (names.has(option.name)) throw new SourceInputError(`options[${index}].name`, 'must be unique');
    names.add(option.name);
  }
  const periodYears = requireFinite(scenario.periodYears ?? 1, 'periodYears', Number.MIN_VALUE);
  const staffed = profile ?? staffingProfile(scenario.series, scenario.staffing);
  const context = { reportingCurrency: scenario.reportingCurrency, fx: scenario.fx, periodYears };
  const options = scenario.options.map((option) => optionCost(staffed, option, context));
  let best: number | null = null;
  options.forEach((cost, index) => {
    const value = cost.costPerResolutionMinor;
    if (value === null) return;
    const current = best === null ? null : (options[best] as OptionCost).costPerResolutionMinor;
    if (current === null || value < current) best = index;
  });
  return {
    contacts: staffed.contacts,
    productiveHours: staffed.productiveHours,
    peakProductiveAgents: staffed.peakRawAgents,
    expectedServiceLevel: staffed.expectedServiceLevel,
    options,
    lowestCostPerResolution: best,
  };
}

/** How far one input moves one option's cost per contact when it moves by ±step. */
export interface SensitivityRow {
  readonly option: string;
  /** `volume`, `ahtSec`, an option field such as `wagePerFtePerYearMinor`, or `pricing[0].priceMinor`. */
  readonly input: string;
  readonly base: number;
  readonly low: number;
  readonly high: number;
  /** |high − low|, minor units per contact. */
  readonly swing: number;
}

const NUMERIC_FIELDS = [
  'wagePerFtePerYearMinor',
  'employerOnCostRate',
  'shrinkage',
  'attritionRate',
  'agentsPerSupervisor',
  'seatCostPerYearMinor',
  'managementOverheadRate',
  'governanceRate',
] as const;

function scaled(option: SourcingOption, input: string, factor: number): SourcingOption {
  const pricing = /^pricing\[(\d+)\]\.priceMinor$/.exec(input);
  if (pricing && option.kind === 'vendor') {
    const at = Number(pricing[1]);
    return {
      ...option,
      pricing: option.pricing.map((c, i) => (i === at ? { ...c, priceMinor: c.priceMinor * factor } : c)),
    };
  }
  const value = (option as unknown as Record<string, number>)[input] as number;
  const next = input === 'shrinkage' ? Math.min(0.95, value * factor) : value * factor;
  return { ...option, [input]: next } as SourcingOption;
}

/**
 * One-at-a-time sensitivity (a tornado chart): each input ±`step` (default 10 %) with all others
 * at their base values; rows sorted by swing in cost per contact, largest first. Volume and AHT
 * are re-staffed with Plan's engine; cost inputs reuse the base staffing.
 * Method: one-factor-at-a-time analysis, e.g. Saltelli et al., "Global Sensitivity Analysis:
 * The Primer" (Wiley, 2008), ch. 1.
 * @example sensitivity(scenario)[0] // { option: 'Germany in-house', input: 'wagePerFtePerYearMinor', swing: … }
 */
export function sensitivity(scenario: SourcingScenario, step = 0.1): SensitivityRow[] {
  const profile = staffingProfile(scenario.series, scenario.staffing);
  const base = compareOptions(scenario, profile);
  const rows: SensitivityRow[] = [];
  const perContact = (c: Comparison, i: number) => (c.options[i] as OptionCost).costPerContactMinor ?? 0;
  const addRow = (option: string, i: number, input: string, low: number, high: number) =>
    rows.push({ option, input, base: perContact(base, i), low, high, swing: Math.abs(high - low) });
  for (const input of ['volume', 'ahtSec'] as const) {
    const shift = (factor: number) =>
      compareOptions({
        ...scenario,
        series: scenario.series.map((row) => ({ ...row, [input]: row[input] * factor })),
      });
    const low = shift(1 - step);
    const high = shift(1 + step);
    scenario.options.forEach((option, i) => {
      addRow(option.name, i, input, perContact(low, i), perContact(high, i));
    });
  }
  scenario.options.forEach((option, i) => {
    const inputs: string[] = NUMERIC_FIELDS.filter(
      (field) => typeof (option as unknown as Record<string, unknown>)[field] === 'number',
    );
    if (option.kind === 'vendor') {
      for (let p = 0; p < option.pricing.length; p++) inputs.push(`pricing[${p}].priceMinor`);
    }
    for (const input of inputs) {
      const at = (factor: number) => {
        const options = scenario.options.map((o, j) => (j === i ? scaled(o, input, factor) : o));
        return perContact(compareOptions({ ...scenario, options }, profile), i);
      };
      addRow(option.name, i, input, at(1 - step), at(1 + step));
    }
  });
  return rows.sort((a, b) => b.swing - a.swing);
}

/** Where two options cost the same, as a multiple of the scenario's volume. */
export interface BreakEven {
  readonly a: string;
  readonly b: string;
  /** Volume multiplier at which totals are equal (within 0.5 %), or null when they do not cross in the range. */
  readonly volumeMultiplier: number | null;
  /** Option cheaper below the break-even (or everywhere when it does not cross). */
  readonly cheaperBelow: string;
}

/**
 * Break-even volume between two options: scans volume multipliers k in [0.25, 4], re-staffing at
 * each, and bisects the first interval where total(a) − total(b) changes sign (the totals are step
 * functions of k because agents are whole, so the answer is located to 0.5 % of k).
 * @example breakEven(scenario, 0, 2).volumeMultiplier // e.g. 0.62: below 62 % of today's volume, in house is cheaper
 */
export function breakEven(scenario: SourcingScenario, a: number, b: number): BreakEven {
  const optionA = scenario.options[a];
  const optionB = scenario.options[b];
  if (!optionA || !optionB) throw new SourceInputError('options', 'break-even needs two existing options');
  const sub = { ...scenario, options: [optionA, optionB] };
  const gap = (k: number) => {
    const c = compareOptions({
      ...sub,
      series: scenario.series.map((row) => ({ ...row, volume: row.volume * k })),
    });
    return (c.options[0] as OptionCost).totalMinor - (c.options[1] as OptionCost).totalMinor;
  };
  const grid = [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4];
  let previousK = grid[0] as number;
  let previousGap = gap(previousK);
  for (const k of grid.slice(1)) {
    const g = gap(k);
    if (Math.sign(g) !== Math.sign(previousGap) && g !== 0) {
      let lo = previousK;
      let hi = k;
      while ((hi - lo) / hi > 0.005) {
        const mid = (lo + hi) / 2;
        if (Math.sign(gap(mid)) === Math.sign(previousGap)) lo = mid;
        else hi = mid;
      }
      return {
        a: optionA.name,
        b: optionB.name,
        volumeMultiplier: (lo + hi) / 2,
        cheaperBelow: previousGap < 0 ? optionA.name : optionB.name,
      };
    }
    previousK = k;
    previousGap = g;
  }
  return {
    a: optionA.name,
    b: optionB.name,
    volumeMultiplier: null,
    cheaperBelow: previousGap <= 0 ? optionA.name : optionB.name,
  };
}
