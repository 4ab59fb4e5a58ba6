import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greedySchedule } from './greedy.js';
import { improveSchedule, iteratedImprove } from './local-search.js';
import { scheduledCoverage } from './model.js';
import { cyclicRules, mealShift, paidOf, requirements } from './schedule.test-helper.js';
import { type Shift, shiftCandidates } from './shifts.js';

// Hourly periods over one cyclic day: 8 h with a one-hour meal, 6 h and 4 h shifts on the hour.
const RULES = cyclicRules(60, [
  mealShift('8h', 480, { lengthMin: 60, earliestAfterStartMin: 180, latestBeforeEndMin: 120, gridMin: 60 }),
  { name: '6h', lengthMin: 360 },
  { name: '4h', lengthMin: 240 },
]);
const CANDIDATES = shiftCandidates(RULES, 24, 60);
const paid = (counts: readonly number[], candidates: readonly Shift[] = CANDIDATES) =>
  paidOf(counts, candidates);

describe('local search on a covering schedule', () => {
  it('never pays more and never leaves a period short that the schedule covered', () => {
    fc.assert(
      fc.property(requirements(24, 4), fc.integer({ min: 1, max: 1000 }), (required, seed) => {
        const start = greedySchedule(required, CANDIDATES, true);
        for (const improved of [
          improveSchedule(start, required, CANDIDATES, true),
          iteratedImprove(start, required, CANDIDATES, true, { rounds: 5, window: 6, seed }),
        ]) {
          expect(paid(improved)).toBeLessThanOrEqual(paid(start));
          const coverage = scheduledCoverage(improved, CANDIDATES, 24, true);
          required.forEach((r, q) => {
            expect(coverage[q]).toBeGreaterThanOrEqual(r);
          });
        }
      }),
      { numRuns: 30 },
    );
  });

  it('replaces two 4 h shifts meeting a 6 h need by one 6 h shift', () => {
    const required = new Array<number>(24).fill(0);
    for (let q = 9; q < 15; q++) required[q] = 1;
    const start = new Array<number>(CANDIDATES.length).fill(0);
    const at = (type: string, hour: number) =>
      CANDIDATES.findIndex((c) => c.type === type && c.start === hour);
    start[at('4h', 9)] = 1;
    start[at('4h', 11)] = 1;
    const improved = improveSchedule(start, required, CANDIDATES, true);
    expect(paid(improved)).toBe(6);
    expect(improved[at('6h', 9)]).toBe(1);
  });
});
