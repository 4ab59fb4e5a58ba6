import fc from 'fast-check';
import type { MealRule, ScheduleRules, ShiftType } from './rules.js';
import { paidPeriods, type Shift } from './shifts.js';

/** Rules of a cyclic horizon (the schedule tests' usual case): these shift types on this start grid, plus `more`. */
export function cyclicRules(
  startGridMin: number,
  shiftTypes: readonly ShiftType[],
  more: Partial<ScheduleRules> = {},
): ScheduleRules {
  return { shiftTypes, startGridMin, mode: 'cyclic', ...more };
}

/** A shift type with an unpaid meal. */
export function mealShift(name: string, lengthMin: number, meal: MealRule): ShiftType {
  return { name, lengthMin, meal };
}

/** Paid periods of a schedule (`counts[i]` agents on candidate i): what every search must never raise. */
export function paidOf(counts: readonly number[], candidates: readonly Shift[]): number {
  return counts.reduce((s, n, i) => s + n * paidPeriods(candidates[i]!), 0);
}

/** Agents required in each of `periods` periods, 0 … `most` each: the searches' random input. */
export function requirements(periods: number, most: number): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: 0, max: most }), { minLength: periods, maxLength: periods });
}
