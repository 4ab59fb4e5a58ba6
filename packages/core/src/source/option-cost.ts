// Cost of one option over a staffed series: in house by its cost lines, a vendor by its price.
import { scheduledAgents } from '../staffing/index.js';
import { requireFinite, requireFraction, SourceInputError } from './errors.js';
import { convertMinor, type FxTable, roundMinor } from './money.js';
import type { InHouseOption, PriceComponent, SourcingOption, VendorOption } from './options.js';
import type { StaffingProfile } from './staffing-profile.js';

/** One cost line: `quantity` units at `rateMinor` (option currency) = `amountMinor` (reporting currency, rounded). */
export interface CostLine {
  readonly key: string;
  readonly quantity: number;
  /** Per unit, minor units of the option's currency. */
  readonly rateMinor: number;
  readonly amountMinor: number;
}

/** What an option costs over the period of the series. */
export interface OptionCost {
  readonly name: string;
  readonly kind: SourcingOption['kind'];
  readonly currency: string;
  readonly reportingCurrency: string;
  readonly lines: readonly CostLine[];
  /** Σ lines, reporting currency, over the period. */
  readonly totalMinor: number;
  /** totalMinor ÷ period years. */
  readonly perYearMinor: number;
  readonly contacts: number;
  readonly resolvedContacts: number;
  /** totalMinor ÷ contacts (unrounded minor units; null without contacts). */
  readonly costPerContactMinor: number | null;
  /** totalMinor ÷ resolved contacts. */
  readonly costPerResolutionMinor: number | null;
  readonly productiveHours: number;
  /** Σ ⌈n_i ÷ (1 − s)⌉ × interval hours. */
  readonly scheduledHours: number;
  /** scheduledHours ÷ (paid hours per FTE per year × period years). */
  readonly fte: number;
  readonly peakScheduledAgents: number;
}

/** Scheduled hours of a profile under a shrinkage, in total, at night and by month. */
export interface ScheduledHours {
  readonly total: number;
  readonly night: number;
  readonly byMonth: Float64Array;
  readonly peak: number;
}

/**
 * Scheduled (paid) agent-hours: Σ_i ⌈n_i/(1 − s)⌉ × interval hours (FORMULAS.md §2, shrinkage
 * decided exactly by Plan's `scheduledAgents`). Each distinct n_i is converted once.
 * @example scheduledHoursOf(profile, 0.3).total // 52,200 for 5,220 half-hours at 14 productive agents
 */
export function scheduledHoursOf(profile: StaffingProfile, shrinkage: number): ScheduledHours {
  const hoursPerInterval = profile.intervalMin / 60;
  const cache = new Int32Array(profile.peakRawAgents + 1).fill(-1);
  const byMonth = new Float64Array(profile.months.length);
  let total = 0;
  let night = 0;
  let peak = 0;
  const raw = profile.rawAgents;
  for (let i = 0; i < raw.length; i++) {
    const n = raw[i] as number;
    let scheduled = cache[n] as number;
    if (scheduled < 0) {
      scheduled = scheduledAgents(n, shrinkage);
      cache[n] = scheduled;
    }
    total += scheduled;
    if (profile.night[i] === 1) night += scheduled;
    const m = profile.monthIndex[i] as number;
    byMonth[m] = (byMonth[m] as number) + scheduled * hoursPerInterval;
    if (scheduled > peak) peak = scheduled;
  }
  return { total: total * hoursPerInterval, night: night * hoursPerInterval, byMonth, peak };
}

interface Context {
  readonly reportingCurrency: string;
  readonly fx: FxTable;
  readonly periodYears: number;
}

function lineMaker(option: SourcingOption, context: Context, lines: CostLine[]) {
  return (key: string, quantity: number, rateMinor: number): number => {
    const amountMinor = roundMinor(
      convertMinor(quantity * rateMinor, option.currency, context.reportingCurrency, context.fx),
    );
    lines.push({ key, quantity, rateMinor, amountMinor });
    return amountMinor;
  };
}

/**
 * In-house cost over the period (Y = period years, F = FTE, w = gross wage per FTE-year,
 * c = employer on-cost rate):
 *
 * - F = H_s ÷ (paid hours per FTE-year × Y), H_s = scheduled hours after shrinkage;
 * - agent wages = F × Y × w × (1 + c); benefits = F × Y × b;
 * - night premium = H_night × (w ÷ paid hours) × premium × (1 + c);
 * - supervisors = ⌈F ÷ agents per supervisor⌉ × Y × wage × (1 + c); QA likewise;
 * - hiring = F × attrition × Y × (hiring + training cost per hire); training = F × Y × per-FTE training;
 * - seats = peak scheduled agents × Y × seat cost; tooling = F × Y × tooling;
 * - management overhead = rate × Σ of the lines above.
 *
 * The lines follow the in-house TCO list of `pricing-models.md` §3a in the Source reference
 * (BLS ECEC for on-costs; ICMI 8–14 agents per supervisor; Cornell ILR and SWPP for hiring cost).
 * Each line is converted and rounded once; the total is the sum of the rounded lines.
 *
 * @throws {SourceInputError} a rate outside [0, 1), a negative amount, a ratio ≤ 0, a missing FX rate.
 */
export function inHouseCost(profile: StaffingProfile, option: InHouseOption, context: Context): OptionCost {
  const at = (field: string) => `${option.name}.${field}`;
  requireFraction(option.shrinkage, at('shrinkage'));
  requireFraction(option.employerOnCostRate, at('employerOnCostRate'), 10);
  requireFraction(option.attritionRate, at('attritionRate'), 10);
  requireFraction(option.managementOverheadRate, at('managementOverheadRate'), 10);
  requireFinite(option.paidHoursPerFtePerYear, at('paidHoursPerFtePerYear'), 1);
  requireFinite(option.agentsPerSupervisor, at('agentsPerSupervisor'), 1);
  requireFinite(option.agentsPerQa, at('agentsPerQa'), 1);
  for (const key of [
    'wagePerFtePerYearMinor',
    'benefitsPerFtePerYearMinor',
    'supervisorWagePerYearMinor',
    'qaWagePerYearMinor',
    'hiringCostPerHireMinor',
    'trainingCostPerHireMinor',
    'trainingPerFtePerYearMinor',
    'seatCostPerYearMinor',
    'toolingPerFtePerYearMinor',
  ] as const) {
    requireFinite(option[key], at(key));
  }
  const y = context.periodYears;
  const hours = scheduledHoursOf(profile, option.shrinkage);
  const fte = hours.total / (option.paidHoursPerFtePerYear * y);
  const loaded = 1 + option.employerOnCostRate;
  const lines: CostLine[] = [];
  const line = lineMaker(option, context, lines);
  let subtotal = 0;
  subtotal += line('agent-wages', fte * y, option.wagePerFtePerYearMinor * loaded);
  subtotal += line('benefits', fte * y, option.benefitsPerFtePerYearMinor);
  const premium = option.nightPremiumRate ?? 0;
  if (premium > 0) {
    subtotal += line(
      'night-premium',
      hours.night,
      (option.wagePerFtePerYearMinor / option.paidHoursPerFtePerYear) * premium * loaded,
    );
  }
  const supervisors = Math.ceil(fte / option.agentsPerSupervisor - 1e-9);
  subtotal += line('supervisors', supervisors * y, option.supervisorWagePerYearMinor * loaded);
  const qa = Math.ceil(fte / option.agentsPerQa - 1e-9);
  subtotal += line('quality-assurance', qa * y, option.qaWagePerYearMinor * loaded);
  subtotal += line(
    'hiring-and-onboarding',
    fte * option.attritionRate * y,
    option.hiringCostPerHireMinor + option.trainingCostPerHireMinor,
  );
  subtotal += line('ongoing-training', fte * y, option.trainingPerFtePerYearMinor);
  subtotal += line('seats-and-facilities', hours.peak * y, option.seatCostPerYearMinor);
  subtotal += line('tooling', fte * y, option.toolingPerFtePerYearMinor);
  // Overhead is on the reporting-currency subtotal; express its rate back in the option's currency.
  const subtotalInOption = subtotal / convertMinor(1, option.currency, context.reportingCurrency, context.fx);
  line('management-overhead', option.managementOverheadRate, subtotalInOption);
  return finish(profile, option, context, lines, hours, fte);
}

function billedUnits(
  component: PriceComponent,
  profile: StaffingProfile,
  hours: ScheduledHours,
  option: VendorOption,
  periodYears: number,
): number {
  const months = profile.months.length;
  const hoursPerFteMonth = option.paidHoursPerFtePerYear / 12;
  const productiveByMonth = new Float64Array(months);
  if (component.unit === 'productive-hour') {
    const h = profile.intervalMin / 60;
    for (let i = 0; i < profile.rawAgents.length; i++) {
      const m = profile.monthIndex[i] as number;
      productiveByMonth[m] = (productiveByMonth[m] as number) + (profile.rawAgents[i] as number) * h;
    }
  }
  const unitsInMonth = (m: number): number => {
    switch (component.unit) {
      case 'productive-hour':
        return productiveByMonth[m] as number;
      case 'scheduled-hour':
        return hours.byMonth[m] as number;
      case 'fte-month':
        return Math.ceil((hours.byMonth[m] as number) / hoursPerFteMonth - 1e-9);
      case 'contact':
        return profile.contactsByMonth[m] as number;
      case 'minute':
        return profile.handledMinutesByMonth[m] as number;
      case 'resolution':
        return (profile.contactsByMonth[m] as number) * option.resolutionRate;
      case 'month':
        return 1;
    }
  };
  if (component.unit === 'month' && component.minimumUnitsPerMonth === undefined) {
    return periodYears * 12;
  }
  const minimum = component.minimumUnitsPerMonth ?? 0;
  let units = 0;
  for (let m = 0; m < months; m++) units += Math.max(unitsInMonth(m), minimum);
  return units;
}

/**
 * Vendor cost over the period: for each price component, billed units × price, where billed units
 * are summed by calendar month as max(units in the month, the monthly minimum); one-off costs
 * (ramp, transition) × Y ÷ contract years; the client's retained governance = rate × vendor fees
 * + fixed per year × Y. Units: productive hours Σ n_i·h; scheduled hours Σ⌈n_i/(1−s_v)⌉·h;
 * FTE-months ⌈scheduled hours in the month ÷ (paid hours ÷ 12)⌉; contacts; handled minutes
 * volume × AHT ÷ 60; resolutions contacts × resolution rate; `month` Y × 12.
 *
 * Pricing models and contract terms as catalogued in `pricing-models.md` §1–2 of the Source
 * reference (hpwd "anchored" pricing for hybrids; helpdeskfocus on minimums; governance 3–7 %
 * of contract value, general practice). Cost per contact = price per billable unit × billable
 * units ÷ contacts, with the units from the client's own staffing, never the vendor's averages.
 *
 * @throws {SourceInputError} no price component, a negative price, a missing FX rate.
 */
export function vendorCost(profile: StaffingProfile, option: VendorOption, context: Context): OptionCost {
  const at = (field: string) => `${option.name}.${field}`;
  if (option.pricing.length === 0) throw new SourceInputError(at('pricing'), 'needs at least one price');
  requireFraction(option.shrinkage, at('shrinkage'));
  requireFinite(option.paidHoursPerFtePerYear, at('paidHoursPerFtePerYear'), 1);
  const y = context.periodYears;
  const hours = scheduledHoursOf(profile, option.shrinkage);
  const fte = hours.total / (option.paidHoursPerFtePerYear * y);
  const lines: CostLine[] = [];
  const line = lineMaker(option, context, lines);
  let fees = 0;
  option.pricing.forEach((component, index) => {
    requireFinite(component.priceMinor, at(`pricing[${index}].priceMinor`));
    if (component.minimumUnitsPerMonth !== undefined) {
      requireFinite(component.minimumUnitsPerMonth, at(`pricing[${index}].minimumUnitsPerMonth`));
    }
    const units = billedUnits(component, profile, hours, option, y);
    fees += units * component.priceMinor;
    line(`price-per-${component.unit}`, units, component.priceMinor);
  });
  const contractYears = requireFinite(option.contractYears ?? 3, at('contractYears'), 0.25);
  for (const [index, cost] of (option.oneOffCosts ?? []).entries()) {
    requireFinite(cost.amountMinor, at(`oneOffCosts[${index}].amountMinor`));
    line(`one-off:${cost.key}`, y / contractYears, cost.amountMinor);
  }
  const rate = requireFraction(option.governanceRate ?? 0, at('governanceRate'));
  if (rate > 0) line('retained-governance', rate, fees);
  const fixed = requireFinite(option.governancePerYearMinor ?? 0, at('governancePerYearMinor'));
  if (fixed > 0) line('retained-governance-fixed', y, fixed);
  return finish(profile, option, context, lines, hours, fte);
}

function finish(
  profile: StaffingProfile,
  option: SourcingOption,
  context: Context,
  lines: CostLine[],
  hours: ScheduledHours,
  fte: number,
): OptionCost {
  const resolutionRate = option.resolutionRate;
  if (!(resolutionRate > 0 && resolutionRate <= 1)) {
    throw new SourceInputError(`${option.name}.resolutionRate`, 'must be in (0, 1]');
  }
  const totalMinor = lines.reduce((sum, l) => sum + l.amountMinor, 0);
  const resolved = profile.contacts * resolutionRate;
  return {
    name: option.name,
    kind: option.kind,
    currency: option.currency,
    reportingCurrency: context.reportingCurrency,
    lines,
    totalMinor,
    perYearMinor: totalMinor / context.periodYears,
    contacts: profile.contacts,
    resolvedContacts: resolved,
    costPerContactMinor: profile.contacts > 0 ? totalMinor / profile.contacts : null,
    costPerResolutionMinor: resolved > 0 ? totalMinor / resolved : null,
    productiveHours: profile.productiveHours,
    scheduledHours: hours.total,
    fte,
    peakScheduledAgents: hours.peak,
  };
}

/** Cost of any option (dispatch on `kind`). */
export function optionCost(profile: StaffingProfile, option: SourcingOption, context: Context): OptionCost {
  return option.kind === 'in-house'
    ? inHouseCost(profile, option, context)
    : vendorCost(profile, option, context);
}

export type { Context as CostContext };
