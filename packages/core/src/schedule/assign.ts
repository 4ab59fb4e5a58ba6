import { keepsRules, restKept, type Span, spanOf } from './agent-rules.js';
import { assignmentUnits, type Fairness, fairnessOf } from './fairness.js';
import { balanceMeasure, type RebalanceProblem, rebalance } from './rebalance.js';
import type { ResolvedLabour } from './rules.js';
import type { Shift } from './shifts.js';
import { groupKey, type TourSet } from './tours.js';

/** A named agent: when they can work and what they prefer. */
export interface Agent {
  readonly name: string;
  /** Weekdays they can start a shift (0 = Monday … 6 = Sunday); every day when absent. */
  readonly days?: readonly number[] | undefined;
  /** Whether they may work night shifts (default true). */
  readonly nights?: boolean | undefined;
  /** Most paid minutes in a week (7 days from the horizon's start); no limit when absent. */
  readonly maxWeekMin?: number | undefined;
  /** Shift types they prefer (a soft wish): other types cost them in the choice. */
  readonly prefers?: readonly string[] | undefined;
  /** Night and weekend shifts worked before this horizon (so the rotation carries on week by week). */
  readonly history?: { readonly nights: number; readonly weekends: number } | undefined;
}

/** A shift to staff; shifts with the same `tour` are one agent's weekly tour and go to one agent. */
export interface ShiftToAssign extends Shift {
  readonly tour?: number | undefined;
}

export interface AssignmentOptions {
  readonly stepMin: number;
  /** Periods in the horizon. */
  readonly periods: number;
  /** A cyclic horizon repeats: the last shift's rest runs into the first. */
  readonly cyclic: boolean;
  /** Weekday of the horizon's first day (0 = Monday). */
  readonly firstWeekday: number;
  readonly labour: ResolvedLabour;
}

export interface AgentLoad {
  readonly name: string;
  readonly shifts: number;
  readonly paidMin: number;
  readonly nights: number;
  readonly weekends: number;
  /** Shifts of a type they did not ask for (when they named some). */
  readonly unpreferred: number;
}

export interface Assignment {
  /** For each shift, the index of its agent in `agents`, or −1 when no agent can take it. */
  readonly agentOf: number[];
  readonly unassigned: number;
  readonly loads: AgentLoad[];
  /** Spread of nights and weekend shifts, and the least any roster of the same shifts reaches ({@link fairnessOf}). */
  readonly fairness: Fairness;
}

/**
 * Staffs a schedule with named agents: each agent's shifts keep the labour rules (rest between shifts,
 * night shifts per week), their available weekdays, nights and weekly hours; a tour goes whole to one
 * agent. Greedy with fairness counters: tours first (the one fewest agents can take first), then the
 * other shifts in time order (and again with each day's nights first), each to the
 * feasible agent with the least load score = hours so far + 24 × nights so far (for a night shift)
 * + 24 × weekend shifts so far (for a weekend shift) + 4 for a type they did not ask for; ties to the
 * agent listed first. Counters include `history`, so run week by week the nights and weekends rotate.
 * A greedy for the fair assignment problem (cf. Burke, De Causmaecker, Vanden Berghe & Van Landeghem,
 * "The state of the art of nurse rostering", J. Scheduling 7(6):441–499, 2004, §4 on fairness), not an
 * optimum; then local search ({@link rebalance}) evens nights, weekends and paid hours out within the
 * rules, and the better of the two starts is kept. A shift no agent can take stays unassigned (−1) and
 * is counted. `fairness` says how far the nights' and weekends' spread is from the least any roster
 * of the same shifts can reach ({@link fairnessOf}: a flow bound; `proven` when it is reached).
 *
 * @example assignShifts(shifts, [{ name: 'Ada' }, { name: 'Bo', nights: false }], { stepMin: 15, periods: 672, cyclic: true, firstWeekday: 0, labour })
 */
export function assignShifts(
  shifts: readonly ShiftToAssign[],
  agents: readonly Agent[],
  o: AssignmentOptions,
): Assignment {
  const spans = shifts.map((s) => spanOf(s, o));
  const cycle = o.cyclic ? o.periods * o.stepMin : undefined;
  // Units: each tour's shifts together; the other shifts one by one.
  const units = assignmentUnits(shifts);
  const singles = units.filter((u) => shifts[u[0]!]!.tour === undefined).map((u) => u[0]!);
  const tourUnits = units
    .filter((u) => shifts[u[0]!]!.tour !== undefined)
    .sort((a, b) => spans[a[0]!]!.from - spans[b[0]!]!.from);
  const byTime = [...singles].sort((a, b) => spans[a]!.from - spans[b]!.from || a - b);
  const dayOf = (i: number) => Math.floor(spans[i]!.from / 1440);
  // Each day's night shifts before its day shifts: whoever takes a night is then kept off the day
  // shifts it rests from, rather than a day shift keeping everyone but a few off the night.
  const nightsFirst = [...singles].sort(
    (a, b) =>
      dayOf(a) - dayOf(b) ||
      Number(spans[b]!.night) - Number(spans[a]!.night) ||
      spans[a]!.from - spans[b]!.from ||
      a - b,
  );
  const allUnits = [...tourUnits, ...singles.map((i) => [i])];
  const problem = rebalanceProblem(shifts, agents, o, spans, allUnits);
  // Three greedy starts (time order; each day's nights first; the same keeping nights in runs), each evened out by local search: the
  // greedy alone, deciding in time order, can pin the nights on a few agents (5/5/4/0/0 on a real
  // week: whoever works 20:00–24:00 cannot take the next 00:00–04:00). The better one is kept:
  // fewest shifts left unassigned, then the most even nights, weekends and paid hours.
  let best: { agentOf: number[]; quality: number[] } | undefined;
  const starts = [
    { order: byTime, runs: false },
    { order: nightsFirst, runs: false },
    { order: nightsFirst, runs: true },
  ];
  for (const { order, runs } of starts) {
    const agentOf = greedyAssign(spans, agents, o, cycle, tourUnits, order, runs);
    const owner = allUnits.map((unit) => agentOf[unit[0]!]!);
    rebalance(problem, owner);
    allUnits.forEach((unit, u) => {
      for (const i of unit) agentOf[i] = owner[u]!;
    });
    const quality = [agentOf.filter((k) => k < 0).length, ...balanceMeasure(problem, owner)];
    if (!best || lexLess(quality, best.quality)) best = { agentOf, quality };
  }
  const agentOf = best!.agentOf;
  return {
    agentOf,
    unassigned: agentOf.filter((k) => k < 0).length,
    fairness: fairnessOf(shifts, agents, agentOf, o),
    loads: agentLoads(shifts, agents, agentOf, o),
  };
}

/**
 * Each agent's load under `agentOf` (−1: no agent): shifts, paid minutes, night and weekend shifts
 * (this horizon's only, without history), shifts of a type they did not ask for.
 *
 * @example agentLoads(shifts, agents, assignShifts(shifts, agents, o).agentOf, o)[0].nights
 */
export function agentLoads(
  shifts: readonly ShiftToAssign[],
  agents: readonly Agent[],
  agentOf: readonly number[],
  o: AssignmentOptions,
): AgentLoad[] {
  const spans = shifts.map((s) => spanOf(s, o));
  return agents.map((a, k) => {
    const own = spans.filter((_, i) => agentOf[i] === k);
    return {
      name: a.name,
      shifts: own.length,
      paidMin: own.reduce((m, s) => m + s.paid, 0),
      nights: own.filter((s) => s.night).length,
      weekends: own.filter((s) => s.weekend).length,
      unpreferred:
        a.prefers && a.prefers.length > 0 ? own.filter((s) => !a.prefers!.includes(s.type)).length : 0,
    };
  });
}

/** What {@link rebalance} needs of these shifts and agents, the units in `allUnits`' order. */
function rebalanceProblem(
  shifts: readonly ShiftToAssign[],
  agents: readonly Agent[],
  o: AssignmentOptions,
  spans: readonly Span[],
  allUnits: readonly (readonly number[])[],
): RebalanceProblem {
  const cycle = o.cyclic ? o.periods * o.stepMin : undefined;
  const dayOf = (i: number) => Math.floor(spans[i]!.from / 1440);
  return {
    units: allUnits.map((unit) => ({
      nights: unit.filter((i) => spans[i]!.night).length,
      weekends: unit.filter((i) => spans[i]!.weekend).length,
      paidMin: unit.reduce((m, i) => m + spans[i]!.paid, 0),
      day: unit.length === 1 && shifts[unit[0]!]!.tour === undefined ? dayOf(unit[0]!) : undefined,
    })),
    agents: agents.length,
    nightsBefore: agents.map((a) => a.history?.nights ?? 0),
    eligible: {
      nights: agents.map((a) => a.nights !== false),
      weekends: agents.map((a) => !a.days || a.days.some((d) => d >= 5)),
    },
    weekendsBefore: agents.map((a) => a.history?.weekends ?? 0),
    feasible: (k, ids) =>
      keepsRules(
        agents[k]!,
        ids.flatMap((u) => allUnits[u]!).map((i) => spans[i]!),
        o,
        cycle,
      ),
    unpreferred: (k, ids) => {
      const prefers = agents[k]!.prefers;
      if (!prefers || prefers.length === 0) return 0;
      return ids.flatMap((u) => allUnits[u]!).filter((i) => !prefers.includes(spans[i]!.type)).length;
    },
  };
}

/**
 * An assignment evened out by {@link rebalance} (nights, weekends, then paid hours, within every
 * rule), starting from `agentOf` (−1 stays unassigned): for a roster made elsewhere, such as the
 * integer program's, which looks at nights and weekends only (decision 0062).
 *
 * @example evenOut(shifts, agents, agentOf, o)
 */
export function evenOut(
  shifts: readonly ShiftToAssign[],
  agents: readonly Agent[],
  agentOf: readonly number[],
  o: AssignmentOptions,
): number[] {
  const spans = shifts.map((s) => spanOf(s, o));
  const units = [...new Map(shifts.map((s, i) => [s.tour === undefined ? `s${i}` : `t${s.tour}`, i])).keys()];
  const allUnits = units.map((key) =>
    shifts.flatMap((s, i) => ((s.tour === undefined ? `s${i}` : `t${s.tour}`) === key ? [i] : [])),
  );
  const owner = allUnits.map((unit) => agentOf[unit[0]!]!);
  rebalance(rebalanceProblem(shifts, agents, o, spans, allUnits), owner);
  const out = [...agentOf];
  allUnits.forEach((unit, u) => {
    for (const i of unit) out[i] = owner[u]!;
  });
  return out;
}

/** Whether `a` comes before `b` in lexicographic order. */
function lexLess(a: readonly number[], b: readonly number[]): boolean {
  const x = a.findIndex((v, i) => v !== b[i]);
  return x >= 0 && a[x]! < b[x]!;
}

/**
 * The greedy with fairness counters: tours first (the one fewest agents can take first, each whole to
 * one agent), then the single shifts in `order`, each to the feasible agent with the least score.
 */
function greedyAssign(
  spans: readonly Span[],
  agents: readonly Agent[],
  o: AssignmentOptions,
  cycle: number | undefined,
  tourUnits: readonly (readonly number[])[],
  order: readonly number[],
  runs: boolean,
): number[] {
  const mine: Span[][] = agents.map(() => []);
  const load = agents.map((a) => ({
    paidMin: 0,
    nights: a.history?.nights ?? 0,
    weekends: a.history?.weekends ?? 0,
  }));
  const agentOf = spans.map(() => -1);
  const fits = (k: number, unit: readonly number[]): boolean =>
    keepsRules(agents[k]!, [...mine[k]!, ...unit.map((i) => spans[i]!)], o, cycle);
  // With `runs`, a night goes first to an agent who worked the night before and is still under an
  // even share: nights in runs leave more days free than nights scattered (each needs its rest).
  const nightsToShare = spans.filter((s) => s.night).length + load.reduce((n, l) => n + l.nights, 0);
  const nightWorkers = agents.filter((a) => a.nights !== false).length;
  const share = Math.ceil(nightsToShare / Math.max(1, nightWorkers));
  const continuesRun = (k: number, s: Span) =>
    mine[k]!.some((t) => t.night && t.to <= s.from && s.from - t.to < 1440);
  const score = (k: number, unit: readonly number[]): number => {
    const a = agents[k]!;
    const l = load[k]!;
    let v = l.paidMin / 60;
    if (
      runs &&
      unit.length === 1 &&
      spans[unit[0]!]!.night &&
      l.nights < share &&
      continuesRun(k, spans[unit[0]!]!)
    )
      v -= 1000;
    if (unit.some((i) => spans[i]!.night)) v += 24 * l.nights;
    if (unit.some((i) => spans[i]!.weekend)) v += 24 * l.weekends;
    if (a.prefers && a.prefers.length > 0 && unit.some((i) => !a.prefers!.includes(spans[i]!.type))) v += 4;
    return v;
  };
  const place = (unit: readonly number[]): void => {
    let pick = -1;
    let pickScore = Number.POSITIVE_INFINITY;
    for (let k = 0; k < agents.length; k++) {
      if (!fits(k, unit)) continue;
      const v = score(k, unit);
      if (v < pickScore) {
        pickScore = v;
        pick = k;
      }
    }
    if (pick < 0) return;
    const l = load[pick]!;
    for (const i of unit) {
      const s = spans[i]!;
      agentOf[i] = pick;
      mine[pick]!.push(s);
      l.paidMin += s.paid;
      if (s.night) l.nights++;
      if (s.weekend) l.weekends++;
    }
  };
  // Tours one at a time, the one fewest agents can take first (a tour only one agent fits is theirs).
  const left = [...tourUnits];
  while (left.length > 0) {
    let at = 0;
    let least = Number.POSITIVE_INFINITY;
    left.forEach((unit, x) => {
      let n = 0;
      for (let k = 0; k < agents.length; k++) if (fits(k, unit)) n++;
      if (n < least) {
        least = n;
        at = x;
      }
    });
    const [unit] = left.splice(at, 1);
    place(unit!);
  }
  for (const i of order) place([i]);
  return agentOf;
}

/**
 * Every way an assignment breaks a rule, checked independently of {@link assignShifts}: overlaps and
 * rests shorter than `minRestMin` between two shifts of one agent, more night shifts in a week than
 * allowed, a shift on a weekday the agent is not available, a night shift for an agent who works no
 * nights, more paid minutes in a week than the agent's maximum, a tour split between agents.
 *
 * @returns one line per breach (empty: the assignment keeps every rule).
 */
export function assignmentBreaches(
  shifts: readonly ShiftToAssign[],
  agents: readonly Agent[],
  agentOf: readonly number[],
  o: AssignmentOptions,
): string[] {
  const out: string[] = [];
  const cycle = o.cyclic ? o.periods * o.stepMin : undefined;
  const tourAgent = new Map<number, number>();
  agents.forEach((a, k) => {
    const idx = shifts.flatMap((_, i) => (agentOf[i] === k ? [i] : []));
    const spans = idx.map((i) => spanOf(shifts[i]!, o));
    const paid = new Map<number, number>();
    const nights = new Map<number, number>();
    spans.forEach((s, x) => {
      if (a.days && !a.days.includes(s.weekday)) out.push(`${a.name}: shift ${idx[x]} on an unavailable day`);
      if (s.night && a.nights === false) out.push(`${a.name}: night shift ${idx[x]}`);
      paid.set(s.week, (paid.get(s.week) ?? 0) + s.paid);
      if (s.night) nights.set(s.week, (nights.get(s.week) ?? 0) + 1);
      for (let y = 0; y < x; y++)
        if (!restKept(spans[y]!, s, o.labour.minRestMin, cycle))
          out.push(
            `${a.name}: shifts ${idx[y]} and ${idx[x]} overlap or rest less than ${o.labour.minRestMin} min`,
          );
    });
    for (const [w, m] of paid)
      if (a.maxWeekMin !== undefined && m > a.maxWeekMin)
        out.push(`${a.name}: ${m} paid minutes in week ${w}`);
    for (const [w, n] of nights)
      if (n > o.labour.maxNightShiftsPerWeek) out.push(`${a.name}: ${n} night shifts in week ${w}`);
  });
  shifts.forEach((s, i) => {
    if (s.tour === undefined || agentOf[i]! < 0) return;
    const seen = tourAgent.get(s.tour);
    if (seen !== undefined && seen !== agentOf[i]) out.push(`tour ${s.tour} split between agents`);
    tourAgent.set(s.tour, agentOf[i]!);
  });
  return out;
}

/**
 * The shifts of a schedule one by one, for {@link assignShifts}: with a tour set, each agent on a
 * tour becomes one `tour` (its working days' shifts, meal places taken in order from what the
 * schedule placed in each (type, start, day)); the other shifts stand alone.
 *
 * @example scheduleShifts(solution.counts, candidates, { set, tourCounts: solution.tourCounts })
 */
export function scheduleShifts(
  counts: readonly number[],
  candidates: readonly Shift[],
  tours?: { readonly set: TourSet; readonly tourCounts: readonly number[] },
): ShiftToAssign[] {
  const left = [...counts];
  const out: ShiftToAssign[] = [];
  let id = 0;
  tours?.set.tours.forEach((t, j) => {
    for (let n = 0; n < (tours.tourCounts[j] ?? 0); n++) {
      const tour = id++;
      for (const d of t.days) {
        const group = tours.set.groups.get(groupKey(t.type, t.startInDay, d)) ?? [];
        const i = group.find((g) => left[g]! > 0);
        if (i === undefined) continue;
        left[i]!--;
        out.push({ ...candidates[i]!, tour });
      }
    }
  });
  left.forEach((n, i) => {
    for (let k = 0; k < n; k++) out.push({ ...candidates[i]! });
  });
  return out;
}
