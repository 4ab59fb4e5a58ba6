import { improveSchedule } from './local-search.js';
import { paidPeriods, type Shift, workedPeriods } from './shifts.js';
import { groupKey, type TourSet } from './tours.js';
import { xorshift32 } from './xorshift.js';

/** A tour schedule: how many of each candidate (toured shifts included) and agents on each tour. */
export interface TourSchedule {
  readonly counts: number[];
  readonly tourCounts: number[];
}

interface TourPrepared {
  readonly worked: readonly (readonly number[])[];
  readonly paid: readonly number[];
  /** The untoured candidates (one stable array, so {@link improveSchedule}'s cache holds) and their indices. */
  readonly free: readonly Shift[];
  readonly freeIndex: readonly number[];
  /** The candidates of each tour's working days, day by day. */
  readonly tourGroups: readonly (readonly (readonly number[])[])[];
  readonly tourPaid: readonly number[];
  /** The tours some placement of which works each period. */
  readonly toursAt: readonly (readonly number[])[];
  /** The untoured candidates working each period. */
  readonly freeAt: readonly (readonly number[])[];
}
const cache = new WeakMap<TourSet, TourPrepared>();

function prepare(candidates: readonly Shift[], set: TourSet, periods: number): TourPrepared {
  const hit = cache.get(set);
  if (hit) return hit;
  const worked = candidates.map((c) => workedPeriods(c, periods, true));
  const paid = candidates.map(paidPeriods);
  const freeIndex = candidates.flatMap((_, i) => (set.toured[i] ? [] : [i]));
  const tourGroups = set.tours.map((t) =>
    t.days.map((d) => set.groups.get(groupKey(t.type, t.startInDay, d))!),
  );
  const tourPaid = tourGroups.map((days) => days.reduce((s, g) => s + paid[g[0]!]!, 0));
  const toursAt: Set<number>[] = Array.from({ length: periods }, () => new Set());
  tourGroups.forEach((days, j) => {
    for (const group of days) for (const i of group) for (const q of worked[i]!) toursAt[q]!.add(j);
  });
  const freeAt: number[][] = Array.from({ length: periods }, () => []);
  for (const i of freeIndex) for (const q of worked[i]!) freeAt[q]!.push(i);
  const value = {
    worked,
    paid,
    free: freeIndex.map((i) => candidates[i]!),
    freeIndex,
    tourGroups,
    tourPaid,
    toursAt: toursAt.map((t) => [...t].sort((a, b) => a - b)),
    freeAt,
  };
  cache.set(set, value);
  return value;
}

/**
 * Local search and iterated local search on weekly tours, never uncovering a period the input covers
 * and keeping every toured shift inside a whole tour (so the days-off rules hold). The moves:
 * (1) the untoured (part-time) shifts improved by {@link improveSchedule} against what the tours leave
 * short; (2) a tour agent dropped, its periods re-covered greedily by part-time shifts or other whole
 * tours (the better covered-per-paid ratio first), kept when paid less; (3) a meal moved to another
 * place of its window when that makes a part-time shift redundant. Then, `rounds` times, a seeded
 * random window of `window` periods is emptied (its part-time shifts and the tour agents starting in
 * it, on any day), re-covered the same greedy way, improved, and kept when paid no more (iterated
 * local search: Lourenço, Martin & Stützle, "Iterated local search", Handbook of Metaheuristics,
 * 2003; the tour moves are the drop-and-add exchanges of tour scheduling heuristics, e.g. Brusco &
 * Jacobs, "Personnel tour scheduling when starting-time restrictions are present", Management
 * Science 44(4):534–547, 1998). Deterministic for a seed: the budget is counted in rounds, not time.
 *
 * @example improveTours(roundTours(lp.y, lp.x, required, candidates, set), required, candidates, set, { rounds: 100, window: 32, seed: 1 })
 */
export function improveTours(
  start: TourSchedule,
  required: readonly number[],
  candidates: readonly Shift[],
  set: TourSet,
  o: { rounds: number; window: number; seed?: number },
): TourSchedule {
  const periods = required.length;
  const p = prepare(candidates, set, periods);
  const coverageOf = (counts: readonly number[]) => {
    const c = new Array<number>(periods).fill(0);
    counts.forEach((n, i) => {
      if (n > 0) for (const q of p.worked[i]!) c[q]! += n;
    });
    return c;
  };
  // What must stay covered: what the input covers, at most the requirement.
  const need = coverageOf(start.counts).map((c, q) => Math.min(c, Math.max(0, Math.ceil(required[q]!))));
  const cost = (counts: readonly number[]) => counts.reduce((s, n, i) => s + n * p.paid[i]!, 0);

  /** A working copy with its coverage kept up to date. */
  class State {
    counts: number[];
    tourCounts: number[];
    cov: number[];
    constructor(s: TourSchedule) {
      this.counts = [...s.counts];
      this.tourCounts = [...s.tourCounts];
      this.cov = coverageOf(s.counts);
    }
    add(i: number, delta: number) {
      this.counts[i]! += delta;
      for (const q of p.worked[i]!) this.cov[q]! += delta;
    }
    snapshot(): TourSchedule {
      return { counts: [...this.counts], tourCounts: [...this.tourCounts] };
    }
    restore(s: TourSchedule) {
      this.counts = [...s.counts];
      this.tourCounts = [...s.tourCounts];
      this.cov = coverageOf(s.counts);
    }
    /** Removes one agent of tour j: each day, the placed shift whose removal leaves least short. */
    removeAgent(j: number) {
      this.tourCounts[j]!--;
      for (const group of p.tourGroups[j]!) {
        let pick = -1;
        let pickShort = Number.POSITIVE_INFINITY;
        for (const i of group) {
          if (this.counts[i]! === 0) continue;
          let s = 0;
          for (const q of p.worked[i]!) if (this.cov[q]! - 1 < need[q]!) s++;
          if (s < pickShort) {
            pickShort = s;
            pick = i;
          }
        }
        this.add(pick, -1);
      }
    }
    /**
     * Best placement per day of one more agent on tour j, and the short periods it covers; `memo`
     * holds each day's group once per repair step (five tours share a group).
     */
    tourGain(
      j: number,
      memo?: Map<readonly number[], { gain: number; pick: number }>,
    ): { gain: number; picks: number[] } {
      let gain = 0;
      const picks: number[] = [];
      for (const group of p.tourGroups[j]!) {
        let hit = memo?.get(group);
        if (!hit) {
          let top = group[0]!;
          let topGain = -1;
          for (const i of group) {
            let g = 0;
            for (const q of p.worked[i]!) if (this.cov[q]! < need[q]!) g++;
            if (g > topGain) {
              topGain = g;
              top = i;
            }
          }
          hit = { gain: topGain, pick: top };
          memo?.set(group, hit);
        }
        gain += hit.gain;
        picks.push(hit.pick);
      }
      return { gain, picks };
    }
    /** Covers what is short: part-time shifts or whole tours, the most short periods per paid period first. */
    repair() {
      for (;;) {
        const shortAt: number[] = [];
        this.cov.forEach((c, q) => {
          if (c < need[q]!) shortAt.push(q);
        });
        if (shortAt.length === 0) return;
        // Only candidates working a short period can gain.
        const frees = new Set<number>();
        const tours = new Set<number>();
        for (const q of shortAt) {
          for (const i of p.freeAt[q]!) frees.add(i);
          for (const j of p.toursAt[q]!) tours.add(j);
        }
        let best = -1;
        let bestScore = 0;
        for (const i of [...frees].sort((a, b) => a - b)) {
          let g = 0;
          for (const q of p.worked[i]!) if (this.cov[q]! < need[q]!) g++;
          if (g > 0 && g / p.paid[i]! > bestScore) {
            bestScore = g / p.paid[i]!;
            best = i;
          }
        }
        let tour = -1;
        let tourPicks: number[] = [];
        const memo = new Map<readonly number[], { gain: number; pick: number }>();
        for (const j of [...tours].sort((a, b) => a - b)) {
          const { gain, picks } = this.tourGain(j, memo);
          if (gain > 0 && gain / p.tourPaid[j]! >= bestScore) {
            bestScore = gain / p.tourPaid[j]!;
            tour = j;
            tourPicks = picks;
          }
        }
        if (tour >= 0) {
          this.tourCounts[tour]!++;
          for (const i of tourPicks) this.add(i, 1);
        } else if (best >= 0) this.add(best, 1);
        else return;
      }
    }
    /** The part-time shifts improved against what the toured shifts leave short. */
    improveFree() {
      const touredCov = new Array<number>(periods).fill(0);
      this.counts.forEach((n, i) => {
        if (n > 0 && set.toured[i]) for (const q of p.worked[i]!) touredCov[q]! += n;
      });
      const residual = need.map((r, q) => Math.max(0, r - touredCov[q]!));
      const next = improveSchedule(
        p.freeIndex.map((i) => this.counts[i]!),
        residual,
        p.free,
        true,
      );
      p.freeIndex.forEach((i, k) => {
        const d = next[k]! - this.counts[i]!;
        if (d !== 0) this.add(i, d);
      });
    }
    /** Drops a part-time shift working one of `periods` that no period needs. */
    dropRedundantFree(periods: readonly number[]): boolean {
      let dropped = false;
      const near = new Set<number>();
      for (const q of periods) for (const i of p.freeAt[q]!) near.add(i);
      for (const i of near)
        while (this.counts[i]! > 0 && p.worked[i]!.every((q) => this.cov[q]! - 1 >= need[q]!)) {
          this.add(i, -1);
          dropped = true;
        }
      return dropped;
    }
    /** Tour agents dropped and re-covered when that is paid less. */
    dropTours(): boolean {
      let improved = false;
      for (let j = 0; j < this.tourCounts.length; j++) {
        if (this.tourCounts[j]! === 0) continue;
        const before = cost(this.counts);
        const keep = this.snapshot();
        this.removeAgent(j);
        this.repair();
        this.improveFree();
        if (cost(this.counts) < before) improved = true;
        else this.restore(keep);
      }
      return improved;
    }
    /** Meals moved within their window when that frees a part-time shift. */
    moveMeals(): boolean {
      let improved = false;
      for (const members of set.groups.values()) {
        if (members.length < 2) continue;
        for (const i of members) {
          if (this.counts[i]! === 0) continue;
          for (const k of members) {
            if (k === i || this.counts[i]! === 0) continue;
            // Moving one shift from place i to place k must leave nothing short.
            this.add(i, -1);
            this.add(k, 1);
            const ok = p.worked[i]!.every((q) => this.cov[q]! >= need[q]!);
            if (ok && this.dropRedundantFree(p.worked[k]!)) improved = true;
            else {
              this.add(k, -1);
              this.add(i, 1);
            }
          }
        }
      }
      return improved;
    }
    improve() {
      this.improveFree();
      for (let pass = 0; pass < 10; pass++) {
        const a = this.dropTours();
        const b = this.moveMeals();
        if (!a && !b) break;
        this.improveFree();
      }
    }
  }

  const s = new State(start);
  s.improve();
  let best = s.snapshot();
  let bestCost = cost(best.counts);
  const random = xorshift32(o.seed ?? 1);
  const perDay = periods / 7;
  const inWindow = (q: number, from: number, width: number) =>
    (((q - from) % periods) + periods) % periods < width;
  for (let round = 0; round < o.rounds; round++) {
    const from = Math.floor(random() * periods);
    const width = Math.max(1, Math.round(o.window * (0.5 + random() / 2)));
    s.restore(best);
    for (const i of p.freeIndex)
      if (s.counts[i]! > 0 && inWindow(candidates[i]!.start, from, width)) s.add(i, -s.counts[i]!);
    set.tours.forEach((t, j) => {
      if (s.tourCounts[j]! === 0) return;
      if (t.days.some((d) => inWindow(d * perDay + t.startInDay, from, width))) s.removeAgent(j);
    });
    s.repair();
    s.improve();
    const c = cost(s.counts);
    if (c <= bestCost && need.every((r, q) => s.cov[q]! >= r)) {
      best = s.snapshot();
      bestCost = c;
    }
  }
  return best;
}
