// The worked example of docs/source-worked-examples.md: one volume and service level, three options.
import type { SourcingScenario } from './compare.js';
import type { InHouseOption, VendorOption } from './options.js';
import type { DemandInterval } from './staffing-profile.js';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Every weekday of 2025, 08:00–18:00 in half-hours (261 days × 20 = 5,220 intervals), 100 contacts
 * per half-hour at 180 s AHT: 522,000 contacts a year. Pure calendar arithmetic (no Date).
 */
export function workedExampleSeries(): DemandInterval[] {
  const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const rows: DemandInterval[] = [];
  let weekday = 2; // 2025-01-01 was a Wednesday (0 = Monday, 2 = Wednesday)
  monthDays.forEach((days, month) => {
    for (let day = 1; day <= days; day++) {
      if (weekday < 5) {
        for (let slot = 0; slot < 20; slot++) {
          const minutes = 8 * 60 + slot * 30;
          rows.push({
            start: `2025-${pad(month + 1)}-${pad(day)}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`,
            volume: 100,
            ahtSec: 180,
          });
        }
      }
      weekday = (weekday + 1) % 7;
    }
  });
  return rows;
}

export const GERMANY_IN_HOUSE: InHouseOption = {
  kind: 'in-house',
  name: 'Germany in-house',
  currency: 'EUR',
  shrinkage: 0.3,
  paidHoursPerFtePerYear: 2088,
  wagePerFtePerYearMinor: 3_132_000,
  employerOnCostRate: 0.21,
  benefitsPerFtePerYearMinor: 60_000,
  agentsPerSupervisor: 12,
  supervisorWagePerYearMinor: 4_800_000,
  agentsPerQa: 25,
  qaWagePerYearMinor: 4_200_000,
  attritionRate: 0.3,
  hiringCostPerHireMinor: 250_000,
  trainingCostPerHireMinor: 400_000,
  trainingPerFtePerYearMinor: 50_000,
  seatCostPerYearMinor: 360_000,
  toolingPerFtePerYearMinor: 120_000,
  managementOverheadRate: 0.1,
  resolutionRate: 0.8,
};

export const POLAND_NEARSHORE_PER_HOUR: VendorOption = {
  kind: 'vendor',
  name: 'Poland nearshore (per hour)',
  currency: 'EUR',
  shrinkage: 0.2,
  paidHoursPerFtePerYear: 2088,
  pricing: [{ unit: 'productive-hour', priceMinor: 2100 }],
  oneOffCosts: [
    { key: 'transition', amountMinor: 6_000_000 },
    { key: 'ramp-fee', amountMinor: 1_500_000 },
  ],
  contractYears: 3,
  governanceRate: 0.05,
  resolutionRate: 0.75,
};

export const PHILIPPINES_OFFSHORE_PER_CONTACT: VendorOption = {
  kind: 'vendor',
  name: 'Philippines offshore (per contact)',
  currency: 'USD',
  shrinkage: 0.3,
  paidHoursPerFtePerYear: 2088,
  pricing: [{ unit: 'contact', priceMinor: 120, minimumUnitsPerMonth: 42_000 }],
  oneOffCosts: [{ key: 'transition', amountMinor: 8_000_000 }],
  contractYears: 3,
  governanceRate: 0.05,
  resolutionRate: 0.7,
};

/** The scenario of the worked example: 80 % in 20 s, EUR reporting, USD at 0.92 EUR (dated). */
export function workedExampleScenario(): SourcingScenario {
  return {
    series: workedExampleSeries(),
    staffing: { intervalMin: 30, targets: { serviceLevel: { fraction: 0.8, withinSec: 20 } } },
    periodYears: 1,
    reportingCurrency: 'EUR',
    fx: { USD: { rate: 0.92, asOf: '2026-11-30', source: 'entered by the user (example)' } },
    options: [GERMANY_IN_HOUSE, POLAND_NEARSHORE_PER_HOUR, PHILIPPINES_OFFSHORE_PER_CONTACT],
  };
}
