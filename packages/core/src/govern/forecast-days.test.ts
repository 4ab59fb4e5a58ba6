import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../time/calendar-day.js';
import { SettlementInputError } from './errors.js';
import { apportionWhole, forecastVolumeOn } from './forecast-days.js';

describe('apportionWhole (Hamilton, largest remainders)', () => {
  it('gives the leftover units to the largest remainders (quotas worked by hand)', () => {
    // Quotas 6.32, 1.48, 2.20: floors 6, 1, 2 leave 1 unit, which goes to the largest remainder (.48).
    expect(apportionWhole([6.32, 1.48, 2.2], 10)).toEqual([6, 2, 2]);
    // Quotas 1.47, 1.47, 1.07: the tie between the first two goes to the earlier day.
    expect(apportionWhole([1.4, 1.4, 1.2], 4)).toEqual([2, 1, 1]);
    expect(apportionWhole([0, 0], 0)).toEqual([0, 0]);
  });

  it('refuses what it cannot share, naming the input', () => {
    expect(() => apportionWhole([1, -1], 3)).toThrow(SettlementInputError);
    expect(() => apportionWhole([0, 0], 3)).toThrow(/weights/);
    expect(() => apportionWhole([1, 2], 2.5)).toThrow(/total/);
  });

  it('every share is the floor or the ceiling of its quota, and they add up to the total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 5_000, noNaN: true }), { minLength: 1, maxLength: 31 }),
        fc.integer({ min: 0, max: 100_000 }),
        (weights, total) => {
          const sum = weights.reduce((a, b) => a + b, 0);
          fc.pre(sum > 0);
          const shares = apportionWhole(weights, total);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          shares.forEach((s, i) => {
            const quota = (total * weights[i]!) / sum;
            expect(s).toBeGreaterThanOrEqual(Math.floor(quota) - 1e-9);
            expect(s).toBeLessThanOrEqual(Math.ceil(quota) + 1e-9);
          });
        },
      ),
    );
  });
});

describe('forecastVolumeOn', () => {
  // A plan's week from Monday 27 March 2023: Monday heavy.
  const week = { from: '2023-03-27', to: '2023-04-02', volume: 700 };
  const daily = [250, 100, 100, 100, 70, 40, 40];

  it('counts a plan’s own volumes on the days taken, pro rata only for a forecast of one number', () => {
    const march = ['2023-03-27', '2023-03-28', '2023-03-29', '2023-03-30', '2023-03-31'];
    expect(forecastVolumeOn({ ...week, dailyVolumes: daily }, march)).toBe(620);
    expect(forecastVolumeOn(week, march)).toBe(500);
    expect(forecastVolumeOn({ ...week, dailyVolumes: null }, ['2023-04-01'])).toBe(100);
  });

  it('refuses a day outside the range and daily volumes of the wrong length', () => {
    expect(() => forecastVolumeOn(week, ['2023-04-03'])).toThrow(/outside/);
    expect(() => forecastVolumeOn({ ...week, dailyVolumes: [1, 2] }, ['2023-03-27'])).toThrow(/dailyVolumes/);
  });

  it('days split into two sets count the whole forecast between them, either way it is given', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 1, maxLength: 62 }),
        fc.boolean(),
        fc.infiniteStream(fc.boolean()),
        (perDay, withDaily, picks) => {
          const from = '2024-02-20';
          const days = perDay.map((_, i) => addCalendarDays(from, i));
          const volume = perDay.reduce((a, b) => a + b, 0);
          const f = {
            from,
            to: days[days.length - 1]!,
            volume,
            dailyVolumes: withDaily ? perDay : null,
          };
          const taken = days.filter(() => picks.next().value);
          const rest = days.filter((d) => !taken.includes(d));
          const sum = forecastVolumeOn(f, taken) + forecastVolumeOn(f, rest);
          expect(sum).toBeCloseTo(volume, 6);
          if (!withDaily)
            expect(forecastVolumeOn(f, taken)).toBeCloseTo((volume * taken.length) / days.length, 9);
        },
      ),
    );
  });
});
