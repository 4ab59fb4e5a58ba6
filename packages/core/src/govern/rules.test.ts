// Properties of forecast relief, chronic failure and earn-back that hold for all inputs (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earnBack, type TermMonth } from './earn-back.js';
import { forecastRelief } from './forecast-relief.js';
import { isChronicFailure } from './history.js';

const month = fc.record({
  missed: fc.boolean(),
  metExpected: fc.boolean(),
  creditMinor: fc.integer({ min: 0, max: 1_000_000 }),
}) as fc.Arbitrary<TermMonth>;
const rule = { goodMonths: 3, chronic: { misses: 3, window: 6 } };

describe('forecast relief', () => {
  it('relieves exactly outside the band, never without a forecast', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(2_000_000), fc.nat(5_000), (forecast, actual, band) => {
        const r = forecastRelief(forecast, actual, { aboveBp: band, belowBp: band });
        if (forecast === 0) expect(r.relieved).toBe(false);
        else
          expect(r.relieved).toBe(
            actual * 10_000 > forecast * (10_000 + band) || actual * 10_000 < forecast * (10_000 - band),
          );
      }),
    );
  });
});

describe('earn-back', () => {
  it('returns at most the credit of the month N back, and only after N months at the expected level', () => {
    fc.assert(
      fc.property(fc.array(month, { minLength: 0, maxLength: 15 }), (history) => {
        const due = earnBack(history, rule);
        if (due.reason !== 'earned') {
          expect(due.earnBackMinor).toBe(0);
          return;
        }
        const source = history.length - 1 - rule.goodMonths;
        expect(due.monthIndex).toBe(source);
        expect(due.earnBackMinor).toBe(history[source]!.creditMinor);
        expect(history.slice(source + 1).every((m) => m.metExpected)).toBe(true);
        expect(
          isChronicFailure(
            history.slice(0, source + 1).map((m) => m.missed),
            rule.chronic,
          ),
        ).toBe(false);
      }),
    );
  });
  it('a credit is earned back in one month only (never twice)', () => {
    fc.assert(
      fc.property(fc.array(month, { minLength: 4, maxLength: 15 }), (history) => {
        const earnedFor = new Map<number, number>();
        for (let end = 1; end <= history.length; end++) {
          const due = earnBack(history.slice(0, end), rule);
          if (due.reason === 'earned')
            earnedFor.set(due.monthIndex, (earnedFor.get(due.monthIndex) ?? 0) + 1);
        }
        for (const times of earnedFor.values()) expect(times).toBe(1);
      }),
    );
  });
});
