import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greedySchedule } from './greedy.js';
import { coveringModelLp, scheduledCoverage } from './model.js';
import { roundedLpSchedule } from './rounding.js';
import { ScheduleInputError, type ScheduleRules, validateRules } from './rules.js';
import { cyclicRules, mealShift, requirements } from './schedule.test-helper.js';
import { paidPeriods, type Shift, shiftCandidates, workedPeriods } from './shifts.js';

const STEP = 30;
const RULES = cyclicRules(60, [
  mealShift('8h', 480, { lengthMin: 30, earliestAfterStartMin: 180, latestBeforeEndMin: 120, gridMin: 30 }),
  { name: '4h', lengthMin: 240 },
]);

/** Checks one shift against the rules, independently of how candidates are generated. */
function breaksRule(shift: Shift, rules: ScheduleRules, periods: number): string | undefined {
  const type = rules.shiftTypes.find((t) => t.name === shift.type);
  if (!type) return 'unknown type';
  if (shift.length * STEP !== type.lengthMin) return 'length';
  if ((shift.start * STEP) % rules.startGridMin !== 0) return 'start grid';
  if (rules.mode === 'horizon' && shift.start + shift.length > periods) return 'past the horizon';
  if (type.meal) {
    if (shift.mealOffset === undefined || shift.mealLength * STEP !== type.meal.lengthMin)
      return 'meal missing';
    const after = shift.mealOffset * STEP;
    const beforeEnd = (shift.length - shift.mealOffset - shift.mealLength) * STEP;
    if (after < type.meal.earliestAfterStartMin || beforeEnd < type.meal.latestBeforeEndMin)
      return 'meal window';
    if (after % type.meal.gridMin !== 0) return 'meal grid';
  } else if (shift.mealOffset !== undefined) return 'meal on a type without one';
  if (rules.openingHours)
    for (let k = 0; k < shift.length; k++) {
      const minute = ((shift.start + k) * STEP) % 1440;
      if (minute < rules.openingHours.openMin || minute >= rules.openingHours.closeMin)
        return 'outside opening hours';
    }
  return undefined;
}

describe('rules', () => {
  it('names the JSON path of the first value at fault', () => {
    expect(() => validateRules({ ...RULES, startGridMin: 45 }, STEP)).toThrow(
      expect.objectContaining({ field: 'startGridMin' }),
    );
    const badMeal = {
      ...RULES,
      shiftTypes: [
        {
          name: 'x',
          lengthMin: 240,
          meal: { lengthMin: 60, earliestAfterStartMin: 120, latestBeforeEndMin: 120, gridMin: 30 },
        },
      ],
    };
    expect(() => validateRules(badMeal, STEP)).toThrow(
      expect.objectContaining({ field: 'shiftTypes[0].meal' }),
    );
    expect(() => validateRules({ ...RULES, mode: 'weekly' }, STEP)).toThrow(ScheduleInputError);
    expect(validateRules(RULES, STEP)).toBe(RULES);
  });
});

describe('candidates and the model', () => {
  it('counts by hand: 24 starts × 6 meal places + 24 starts of 4 h', () => {
    // 8 h = 16 periods; meal 1 period from offset 6 to 16 − 4 − 1 = 11 on a 1-period grid: 6 places.
    const c = shiftCandidates(RULES, 48, STEP);
    expect(c.filter((s) => s.type === '8h')).toHaveLength(24 * 6);
    expect(c.filter((s) => s.type === '4h')).toHaveLength(24);
    expect(paidPeriods(c[0]!)).toBe(15);
    // Cyclic: the 23:00 shift works 23:00–07:00 minus its meal, wrapping to the day's start.
    const late = c.find((s) => s.type === '8h' && s.start === 46 && s.mealOffset === 6)!;
    expect(workedPeriods(late, 48, true)).toEqual([46, 47, 0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });
  it('writes the covering program in LP text', () => {
    const lp = coveringModelLp(
      [1, 0, 2],
      [
        { type: 'a', start: 0, length: 3, mealLength: 0 },
        { type: 'b', start: 2, length: 1, mealLength: 0 },
      ],
      false,
      true,
    );
    expect(lp).toContain(' obj: 3 x0 + 1 x1');
    expect(lp).toContain(' c0: x0 >= 1');
    expect(lp).not.toContain(' c1:');
    expect(lp).toContain(' c2: x0 + x1 >= 2');
    expect(lp).toContain('General\n x0 x1');
  });
});

const ruleSets = fc.record({
  length: fc.constantFrom(240, 360, 480, 600),
  grid: fc.constantFrom(30, 60, 120),
  meal: fc.boolean(),
  cyclic: fc.boolean(),
  open: fc.constantFrom(0, 360, 420),
  close: fc.constantFrom(1440, 1320, 1200),
});

describe('greedy schedule (the fallback): properties', () => {
  it('no shift breaks a rule, and every period some shift can work is covered', () => {
    fc.assert(
      fc.property(ruleSets, requirements(48, 6), (r, required) => {
        const rules: ScheduleRules = {
          shiftTypes: [
            {
              name: 'main',
              lengthMin: r.length,
              meal: r.meal
                ? { lengthMin: 30, earliestAfterStartMin: 120, latestBeforeEndMin: 60, gridMin: 30 }
                : undefined,
            },
            { name: 'short', lengthMin: 180 },
          ],
          startGridMin: r.grid,
          openingHours: { openMin: r.open, closeMin: r.close },
          mode: r.cyclic ? 'cyclic' : 'horizon',
        };
        validateRules(rules, STEP);
        const candidates = shiftCandidates(rules, 48, STEP);
        const counts = greedySchedule(required, candidates, r.cyclic);
        counts.forEach((c, i) => {
          if (c > 0) expect(breaksRule(candidates[i]!, rules, 48)).toBeUndefined();
        });
        const coverage = scheduledCoverage(counts, candidates, 48, r.cyclic);
        const coverable = scheduledCoverage(
          candidates.map(() => 1),
          candidates,
          48,
          r.cyclic,
        );
        required.forEach((need, q) => {
          if (coverable[q]! > 0) expect(coverage[q]).toBeGreaterThanOrEqual(need);
          else expect(coverage[q]).toBe(0);
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe('LP rounding, repaired: properties', () => {
  it('whatever the fractional values, whole counts that cover every period a shift can work', () => {
    fc.assert(
      fc.property(
        requirements(48, 6),
        fc.array(fc.double({ min: 0, max: 4, noNaN: true }), { minLength: 168, maxLength: 168 }),
        fc.boolean(),
        (required, fractional, cyclic) => {
          const rules: ScheduleRules = { ...RULES, mode: cyclic ? 'cyclic' : 'horizon' };
          const candidates = shiftCandidates(rules, 48, STEP);
          const counts = roundedLpSchedule(fractional, required, candidates, cyclic);
          expect(counts.every((c) => Number.isInteger(c) && c >= 0)).toBe(true);
          const coverage = scheduledCoverage(counts, candidates, 48, cyclic);
          const coverable = scheduledCoverage(
            candidates.map(() => 1),
            candidates,
            48,
            cyclic,
          );
          required.forEach((need, q) => {
            if (coverable[q]! > 0) expect(coverage[q]).toBeGreaterThanOrEqual(need);
          });
          // No shift can be dropped: each kept one is needed somewhere.
          counts.forEach((c, i) => {
            if (c === 0) return;
            const worked = workedPeriods(candidates[i]!, 48, cyclic);
            expect(worked.some((q) => coverage[q]! - 1 < required[q]!)).toBe(true);
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});
