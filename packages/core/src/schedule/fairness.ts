// How fair a roster is (the spread of nights and of weekend shifts, history counted) and the least
// spread any roster of the same shifts can reach (a flow bound). Issue 15 Plan II, decision 0062.
import { keepsRules, type Span, spanOf } from './agent-rules.js';
import type { Agent, AssignmentOptions, ShiftToAssign } from './assign.js';
import { type BoundedArc, feasibleCirculation } from './max-flow.js';

/** One measure's spread (largest − smallest count) and the least spread any roster can reach. */
export interface SpreadPart {
  readonly spread: number;
  readonly bound: number;
}

/**
 * A roster's fairness: the spread of night shifts plus the spread of weekend shifts, each among the
 * agents who could work at least one of them (history counted), and a lower bound on that sum over
 * every roster that staffs the same shifts and keeps the rules. `proven`: spread = bound, so no such
 * roster is fairer.
 */
export interface Fairness {
  readonly spread: number;
  readonly bound: number;
  readonly proven: boolean;
  readonly nights: SpreadPart;
  readonly weekends: SpreadPart;
}

/** The measures the spread counts: night shifts and weekend shifts (a start on Saturday or Sunday). */
export const FAIRNESS_MEASURES = ['nights', 'weekends'] as const;
export type FairnessMeasure = (typeof FAIRNESS_MEASURES)[number];

const counts = (s: Span, m: FairnessMeasure) => (m === 'nights' ? s.night : s.weekend);

/** The assignment's units: each tour's shifts together (they go to one agent), every other shift alone. */
export function assignmentUnits(shifts: readonly ShiftToAssign[]): number[][] {
  const tours = new Map<number, number[]>();
  const units: number[][] = [];
  shifts.forEach((s, i) => {
    if (s.tour === undefined) units.push([i]);
    else {
      const unit = tours.get(s.tour);
      if (unit) unit.push(i);
      else {
        const fresh = [i];
        tours.set(s.tour, fresh);
        units.push(fresh);
      }
    }
  });
  return units;
}

/** What the spread, its bound and the integer program (rotation-model.ts) share about one instance. */
export interface RotationFacts {
  readonly spans: readonly Span[];
  readonly units: readonly (readonly number[])[];
  readonly unitOf: readonly number[];
  /** `alone[u][k]`: agent k may work unit u on its own (days, nights, weekly limits, the unit's own rests). */
  readonly alone: readonly (readonly boolean[])[];
  /** Agents who could work at least one night (weekend) shift of the horizon: the agents a spread is among. */
  readonly members: Readonly<Record<FairnessMeasure, readonly boolean[]>>;
  readonly before: Readonly<Record<FairnessMeasure, readonly number[]>>;
  /** Each agent's most paid minutes in a week (undefined: no limit). */
  readonly maxWeekMin: readonly (number | undefined)[];
}

/** The facts of {@link RotationFacts} for these shifts, agents and rules. */
export function rotationFacts(
  shifts: readonly ShiftToAssign[],
  agents: readonly Agent[],
  o: AssignmentOptions,
): RotationFacts {
  const spans = shifts.map((s) => spanOf(s, o));
  const cycle = o.cyclic ? o.periods * o.stepMin : undefined;
  const units = assignmentUnits(shifts);
  const unitOf = new Array<number>(shifts.length).fill(-1);
  units.forEach((unit, u) => {
    for (const i of unit) unitOf[i] = u;
  });
  const alone = units.map((unit) =>
    agents.map((a) =>
      keepsRules(
        a,
        unit.map((i) => spans[i]!),
        o,
        cycle,
      ),
    ),
  );
  const memberOf = (m: FairnessMeasure) =>
    agents.map((_, k) => units.some((unit, u) => alone[u]![k]! && unit.some((i) => counts(spans[i]!, m))));
  return {
    spans,
    units,
    unitOf,
    alone,
    members: { nights: memberOf('nights'), weekends: memberOf('weekends') },
    before: {
      nights: agents.map((a) => a.history?.nights ?? 0),
      weekends: agents.map((a) => a.history?.weekends ?? 0),
    },
    maxWeekMin: agents.map((a) => a.maxWeekMin),
  };
}

/** Each agent's count of measure `m` under `agentOf` (−1: unstaffed), history included. */
export function measureCounts(
  facts: RotationFacts,
  agentOf: readonly number[],
  m: FairnessMeasure,
): number[] {
  const per = [...facts.before[m]];
  agentOf.forEach((k, i) => {
    if (k >= 0 && counts(facts.spans[i]!, m)) per[k]!++;
  });
  return per;
}

/** Largest − smallest of the members' values (0 with fewer than two members). */
export function spreadAmong(values: readonly number[], members: readonly boolean[]): number {
  const mine = values.filter((_, k) => members[k]);
  return mine.length < 2 ? 0 : Math.max(...mine) - Math.min(...mine);
}

/**
 * Most shifts of a set one agent can work, ignoring every rule but rest: two shifts of one agent
 * conflict exactly when the intervals [start, end + rest) overlap (restKept, without wrapping around
 * a cyclic horizon, which only adds conflicts), so the conflict graph is an interval graph, whose
 * largest independent set the earliest-end greedy finds (Gavril, "Algorithms for minimum coloring,
 * maximum clique, minimum covering by cliques, and maximum independent set of a chordal graph", SIAM
 * J. Comput. 1(2), 1972).
 */
function mostWithRest(spans: readonly Span[], restMin: number): number {
  const byEnd = [...spans].sort((a, b) => a.to - b.to);
  let n = 0;
  let free = Number.NEGATIVE_INFINITY;
  for (const s of byEnd)
    if (s.from >= free) {
      n++;
      free = s.to + Math.max(0, restMin);
    }
  return n;
}

/**
 * The least spread of measure `m` (largest − smallest count among its members, history counted) over
 * every assignment of the staffed shifts (`staffed[i]`) that keeps the rules. A relaxation solved
 * exactly as flows: shift i → (agent k, week w) when k may work i's unit alone; (k, w) → k at most
 * the shifts of m k can work in week w (the most with rests between them ({@link mostWithRest}), the
 * weekly night limit, ⌊weekly minutes ÷ the shortest such shift's paid minutes⌋); k → sink between
 * L − h_k and L + D − h_k, and at most the most k can work in the horizon. Each shift must be routed.
 * Any roster of those shifts is such a flow (a tour's shifts may split in the relaxation, not in a
 * roster), so the least D for which some level L has a flow is a lower bound on the spread; found by
 * trying D = 0, 1, … and, for each, every L that no agent's history or capacity rules out (Hoffman's
 * circulation theorem decides each: {@link feasibleCirculation}). Counting alone gives
 * ⌈(N + Σh) ÷ n⌉ − ⌊(N + Σh) ÷ n⌋ for n interchangeable agents; the flow adds who may work what.
 *
 * @example spreadBound(rotationFacts(shifts, agents, o), shifts.map(() => true), 'nights', o)
 */
export function spreadBound(
  facts: RotationFacts,
  staffed: readonly boolean[],
  m: FairnessMeasure,
  o: AssignmentOptions,
): number {
  const members = facts.members[m].map((yes, k) => (yes ? k : -1)).filter((k) => k >= 0);
  if (members.length < 2) return 0;
  const items = facts.spans.flatMap((s, i) => (staffed[i] && counts(s, m) ? [i] : []));
  const h = members.map((k) => facts.before[m][k]!);
  const may = (i: number, k: number) => facts.alone[facts.unitOf[i]!]![k]!;
  const weeks = [...new Set(items.map((i) => facts.spans[i]!.week))];
  // Per member: the weeks' capacities and the horizon's.
  const weekCap = members.map((k) =>
    weeks.map((w) => {
      const mine = items.filter((i) => facts.spans[i]!.week === w && may(i, k)).map((i) => facts.spans[i]!);
      if (mine.length === 0) return 0;
      let cap = mostWithRest(mine, o.labour.minRestMin);
      if (m === 'nights') cap = Math.min(cap, o.labour.maxNightShiftsPerWeek);
      const maxWeekMin = facts.maxWeekMin[k];
      const shortest = Math.min(...mine.map((s) => s.paid));
      if (maxWeekMin !== undefined && shortest > 0) cap = Math.min(cap, Math.floor(maxWeekMin / shortest));
      return cap;
    }),
  );
  const totalCap = members.map((k, x) =>
    Math.min(
      weekCap[x]!.reduce((a, b) => a + b, 0),
      mostWithRest(
        items.filter((i) => may(i, k)).map((i) => facts.spans[i]!),
        o.labour.minRestMin,
      ),
    ),
  );
  // Nodes: 0 source, 1 sink, items, (member, week) pairs, members.
  const itemNode = (x: number) => 2 + x;
  const pairNode = (x: number, w: number) => 2 + items.length + x * weeks.length + w;
  const memberNode = (x: number) => 2 + items.length + members.length * weeks.length + x;
  const nodes = 2 + items.length + members.length * weeks.length + members.length;
  const fixed: BoundedArc[] = [{ from: 1, to: 0, lower: 0, upper: Number.POSITIVE_INFINITY }];
  items.forEach((i, y) => {
    fixed.push({ from: 0, to: itemNode(y), lower: 1, upper: 1 });
    const w = weeks.indexOf(facts.spans[i]!.week);
    members.forEach((k, x) => {
      if (may(i, k)) fixed.push({ from: itemNode(y), to: pairNode(x, w), lower: 0, upper: 1 });
    });
  });
  members.forEach((_, x) => {
    weeks.forEach((_w, w) => {
      if (weekCap[x]![w]! > 0)
        fixed.push({ from: pairNode(x, w), to: memberNode(x), lower: 0, upper: weekCap[x]![w]! });
    });
  });
  const hMax = Math.max(...h);
  const top = Math.min(...h.map((v, x) => v + totalCap[x]!));
  const widest = hMax - Math.min(...h) + items.length;
  for (let d = 0; d <= widest; d++)
    for (let level = hMax - d; level <= top; level++) {
      const lo = h.map((v) => Math.max(0, level - v));
      const hi = h.map((v, x) => Math.min(totalCap[x]!, level + d - v));
      if (lo.some((l, x) => l > hi[x]!)) continue;
      const sum = (v: readonly number[]) => v.reduce((a, b) => a + b, 0);
      if (sum(lo) > items.length || sum(hi) < items.length) continue;
      const arcs = [
        ...fixed,
        ...members.map((_, x) => ({ from: memberNode(x), to: 1, lower: lo[x]!, upper: hi[x]! })),
      ];
      if (feasibleCirculation(nodes, arcs)) return d;
    }
  return widest;
}

/**
 * The fairness of an assignment ({@link Fairness}): each measure's spread among its members under
 * `agentOf`, and its {@link spreadBound} over rosters of the shifts `agentOf` staffs.
 *
 * @example fairnessOf(shifts, agents, assignShifts(shifts, agents, o).agentOf, o).proven
 */
export function fairnessOf(
  shifts: readonly ShiftToAssign[],
  agents: readonly Agent[],
  agentOf: readonly number[],
  o: AssignmentOptions,
  facts: RotationFacts = rotationFacts(shifts, agents, o),
): Fairness {
  const staffed = agentOf.map((k) => k >= 0);
  const part = (m: FairnessMeasure): SpreadPart => ({
    spread: spreadAmong(measureCounts(facts, agentOf, m), facts.members[m]),
    bound: spreadBound(facts, staffed, m, o),
  });
  const nights = part('nights');
  const weekends = part('weekends');
  const spread = nights.spread + weekends.spread;
  const bound = nights.bound + weekends.bound;
  return { spread, bound, proven: spread === bound, nights, weekends };
}
