import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduledCoverage } from './model.js';
import { validateRules } from './rules.js';
import { cyclicRules, requirements } from './schedule.test-helper.js';
import { shiftCandidates } from './shifts.js';
import { groupKey, roundTours, tourModelLp, tourSet } from './tours.js';

// A week of 4-hour periods (6 a day) keeps the sets small.
const STEP = 240;
const RULES = cyclicRules(
  240,
  [
    { name: 'full', lengthMin: 480 },
    { name: 'part', lengthMin: 240 },
  ],
  { tours: [{ shiftType: 'full', daysOn: 5 }] },
);

describe('weekly tours', () => {
  it('every start time × 7 placements of the days off, worked days consecutive around the week', () => {
    const candidates = shiftCandidates(RULES, 42, STEP);
    const set = tourSet(RULES, candidates, 6);
    expect(set.tours).toHaveLength(6 * 7);
    for (const t of set.tours) {
      expect(t.days).toHaveLength(5);
      // The two days off are consecutive modulo 7.
      const off = [0, 1, 2, 3, 4, 5, 6].filter((d) => !t.days.includes(d));
      expect((off[1]! - off[0]! + 7) % 7 === 1 || (off[0]! - off[1]! + 7) % 7 === 1).toBe(true);
    }
    const lp = tourModelLp(new Array(42).fill(1), candidates, set, true);
    expect(lp).toContain(' y41 >= 0');
    // Day 0 at 00:00 of "full": worked by the tours starting at 00:00 whose days include 0.
    const withDay0 = set.tours.flatMap((t, j) => (t.startInDay === 0 && t.days.includes(0) ? [j] : []));
    expect(withDay0).toHaveLength(5);
  });

  it('rules: tours need a cyclic week and name a known shift type', () => {
    expect(() => validateRules({ ...RULES, mode: 'horizon' }, STEP)).toThrow(/tours/);
    expect(() => validateRules({ ...RULES, tours: [{ shiftType: 'x', daysOn: 5 }] }, STEP)).toThrow(
      expect.objectContaining({ field: 'tours[0].shiftType' }),
    );
    expect(() => validateRules({ ...RULES, tours: [{ shiftType: 'full', daysOn: 7 }] }, STEP)).toThrow(
      expect.objectContaining({ field: 'tours[0].daysOn' }),
    );
  });

  it('rounding: whatever the LP values, toured shifts come from whole tours, and every period is covered', () => {
    const candidates = shiftCandidates(RULES, 42, STEP);
    const set = tourSet(RULES, candidates, 6);
    fc.assert(
      fc.property(
        requirements(42, 5),
        fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 42, maxLength: 42 }),
        fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 84, maxLength: 84 }),
        (required, y, x) => {
          const { counts, tourCounts } = roundTours(y, x, required, candidates, set);
          // Toured shifts on each (start, day) = agents of the tours working that day.
          for (const [key, members] of set.groups) {
            const shifts = members.reduce((s, i) => s + counts[i]!, 0);
            const agents = set.tours.reduce(
              (s, t, j) =>
                s + (t.days.some((d) => groupKey(t.type, t.startInDay, d) === key) ? tourCounts[j]! : 0),
              0,
            );
            expect(shifts).toBe(agents);
          }
          const coverage = scheduledCoverage(counts, candidates, 42, true);
          required.forEach((r, q) => {
            expect(coverage[q]).toBeGreaterThanOrEqual(r);
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});
