import { describe, expect, it } from 'vitest';
import { breakEven, compareOptions, type SourcingScenario, sensitivity } from './compare.js';
import { SourceInputError } from './errors.js';
import { workedExampleScenario } from './worked-example.js';

const small: SourcingScenario = {
  series: [
    { start: '2025-03-03T09:00', volume: 100, ahtSec: 180 },
    { start: '2025-03-03T09:30', volume: 100, ahtSec: 180 },
  ],
  staffing: { intervalMin: 30, targets: { serviceLevel: { fraction: 0.8, withinSec: 20 } } },
  periodYears: 1,
  reportingCurrency: 'EUR',
  fx: { PHP: { rate: 0.016, asOf: '2026-11-30' } },
  options: [
    {
      kind: 'vendor',
      name: 'per minute',
      currency: 'PHP',
      shrinkage: 0.3,
      paidHoursPerFtePerYear: 2080,
      pricing: [{ unit: 'minute', priceMinor: 2000 }],
      resolutionRate: 1,
    },
    {
      kind: 'vendor',
      name: 'hybrid',
      currency: 'EUR',
      shrinkage: 0.3,
      paidHoursPerFtePerYear: 2080,
      pricing: [
        { unit: 'month', priceMinor: 100_000 },
        { unit: 'resolution', priceMinor: 150 },
      ],
      resolutionRate: 0.5,
    },
    {
      kind: 'vendor',
      name: 'per FTE',
      currency: 'EUR',
      shrinkage: 0.3,
      paidHoursPerFtePerYear: 2080,
      pricing: [{ unit: 'fte-month', priceMinor: 300_000, minimumUnitsPerMonth: 5 }],
      resolutionRate: 1,
    },
  ],
};

describe('pricing models (figures by hand)', () => {
  const result = compareOptions(small);
  it('per minute in PHP: 200 × 3 min × ₱20 × 0.016 = €192', () => {
    expect(result.options[0]?.totalMinor).toBe(19_200);
  });
  it('hybrid: 12 months × €1,000 + 100 resolutions × €1.50 = €12,150', () => {
    expect(result.options[1]?.totalMinor).toBe(1_215_000);
  });
  it('per FTE-month with a minimum of 5: 20 scheduled × 1 h ÷ 173.3 h → 1 FTE, billed 5 × €3,000', () => {
    expect(result.options[2]?.totalMinor).toBe(1_500_000);
  });
  it('a missing exchange rate names the currency', () => {
    expect(() => compareOptions({ ...small, fx: {} })).toThrow(SourceInputError);
    expect(() => compareOptions({ ...small, fx: {} })).toThrow(/fx\.PHP/);
  });
});

describe('sensitivity and break-even on the worked example', () => {
  it('the German wage moves the in-house cost per contact most among its cost inputs', () => {
    const rows = sensitivity(workedExampleScenario()).filter((r) => r.option === 'Germany in-house');
    const costInputs = rows.filter((r) => r.input !== 'volume' && r.input !== 'ahtSec');
    expect(costInputs[0]?.input).toBe('wagePerFtePerYearMinor');
    // ±10 % of wages moves agent wages ±€94,743 and overhead ±€9,474.30: swing 2 × 104,217.30 ÷ 522,000 = 39.93 cents
    expect(costInputs[0]?.swing).toBeCloseTo(39.93, 1);
  });

  it('break-even between in-house and the per-contact vendor is reported or absent with the cheaper side', () => {
    const even = breakEven(workedExampleScenario(), 0, 2);
    expect(
      even.cheaperBelow === 'Germany in-house' || even.cheaperBelow === 'Philippines offshore (per contact)',
    ).toBe(true);
  });
});
