import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduledCoverage } from './model.js';
import { cyclicRules, mealShift, paidOf, requirements } from './schedule.test-helper.js';
import { shiftCandidates } from './shifts.js';
import { improveTours } from './tour-search.js';
import { groupKey, roundTours, tourSet } from './tours.js';

// A week of 2-hour periods (12 a day), an 8-hour full-time shift with a 2-hour meal window, a 4-hour part-time one.
const STEP = 120;
const RULES = cyclicRules(
  240,
  [
    mealShift('full', 480, {
      lengthMin: 120,
      earliestAfterStartMin: 120,
      latestBeforeEndMin: 120,
      gridMin: 120,
    }),
    { name: 'part', lengthMin: 240 },
  ],
  { tours: [{ shiftType: 'full', daysOn: 5 }] },
);
const candidates = shiftCandidates(RULES, 84, STEP);
const set = tourSet(RULES, candidates, 12);
const cost = (counts: readonly number[]) => paidOf(counts, candidates);

describe('local search on weekly tours', () => {
  it('never pays more, keeps every covered period covered and every toured shift inside a whole tour', () => {
    fc.assert(
      fc.property(
        requirements(84, 4),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 1000 }),
        (required, rounds, seed) => {
          const start = roundTours([], [], required, candidates, set);
          const next = improveTours(start, required, candidates, set, { rounds, window: 12, seed });
          expect(cost(next.counts)).toBeLessThanOrEqual(cost(start.counts));
          const coverage = scheduledCoverage(next.counts, candidates, 84, true);
          required.forEach((r, q) => {
            expect(coverage[q]).toBeGreaterThanOrEqual(r);
          });
          for (const [key, members] of set.groups) {
            const shifts = members.reduce((s, i) => s + next.counts[i]!, 0);
            const agents = set.tours.reduce(
              (s, t, j) =>
                s + (t.days.some((d) => groupKey(t.type, t.startInDay, d) === key) ? next.tourCounts[j]! : 0),
              0,
            );
            expect(shifts).toBe(agents);
          }
          next.counts.forEach((n, i) => {
            if (set.toured[i] && n > 0)
              expect([...set.groups.values()].some((g) => g.includes(i))).toBe(true);
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('replaces a tour by part-time shifts when the tour only covers one day of need', () => {
    // Need on Monday 08:00–12:00 only; start from an agent on a 5-day tour there: one 4-hour shift is enough.
    const required = new Array<number>(84).fill(0);
    required[4] = 1;
    required[5] = 1;
    const j = set.tours.findIndex((t) => t.startInDay === 4 && t.days.includes(0));
    const counts = new Array<number>(candidates.length).fill(0);
    const tourCounts = set.tours.map((_, k) => (k === j ? 1 : 0));
    for (const d of set.tours[j]!.days) counts[set.groups.get(groupKey('full', 4, d))![0]!] = 1;
    const next = improveTours({ counts, tourCounts }, required, candidates, set, { rounds: 0, window: 12 });
    expect(next.tourCounts.reduce((a, b) => a + b, 0)).toBe(0);
    expect(cost(next.counts)).toBe(2);
  });
});
