// The cost inputs of each sourcing option. Money in integer minor units of the option's currency.

/** Units a vendor prices in. `productive-hour`: logged on-queue hours; `scheduled-hour`: paid hours
 * including the vendor's shrinkage; `fte-month`: a dedicated agent (seat) per month; `contact`: a
 * handled contact; `minute`: a handled minute (volume × AHT); `resolution`: a resolved contact;
 * `month`: a fixed monthly fee (the base of a hybrid). */
export const PRICE_UNITS = [
  'productive-hour',
  'scheduled-hour',
  'fte-month',
  'contact',
  'minute',
  'resolution',
  'month',
] as const;
export type PriceUnit = (typeof PRICE_UNITS)[number];

/** One priced unit; a hybrid price is several components (e.g. `month` base + `contact`). */
export interface PriceComponent {
  readonly unit: PriceUnit;
  /** Price per unit, minor units of the option's currency (may be fractional: 0.35 cents/min is fine). */
  readonly priceMinor: number;
  /** Billed at least this many units in every calendar month (a volume or seat minimum). */
  readonly minimumUnitsPerMonth?: number;
}

/** A one-off cost (ramp fee, transition, knowledge transfer), spread over the contract years. */
export interface OneOffCost {
  readonly key: string;
  readonly amountMinor: number;
}

export interface InHouseOption {
  readonly kind: 'in-house';
  readonly name: string;
  readonly currency: string;
  /** Fraction of paid time off the queue (leave, sickness, breaks, training), [0, 1). */
  readonly shrinkage: number;
  /** Contracted paid hours per FTE per year (e.g. 40 h × 52 weeks = 2,080). */
  readonly paidHoursPerFtePerYear: number;
  /** Gross wage per FTE per year. */
  readonly wagePerFtePerYearMinor: number;
  /** Employer on-costs (social insurance, pension) as a fraction of gross wages. */
  readonly employerOnCostRate: number;
  readonly benefitsPerFtePerYearMinor: number;
  /** Night premium as a fraction of the hourly wage, for scheduled hours 22:00–06:00. */
  readonly nightPremiumRate?: number;
  readonly agentsPerSupervisor: number;
  /** Gross per supervisor per year (employer on-costs are added). */
  readonly supervisorWagePerYearMinor: number;
  readonly agentsPerQa: number;
  readonly qaWagePerYearMinor: number;
  /** Leavers per FTE per year. */
  readonly attritionRate: number;
  readonly hiringCostPerHireMinor: number;
  readonly trainingCostPerHireMinor: number;
  readonly trainingPerFtePerYearMinor: number;
  /** Per seat per year (rent, facilities); seats = peak scheduled agents. */
  readonly seatCostPerYearMinor: number;
  readonly toolingPerFtePerYearMinor: number;
  /** Management overhead as a fraction of all other lines. */
  readonly managementOverheadRate: number;
  /** Fraction of contacts resolved (for cost per resolution), (0, 1]. */
  readonly resolutionRate: number;
}

export interface VendorOption {
  readonly kind: 'vendor';
  readonly name: string;
  readonly currency: string;
  /** The vendor's shrinkage, used for `scheduled-hour` and `fte-month` units and the FTE shown. */
  readonly shrinkage: number;
  /** Paid hours per FTE per year at the vendor (for `fte-month` units and the FTE shown). */
  readonly paidHoursPerFtePerYear: number;
  readonly pricing: readonly PriceComponent[];
  readonly oneOffCosts?: readonly OneOffCost[];
  /** Years the one-off costs are spread over (the contract term); default 3. */
  readonly contractYears?: number;
  /** The client's own retained vendor-management cost, as a fraction of vendor fees. */
  readonly governanceRate?: number;
  /** …and/or a fixed amount per year, in the option's currency. */
  readonly governancePerYearMinor?: number;
  readonly resolutionRate: number;
}

export type SourcingOption = InHouseOption | VendorOption;

/** The name of a vendor's pricing model, from its components. */
export function pricingModelOf(pricing: readonly PriceComponent[]): PriceUnit | 'hybrid' {
  const units = new Set(pricing.map((component) => component.unit));
  if (units.size === 1) return pricing[0]?.unit ?? 'hybrid';
  return 'hybrid';
}
