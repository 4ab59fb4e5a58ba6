import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StaffingInputError } from './errors.js';
import { ceilOfRatio, floorOfRatio } from './exact-decimal.js';
import { scheduledAgents } from './shrinkage.js';

/** Oracle: ⌈raw / (1 − S/10^places)⌉ = ⌈raw·10^places / (10^places − S)⌉ in BigInt. */
function exactScheduled(raw: number, shrinkageUnits: number, places: number): number {
  const scale = 10n ** BigInt(places);
  const numerator = BigInt(raw) * scale;
  const denominator = scale - BigInt(shrinkageUnits);
  return Number((numerator + denominator - 1n) / denominator);
}

describe('scheduledAgents', () => {
  it('gets the float-trap cases of FORMULAS.md §2 right', () => {
    expect(21 / (1 - 0.3)).toBeGreaterThan(30); // the trap: 30.000000000000004
    expect(scheduledAgents(21, 0.3)).toBe(30);
    expect(scheduledAgents(5264, 0.3)).toBe(7520);
    expect(scheduledAgents(0, 0.3)).toBe(0);
    expect(scheduledAgents(7, 0)).toBe(7);
  });

  it('matches rational arithmetic for random decimal shrinkages (up to 9 places)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000_000 }),
        fc.integer({ min: 1, max: 9 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (raw, places, fraction) => {
          const units = Math.floor(fraction * 10 ** places);
          const shrinkage = Number(`${units}e-${places}`); // the decimal a user would type
          expect(scheduledAgents(raw, shrinkage)).toBe(exactScheduled(raw, units, places));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('rejects shrinkage of 100 % or more, negative shrinkage and fractional agents', () => {
    expect(() => scheduledAgents(10, 1)).toThrow(StaffingInputError);
    expect(() => scheduledAgents(10, -0.1)).toThrowError(/shrinkage/);
    expect(() => scheduledAgents(10.5, 0.3)).toThrowError(/productiveAgents/);
  });
});

describe('exact decimal ceilings', () => {
  it('decides products and quotients of decimals exactly', () => {
    expect(ceilOfRatio([17], [0.85])).toBe(20); // 17 / 0.85 is 20 exactly
    expect(floorOfRatio([3, 0.1], [0.3])).toBe(1); // 3 × 0.1 / 0.3 = 0.9999999999999999 in float64
    expect(ceilOfRatio([51, 300], [900, 0.85])).toBe(20);
  });

  it('agrees with BigInt arithmetic on random one-decimal AHTs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 20_000 }),
        (volume, ahtTenths) => {
          const aht = ahtTenths / 10;
          const expected = (BigInt(volume) * BigInt(ahtTenths) + 8999n) / 9000n; // ⌈volume·aht/900⌉
          expect(ceilOfRatio([volume, aht], [900])).toBe(Number(expected));
        },
      ),
    );
  });
});
