import fc from 'fast-check';
import { expect } from 'vitest';
import type { SeasonalSeries } from './series.js';

/**
 * Series of whole days of call counts for property tests: `minDays`…`maxDays` days (both included) of
 * `periodsPerDay` intervals, each `minCount`…`maxCount` calls, starting on `firstDayOfWeek`.
 */
export function countSeries(o: {
  readonly periodsPerDay: number;
  readonly minDays: number;
  readonly maxDays: number;
  readonly maxCount: number;
  readonly minCount?: number;
  readonly firstDayOfWeek: number;
}): fc.Arbitrary<SeasonalSeries> {
  const p = o.periodsPerDay;
  const count = fc.integer({ min: o.minCount ?? 0, max: o.maxCount });
  // Intervals drawn as one array (fast-check's length bias: short histories, fast runs), cut to whole days.
  return fc.array(count, { minLength: o.minDays * p, maxLength: o.maxDays * p }).map((raw) => ({
    values: raw.slice(0, Math.floor(raw.length / p) * p),
    periodsPerDay: p,
    firstDayOfWeek: o.firstDayOfWeek,
  }));
}

/** A forecaster's input, as `forecast` takes it: a {@link countSeries} history and a horizon of 1 … `maxHorizon`. */
export function forecastInput(
  history: Parameters<typeof countSeries>[0],
  maxHorizon: number,
): fc.Arbitrary<{ series: SeasonalSeries; horizon: number }> {
  return fc.record({ series: countSeries(history), horizon: fc.integer({ min: 1, max: maxHorizon }) });
}

/**
 * Three weeks of 4 intervals a day equal to the mean of fitPoissonProfile's own model
 * (log μ(d, j) = δ(day) + β·(d − last day) + log p(day, j)): interval j of day d (d = 0…20) holds
 * 100·dayScale[d mod 7]·e^(β(d − 20))·share[j]. Returned with the parameters that made it.
 */
export function ownMeanSeries(firstDayOfWeek: number) {
  return fc
    .record({
      beta: fc.double({ min: -0.04, max: 0.04, noNaN: true }),
      dayScale: fc.array(fc.double({ min: 0.5, max: 3, noNaN: true }), { minLength: 7, maxLength: 7 }),
      shape: fc.array(fc.double({ min: 0.1, max: 5, noNaN: true }), { minLength: 4, maxLength: 4 }),
    })
    .map(({ beta, dayScale, shape }) => {
      const total = shape.reduce((a, b) => a + b, 0);
      const share = shape.map((s) => s / total);
      const values: number[] = [];
      for (let d = 0; d < 21; d++)
        for (const s of share) values.push(100 * dayScale[d % 7]! * Math.exp(beta * (d - 20)) * s);
      const series: SeasonalSeries = { values, periodsPerDay: 4, firstDayOfWeek };
      return { beta, dayScale, share, series };
    });
}

/** A forecast of whole calls (Poisson medians): `horizon` points, each a whole number ≥ 0. */
export function expectWholeCounts(forecast: readonly number[], horizon: number): void {
  expect(forecast).toHaveLength(horizon);
  for (const v of forecast) expect(Number.isInteger(v) && v >= 0).toBe(true);
}
