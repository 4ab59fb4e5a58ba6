import { type NightWindow, nightMinutes, resolveLabour, type ScheduleRules } from './rules.js';

/** One shift in the horizon, in periods of the requirement's step. */
export interface Shift {
  readonly type: string;
  /** First period (0 = the horizon's first). In a cyclic horizon it may run past the end and wrap. */
  readonly start: number;
  /** Periods from start to end, meal included. */
  readonly length: number;
  /** Meal start, in periods after `start` (absent: no meal). */
  readonly mealOffset?: number | undefined;
  readonly mealLength: number;
}

/** Paid periods of a shift: its length less its unpaid meal. */
export function paidPeriods(shift: Shift): number {
  return shift.length - shift.mealLength;
}

/** The periods a shift works (meal excluded), modulo `periods` when cyclic. */
export function workedPeriods(shift: Shift, periods: number, cyclic: boolean): number[] {
  const out: number[] = [];
  for (let k = 0; k < shift.length; k++) {
    if (shift.mealOffset !== undefined && k >= shift.mealOffset && k < shift.mealOffset + shift.mealLength)
      continue;
    const q = shift.start + k;
    out.push(cyclic ? q % periods : q);
  }
  return out;
}

/** Worked minutes (meal excluded) of a shift inside night time; periods are `stepMin` long from midnight. */
export function shiftNightMinutes(shift: Shift, stepMin: number, night: NightWindow): number {
  let n = 0;
  for (let k = 0; k < shift.length; k++) {
    if (shift.mealOffset !== undefined && k >= shift.mealOffset && k < shift.mealOffset + shift.mealLength)
      continue;
    n += nightMinutes((shift.start + k) * stepMin, stepMin, night);
  }
  return n;
}

/** Whether a shift is a night shift under the labour rules (`night.minMin` worked minutes in night time). */
export function isNightShift(shift: Shift, stepMin: number, night: NightWindow): boolean {
  return shiftNightMinutes(shift, stepMin, night) >= night.minMin;
}

/**
 * Every shift the rules allow over a horizon of `periods` periods of `stepMin` minutes starting at
 * midnight: each shift type at each start on the start grid, with each meal start on the meal grid
 * between start + earliestAfterStart and end − latestBeforeEnd − meal; a one-off horizon keeps shifts
 * that end inside it, a cyclic one wraps them; with opening hours, every period from start to end
 * lies inside them; a night shift (labour rules) works at most `maxNightShiftLengthMin`.
 *
 * @example shiftCandidates(rules, 96, 15).length
 */
export function shiftCandidates(rules: ScheduleRules, periods: number, stepMin: number): Shift[] {
  const perDay = 1440 / stepMin;
  const cyclic = rules.mode === 'cyclic';
  const open = rules.openingHours ? rules.openingHours.openMin / stepMin : 0;
  const close = rules.openingHours ? rules.openingHours.closeMin / stepMin : perDay;
  const startStep = rules.startGridMin / stepMin;
  const labour = resolveLabour(rules);
  const out: Shift[] = [];
  const push = (shift: Shift) => {
    if (
      paidPeriods(shift) * stepMin > labour.maxNightShiftLengthMin &&
      isNightShift(shift, stepMin, labour.night)
    )
      return;
    out.push(shift);
  };
  for (const type of rules.shiftTypes) {
    const length = type.lengthMin / stepMin;
    if (length > periods) continue;
    for (let start = 0; start < periods; start += startStep) {
      if (!cyclic && start + length > periods) break;
      let inside = true;
      for (let k = 0; k < length && inside; k++) {
        const ofDay = (start + k) % perDay;
        if (ofDay < open || ofDay >= close) inside = false;
      }
      if (!inside) continue;
      const meal = type.meal;
      if (!meal) {
        push({ type: type.name, start, length, mealLength: 0 });
        continue;
      }
      const mealLength = meal.lengthMin / stepMin;
      const first = meal.earliestAfterStartMin / stepMin;
      const last = length - meal.latestBeforeEndMin / stepMin - mealLength;
      for (let offset = first; offset <= last; offset += meal.gridMin / stepMin)
        push({ type: type.name, start, length, mealOffset: offset, mealLength });
    }
  }
  return out;
}
