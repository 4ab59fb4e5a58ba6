import { greedySchedule } from './greedy.js';
import { coveringModelDifferenceLp } from './model.js';
import { resolveLabour, type ScheduleRules } from './rules.js';
import { isNightShift, paidPeriods, type Shift, workedPeriods } from './shifts.js';

/** A weekly tour: one shift type at one start time on `daysOn` days, the other days off in a row. */
export interface Tour {
  readonly type: string;
  /** Start, periods after midnight, the same every working day. */
  readonly startInDay: number;
  /** Days of the horizon's week worked (0 = its first day). */
  readonly days: readonly number[];
}

/** The tours the rules allow and, per (type, start, day), the daily candidates a tour may work then. */
export interface TourSet {
  readonly tours: readonly Tour[];
  /** Candidate indices of each toured shift type, by `${type}|${startInDay}|${day}`. */
  readonly groups: ReadonlyMap<string, readonly number[]>;
  /** Which candidates belong to a toured type (then they are worked only inside tours). */
  readonly toured: readonly boolean[];
}

export const groupKey = (type: string, startInDay: number, day: number) => `${type}|${startInDay}|${day}`;

/**
 * Every tour the rules allow over a cyclic week: each toured shift type × each start time of day that
 * has a candidate on every day × the 7 placements of its (7 − daysOn) consecutive days off (Sunday's
 * night shift may wrap into Monday morning: the week is cyclic). Tour scheduling with days-off
 * patterns: Baker, "Workforce allocation in cyclical scheduling problems: a survey", Oper. Res. Q.
 * 27(1):155–167, 1976; Bailey, "Integrated days off and shift personnel scheduling", Computers &
 * Industrial Engineering 9(4), 1985. Labour rules: a tour leaves out the meal places that would make
 * its shift a night shift when its days exceed `maxNightShiftsPerWeek`, and a start with no place left
 * on some day has no tour; the rest between its days (a day less the shift) is checked by
 * {@link validateRules}.
 *
 * @example tourSet(rules, shiftCandidates(rules, 7 * 96, 15), 96).tours.length
 */
export function tourSet(rules: ScheduleRules, candidates: readonly Shift[], perDay: number): TourSet {
  const groups = new Map<string, number[]>();
  const touredTypes = new Map((rules.tours ?? []).map((t) => [t.shiftType, t.daysOn]));
  const toured = candidates.map((c) => touredTypes.has(c.type));
  const labour = resolveLabour(rules);
  const stepMin = 1440 / perDay;
  // A night shift worked on more days a week than the limit: never part of a tour.
  const tooManyNights = (c: Shift) =>
    (touredTypes.get(c.type) ?? 0) > labour.maxNightShiftsPerWeek && isNightShift(c, stepMin, labour.night);
  candidates.forEach((c, i) => {
    if (!toured[i] || tooManyNights(c)) return;
    const key = groupKey(c.type, c.start % perDay, Math.floor(c.start / perDay));
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  const tours: Tour[] = [];
  for (const [type, daysOn] of touredTypes) {
    const starts = new Set<number>();
    for (const c of candidates) if (c.type === type) starts.add(c.start % perDay);
    for (const startInDay of [...starts].sort((a, b) => a - b)) {
      if (![0, 1, 2, 3, 4, 5, 6].every((d) => groups.has(groupKey(type, startInDay, d)))) continue;
      for (let firstWorked = 0; firstWorked < 7; firstWorked++)
        tours.push({
          type,
          startInDay,
          days: Array.from({ length: daysOn }, (_, k) => (firstWorked + k) % 7).sort((a, b) => a - b),
        });
    }
  }
  return { tours, groups, toured };
}

/**
 * The covering program with tours, in LP text: {@link coveringModelDifferenceLp}'s shift columns xₛ,
 * plus a column y_τ per tour, linked for every toured (type, start, day) by
 *   Σ_{s in the group} xₛ = Σ_{τ of that type and start working that day} y_τ,
 * so each agent on a tour works that tour's days and each of those shifts picks its own meal place
 * (an implicit tour formulation in the sense of Bailey 1985). Shifts of untoured types stay free
 * (the part-time mix). Tours cost nothing extra: the paid periods are the shifts'.
 *
 * @example tourModelLp(required, candidates, tourSet(rules, candidates, 96), true)
 */
export function tourModelLp(
  required: readonly number[],
  candidates: readonly Shift[],
  set: TourSet,
  integer: boolean,
): string {
  const base = coveringModelDifferenceLp(required, candidates, true, false);
  const [head, bounds] = base.split('\nBounds\n') as [string, string];
  const links: string[] = [];
  let g = 0;
  for (const [key, members] of set.groups) {
    const [type, start, day] = key.split('|');
    const terms = members.map((i) => `x${i}`);
    set.tours.forEach((t, j) => {
      if (t.type === type && t.startInDay === Number(start) && t.days.includes(Number(day)))
        terms.push(`- y${j}`);
    });
    links.push(` t${g++}: ${terms.join(' + ').replace(/\+ -/g, '-')} = 0`);
  }
  // A toured shift in no group (labour rules left it out of every tour) is never worked.
  const grouped = new Set([...set.groups.values()].flat());
  const barred = (i: number) => set.toured[i] && !grouped.has(i);
  const bounded = bounds
    .replace(/\nEnd$/, '')
    .replace(/^ x(\d+) >= 0$/gm, (line, i: string) => (barred(Number(i)) ? ` x${i} = 0` : line));
  const lines = [head, ...links, 'Bounds', bounded];
  set.tours.forEach((_, j) => {
    lines.push(` y${j} >= 0`);
  });
  if (integer) {
    lines.push('General');
    lines.push(
      ` ${candidates.map((_, i) => `x${i}`).join(' ')} ${set.tours.map((_, j) => `y${j}`).join(' ')}`,
    );
  }
  lines.push('End');
  return lines.join('\n');
}

/** Paid periods of one agent's week on a tour. */
export function tourPaidPeriods(tour: Tour, candidates: readonly Shift[], set: TourSet): number {
  const first = set.groups.get(groupKey(tour.type, tour.startInDay, tour.days[0]!))![0]!;
  return tour.days.length * paidPeriods(candidates[first]!);
}

/**
 * Whole tours and shifts from an LP answer of {@link tourModelLp}: ⌊y⌋ agents on each tour; each
 * toured (type, start, day) gives its agents meal places in the order of the LP's x (largest first,
 * whole parts, then fractional parts); what is still short is covered by the greedy on the untoured
 * shifts ({@link greedySchedule}), and then by whole tours, greedily by newly covered periods per paid
 * period (each day's meal at the place that covers most). Periods no candidate works stay short.
 *
 * @example roundTours(lp.y, lp.x, required, candidates, set).tourCounts
 */
export function roundTours(
  yValues: readonly number[],
  xValues: readonly number[],
  required: readonly number[],
  candidates: readonly Shift[],
  set: TourSet,
): { counts: number[]; tourCounts: number[] } {
  const periods = required.length;
  const worked = candidates.map((c) => workedPeriods(c, periods, true));
  const tourCounts = set.tours.map((_, j) => Math.max(0, Math.floor((yValues[j] ?? 0) + 1e-9)));
  const counts = candidates.map((_, i) =>
    set.toured[i] ? 0 : Math.max(0, Math.floor((xValues[i] ?? 0) + 1e-9)),
  );
  const agents = new Map<string, number>();
  set.tours.forEach((t, j) => {
    for (const d of t.days) {
      const key = groupKey(t.type, t.startInDay, d);
      agents.set(key, (agents.get(key) ?? 0) + tourCounts[j]!);
    }
  });
  for (const [key, members] of set.groups) {
    let left = agents.get(key) ?? 0;
    const order = [...members].sort((a, b) => (xValues[b] ?? 0) - (xValues[a] ?? 0));
    for (const i of order) {
      const whole = Math.min(left, Math.floor((xValues[i] ?? 0) + 1e-9));
      counts[i]! += whole;
      left -= whole;
    }
    const byFraction = [...members].sort((a, b) => ((xValues[b] ?? 0) % 1) - ((xValues[a] ?? 0) % 1));
    for (let k = 0; left > 0; k = (k + 1) % byFraction.length) {
      counts[byFraction[k]!]!++;
      left--;
    }
  }
  const coverage = new Array<number>(periods).fill(0);
  counts.forEach((c, i) => {
    if (c > 0) for (const q of worked[i]!) coverage[q]! += c;
  });
  const deficit = required.map((r, q) => Math.max(0, Math.ceil(r) - coverage[q]!));
  const free = candidates.map((_, i) => i).filter((i) => !set.toured[i]);
  greedySchedule(
    deficit,
    free.map((i) => candidates[i]!),
    true,
  ).forEach((c, k) => {
    if (c === 0) return;
    const i = free[k]!;
    counts[i]! += c;
    for (const q of worked[i]!) deficit[q] = Math.max(0, deficit[q]! - c);
  });
  // Whole tours for what the untoured shifts could not cover.
  for (;;) {
    let best = -1;
    let bestScore = 0;
    let bestPicks: number[] = [];
    set.tours.forEach((t, j) => {
      let gain = 0;
      const picks: number[] = [];
      for (const d of t.days) {
        let top = -1;
        let topGain = -1;
        for (const i of set.groups.get(groupKey(t.type, t.startInDay, d))!) {
          const g = worked[i]!.filter((q) => deficit[q]! > 0).length;
          if (g > topGain) {
            topGain = g;
            top = i;
          }
        }
        gain += topGain;
        picks.push(top);
      }
      const score = gain / Math.max(1, tourPaidPeriods(t, candidates, set));
      if (gain > 0 && score > bestScore) {
        bestScore = score;
        best = j;
        bestPicks = picks;
      }
    });
    if (best < 0) break;
    tourCounts[best]!++;
    for (const i of bestPicks) {
      counts[i]!++;
      for (const q of worked[i]!) deficit[q] = Math.max(0, deficit[q]! - 1);
    }
  }
  return { counts, tourCounts };
}
