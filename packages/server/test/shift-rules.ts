import {
  type MealRule,
  type ScheduleRules,
  type ShiftType,
  validateRules,
} from '@shoreline/core/schedule/index';

// The shift rules the schedule tests write again and again, built from their few free choices (a
// shift's length, its meal's earliest start and grid) so each test shows only what it varies.

/** A shift type named after its length in hours ('8h'), with `meal` when given. */
export function hoursShift(hours: number, meal?: MealRule): ShiftType {
  return { name: `${hours}h`, lengthMin: hours * 60, ...(meal && { meal }) };
}

/** A half-hour meal ending 2 h before the shift ends at the latest. */
export function halfHourMeal(earliestAfterStartMin: number, gridMin: number): MealRule {
  return { lengthMin: 30, earliestAfterStartMin, latestBeforeEndMin: 120, gridMin };
}

/**
 * 8-hour shifts with a half-hour meal (3 h in at the earliest, on the period grid) and 4-hour ones,
 * starting on the hour, validated for periods of `stepMin` minutes.
 */
export function eightAndFourHourRules(mode: ScheduleRules['mode'], stepMin: number): ScheduleRules {
  return validateRules(
    { shiftTypes: [hoursShift(8, halfHourMeal(180, stepMin)), hoursShift(4)], startGridMin: 60, mode },
    stepMin,
  );
}
