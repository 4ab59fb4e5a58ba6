import { greedySchedule } from './greedy.js';
import { paidPeriods, type Shift, workedPeriods } from './shifts.js';
import { xorshift32 } from './xorshift.js';

/**
 * Improves a covering schedule by local search, never uncovering a period: (1) drop any shift whose
 * removal leaves every period covered; (2) replace one shift, or two shifts that overlap or touch, by
 * the single least-paid candidate that covers what their removal leaves short, when it is paid less;
 * (3) replace two such shifts by two candidates paid less in all, the first covering the earliest
 * short period. Repeats while a pass improves and `maxMoves` allows. These are the 1- and 2-exchange
 * neighbourhoods of set covering (Jacobs & Brusco, "Note: A local-search heuristic for large
 * set-covering problems", Naval Research Logistics 42(7):1129–1140, 1995), applied to the integer
 * answer the LP dive leaves: the dive rounds each column alone, and pairs of shifts whose meals force
 * an overlap at a single-agent night are what a pairwise move repairs.
 *
 * @returns how many of each candidate, paid no more than `counts`, covering what `counts` covers.
 * @example improveSchedule([2, 0], [1, 1], shifts, false)
 */
export function improveSchedule(
  counts: readonly number[],
  required: readonly number[],
  candidates: readonly Shift[],
  cyclic: boolean,
  maxMoves = 10_000,
): number[] {
  const periods = required.length;
  const need = required.map((r) => Math.max(0, Math.ceil(r)));
  const { worked, paid, byPeriod, leastPaid } = prepared(candidates, periods, cyclic);
  const x = [...counts];
  const coverage = new Array<number>(periods).fill(0);
  const apply = (i: number, delta: number) => {
    x[i]! += delta;
    for (const q of worked[i]!) coverage[q]! += delta;
  };
  x.forEach((c, i) => {
    for (const q of worked[i]!) coverage[q]! += c;
  });
  // A period already short stays short (no candidate works it): it never blocks a move.
  const floor = need.map((r, q) => Math.min(r, coverage[q]!));
  // Whether candidate i works period q, in constant time (its periods are a run less its meal).
  const worksAt = (i: number, q: number) => {
    const c = candidates[i]!;
    const k = cyclic ? (((q - c.start) % periods) + periods) % periods : q - c.start;
    if (k < 0 || k >= c.length) return false;
    return c.mealOffset === undefined || k < c.mealOffset || k >= c.mealOffset + c.mealLength;
  };
  // Only the removed shifts' periods can have become short; sorted so the first is the earliest.
  const short = (...removed: number[]): number[] => {
    const out = new Set<number>();
    for (const i of removed) for (const q of worked[i]!) if (coverage[q]! < floor[q]!) out.add(q);
    return [...out].sort((a, b) => a - b);
  };
  // The last period first: most candidates that work the first one fail there.
  const covers = (i: number, deficit: readonly number[]) =>
    worksAt(i, deficit[deficit.length - 1]!) && deficit.every((q) => worksAt(i, q));
  // The least-paid candidate covering every period of `deficit` (they are all short by one at most
  // once a single shift is removed; two removed shifts may leave a period short by two: then none).
  const cheapestCover = (deficit: readonly number[]): number => {
    let best = -1;
    for (const i of byPeriod[deficit[0]!]!)
      if ((best < 0 || paid[i]! < paid[best]!) && covers(i, deficit)) best = i;
    return best;
  };
  const depth = (deficit: readonly number[]) => deficit.every((q) => floor[q]! - coverage[q]! <= 1);
  let moves = 0;
  for (let improved = true; improved && moves < maxMoves; ) {
    improved = false;
    const used = x.flatMap((c, i) => (c > 0 ? [i] : [])).sort((a, b) => paid[b]! - paid[a]!);
    for (const i of used) {
      if (x[i]! === 0) continue;
      apply(i, -1);
      const deficit = short(i);
      if (deficit.length === 0) {
        moves++;
        improved = true;
        continue;
      }
      const j = cheapestCover(deficit);
      if (j >= 0 && paid[j]! < paid[i]!) {
        apply(j, 1);
        moves++;
        improved = true;
      } else apply(i, 1);
    }
    // Pairs that overlap or touch.
    const list = x.flatMap((c, i) => (c > 0 ? [i] : []));
    for (let a = 0; a < list.length && moves < maxMoves; a++)
      for (let b = a; b < list.length && moves < maxMoves; b++) {
        const i = list[a]!;
        const k = list[b]!;
        if (x[i]! === 0 || x[k]! === 0 || (i === k && x[i]! < 2)) continue;
        if (!touches(candidates[i]!, candidates[k]!, periods, cyclic)) continue;
        apply(i, -1);
        apply(k, -1);
        const deficit = short(i, k);
        const budget = paid[i]! + paid[k]!;
        let done = false;
        if (deficit.length === 0) done = true;
        else if (depth(deficit)) {
          const j = cheapestCover(deficit);
          if (j >= 0 && paid[j]! < budget) {
            apply(j, 1);
            done = true;
          } else {
            // Two candidates: the first works the earliest short period, the second the rest.
            let pick: [number, number] | undefined;
            let pickPaid = budget;
            for (const j1 of byPeriod[deficit[0]!]!) {
              if (paid[j1]! + leastPaid >= pickPaid) continue;
              const rest = deficit.filter((q) => !worksAt(j1, q));
              if (rest.length === 0) continue;
              for (const j2 of byPeriod[rest[0]!]!)
                if (paid[j1]! + paid[j2]! < pickPaid && covers(j2, rest)) {
                  pick = [j1, j2];
                  pickPaid = paid[j1]! + paid[j2]!;
                }
            }
            if (pick) {
              apply(pick[0], 1);
              apply(pick[1], 1);
              done = true;
            }
          }
        }
        if (done) {
          moves++;
          improved = true;
        } else {
          apply(i, 1);
          apply(k, 1);
        }
      }
  }
  return x;
}

interface Prepared {
  readonly worked: readonly (readonly number[])[];
  readonly paid: readonly number[];
  /** The candidates working each period. */
  readonly byPeriod: readonly (readonly number[])[];
  readonly leastPaid: number;
}
const preparedCache = new WeakMap<readonly Shift[], { key: string; value: Prepared }>();

/** What the moves read about the candidates, built once per candidate list (a search calls it often). */
function prepared(candidates: readonly Shift[], periods: number, cyclic: boolean): Prepared {
  const key = `${periods}/${cyclic}`;
  const hit = preparedCache.get(candidates);
  if (hit?.key === key) return hit.value;
  const worked = candidates.map((c) => workedPeriods(c, periods, cyclic));
  const byPeriod: number[][] = Array.from({ length: periods }, () => []);
  worked.forEach((w, i) => {
    for (const q of w) byPeriod[q]!.push(i);
  });
  const paid = candidates.map(paidPeriods);
  const value = { worked, paid, byPeriod, leastPaid: Math.min(...paid) };
  preparedCache.set(candidates, { key, value });
  return value;
}

/** Whether two shifts' spans (meals included) overlap or touch, cyclically when the week wraps. */
function touches(a: Shift, b: Shift, periods: number, cyclic: boolean): boolean {
  const gap = (from: Shift, to: Shift) => {
    const d = to.start - from.start;
    return cyclic ? ((d % periods) + periods) % periods : d;
  };
  const ab = gap(a, b);
  const ba = gap(b, a);
  return (ab >= 0 && ab <= a.length) || (ba >= 0 && ba <= b.length);
}

/**
 * Iterated local search (Lourenço, Martin & Stützle, "Iterated local search", Handbook of
 * Metaheuristics, 2003): from {@link improveSchedule}'s answer, `rounds` times remove every shift
 * starting in a window of `window` periods (its place chosen by a seeded generator, so a run
 * repeats), cover what is then short by the greedy ({@link greedySchedule}), improve again, and keep
 * the result when it is paid no more. Never uncovers a period the input covers.
 *
 * @example iteratedImprove(counts, required, shifts, true, { rounds: 200, window: 32, seed: 1 })
 */
export function iteratedImprove(
  counts: readonly number[],
  required: readonly number[],
  candidates: readonly Shift[],
  cyclic: boolean,
  o: { rounds: number; window: number; seed?: number },
): number[] {
  const periods = required.length;
  const { paid, worked } = prepared(candidates, periods, cyclic);
  const cost = (x: readonly number[]) => x.reduce((s, c, i) => s + c * paid[i]!, 0);
  let best = improveSchedule(counts, required, candidates, cyclic);
  let bestCost = cost(best);
  // The periods the input covers: a move may never leave one of them short.
  const coverage = (x: readonly number[]) => {
    const c = new Array<number>(periods).fill(0);
    x.forEach((n, i) => {
      if (n > 0) for (const q of worked[i]!) c[q]! += n;
    });
    return c;
  };
  const target = coverage(counts).map((c, q) => Math.min(c, Math.max(0, Math.ceil(required[q]!))));
  const random = xorshift32(o.seed ?? 1);
  for (let round = 0; round < o.rounds; round++) {
    const from = Math.floor(random() * periods);
    // A window from half to the whole of `window`: small moves often, larger ones sometimes.
    const width = Math.max(1, Math.round(o.window * (0.5 + random() / 2)));
    const x = best.map((c, i) => {
      const offset = (((candidates[i]!.start - from) % periods) + periods) % periods;
      return offset < width ? 0 : c;
    });
    const have = coverage(x);
    const residual = target.map((t, q) => Math.max(0, t - have[q]!));
    greedySchedule(residual, candidates, cyclic).forEach((c, i) => {
      x[i]! += c;
    });
    const next = improveSchedule(x, target, candidates, cyclic);
    const nextCost = cost(next);
    const covered = coverage(next);
    if (nextCost <= bestCost && target.every((t, q) => covered[q]! >= t)) {
      best = next;
      bestCost = nextCost;
    }
  }
  return best;
}
