// The rules one agent's shifts keep (days, nights, weekly hours and nights, rest between shifts), shared
// by the assignment (assign.ts) and the fairness bound and model (fairness.ts, rotation-model.ts).
import type { Agent, AssignmentOptions } from './assign.js';
import { isNightShift, paidPeriods, type Shift } from './shifts.js';

/** What the rules need to know of a shift, in minutes from the horizon's start. */
export interface Span {
  readonly from: number;
  readonly to: number;
  readonly paid: number;
  readonly night: boolean;
  readonly weekend: boolean;
  readonly weekday: number;
  readonly week: number;
  readonly type: string;
}

export function spanOf(s: Shift, o: AssignmentOptions): Span {
  const perDay = 1440 / o.stepMin;
  const day = Math.floor(s.start / perDay);
  const weekday = (o.firstWeekday + day) % 7;
  return {
    from: s.start * o.stepMin,
    to: (s.start + s.length) * o.stepMin,
    paid: paidPeriods(s) * o.stepMin,
    night: isNightShift(s, o.stepMin, o.labour.night),
    weekend: weekday >= 5,
    weekday,
    week: Math.floor(day / 7),
    type: s.type,
  };
}

/**
 * Whether two shifts of one agent keep the rest rule: they do not overlap and each rest between them
 * (around the cycle too, when the horizon repeats) is at least `minRestMin` (Working Time Directive
 * 2003/88/EC art. 3: 11 consecutive hours in each 24). Around a cycle both gaps are rests: a gap with
 * another shift inside holds two rests and that shift, so requiring both for every pair is exact.
 */
export function restKept(a: Span, b: Span, minRestMin: number, cycleMin: number | undefined): boolean {
  if (cycleMin === undefined) {
    if (a.to <= b.from) return b.from - a.to >= minRestMin;
    if (b.to <= a.from) return a.from - b.to >= minRestMin;
    return false;
  }
  const d = (((b.from - a.from) % cycleMin) + cycleMin) % cycleMin;
  const afterA = d - (a.to - a.from);
  const afterB = cycleMin - d - (b.to - b.from);
  return afterA >= Math.max(0, minRestMin) && afterB >= Math.max(0, minRestMin) && afterA >= 0 && afterB >= 0;
}

/** Whether one agent may work exactly these shifts: days, nights, weekly hours and nights, rests. */
export function keepsRules(
  a: Agent,
  spans: readonly Span[],
  o: AssignmentOptions,
  cycle: number | undefined,
): boolean {
  const paid = new Map<number, number>();
  const nights = new Map<number, number>();
  for (let x = 0; x < spans.length; x++) {
    const s = spans[x]!;
    if (a.days && !a.days.includes(s.weekday)) return false;
    if (s.night && a.nights === false) return false;
    paid.set(s.week, (paid.get(s.week) ?? 0) + s.paid);
    if (a.maxWeekMin !== undefined && paid.get(s.week)! > a.maxWeekMin) return false;
    if (s.night) {
      nights.set(s.week, (nights.get(s.week) ?? 0) + 1);
      if (nights.get(s.week)! > o.labour.maxNightShiftsPerWeek) return false;
    }
    for (let y = 0; y < x; y++) if (!restKept(spans[y]!, s, o.labour.minRestMin, cycle)) return false;
  }
  return true;
}
