/** What the rebalancing needs to know of one unit (a single shift, or a tour that goes whole). */
export interface BalanceUnit {
  readonly nights: number;
  readonly weekends: number;
  readonly paidMin: number;
  /** Day of its first shift, for swapping days between agents; undefined: never swapped by day (tours). */
  readonly day: number | undefined;
}

export interface RebalanceProblem {
  readonly units: readonly BalanceUnit[];
  readonly agents: number;
  /** Nights and weekends worked before the horizon, per agent (the rotation carries on). */
  readonly nightsBefore: readonly number[];
  readonly weekendsBefore: readonly number[];
  /** Whether agent `k` may work exactly these units (every rule: days, nights, rest, weekly limits). */
  readonly feasible: (k: number, units: readonly number[]) => boolean;
  /** Units of a type agent `k` did not ask for, among `units`. */
  readonly unpreferred: (k: number, units: readonly number[]) => number;
  /** Most candidate changes examined (a bound on the work: 100,000 by default). */
  readonly budget?: number | undefined;
  /**
   * Agents who may work nights, and weekends, at all: the kicks stop once the counts of those agents
   * are at most one apart (default: every agent).
   */
  readonly eligible?:
    | { readonly nights: readonly boolean[]; readonly weekends: readonly boolean[] }
    | undefined;
  /** Kicks of the iterated local search (default 200, ending after 40 in a row that gain nothing) and its generator's seed. */
  readonly kicks?: number | undefined;
  readonly seed?: number | undefined;
}

const METRICS = ['nights', 'weekends', 'paidMin'] as const;
type Metric = (typeof METRICS)[number];

/**
 * Evens out an assignment by local search: moves a unit from one agent to another, swaps two units,
 * swaps the units two agents start on a run of days (a whole tail or head of their weeks included), or moves a unit to an agent who
 * hands one of theirs to a third (an ejection chain of length two), whenever both agents still keep
 * every rule and the change lowers, in this order of priority, the sum of squares of the agents'
 * night counts, then of their weekend counts, then of their paid minutes (the last without giving
 * anyone more shifts of a type they did not ask for). A sum of squares falls exactly when a change
 * moves load from an agent who has more to one who has less by less than the difference, so at a
 * local optimum no single such change can narrow a gap of two or more. Each accepted change lowers the
 * lexicographic triple of non-negative integers, so the search ends. Swap and block-swap
 * neighbourhoods as in nurse rostering (Burke, De Causmaecker, Petrovic & Vanden Berghe, "Variable
 * neighborhood search for nurse rostering problems", in Metaheuristics: Computer Decision-Making,
 * Kluwer 2004, pp. 153–172).
 *
 * @param owner each unit's agent (−1: unassigned, left alone); changed in place.
 * @example rebalance({ units, agents: 5, nightsBefore, weekendsBefore, feasible, unpreferred }, owner)
 */
export function rebalance(p: RebalanceProblem, owner: number[]): void {
  let mine: number[][] = [];
  // Each agent's version (bumped by every change to their units), so a pair found with no improving
  // change is not searched again until one of the two changes.
  const version = new Array<number>(p.agents).fill(0);
  const exhausted = new Map<string, string>();
  let load: number[][] = [];
  const total = (k: number, m: Metric) =>
    mine[k]!.reduce((s, u) => s + p.units[u]![m], 0) +
    (m === 'nights' ? p.nightsBefore[k]! : m === 'weekends' ? p.weekendsBefore[k]! : 0);
  /** Makes `owner` the state again (after a kick that led nowhere). */
  const reset = (from: readonly number[]) => {
    from.forEach((k, u) => {
      owner[u] = k;
    });
    mine = Array.from({ length: p.agents }, () => []);
    owner.forEach((k, u) => {
      if (k >= 0) mine[k]!.push(u);
    });
    load = METRICS.map((m) => Array.from({ length: p.agents }, (_, k) => total(k, m)));
    version.forEach((_, k) => {
      version[k]!++;
    });
  };
  reset(owner);
  let budget = p.budget ?? 100_000;
  const horizonDays = 1 + Math.max(0, ...p.units.map((u) => u.day ?? 0));
  // How many of the metrics (nights, weekends, paid minutes) the search is lowering now.
  let levels: number = METRICS.length;
  // The least change of paid minutes a move or swap can make: a smaller gap cannot narrow.
  const paidValues = [...new Set(p.units.map((u) => u.paidMin))];
  let paidStep = Number.POSITIVE_INFINITY;
  for (const v of paidValues) {
    if (v > 0) paidStep = Math.min(paidStep, v);
    for (const w of paidValues) if (w < v) paidStep = Math.min(paidStep, v - w);
  }

  /**
   * Hands each unit of `moves` to its new agent if every agent concerned keeps the rules and the
   * triple falls (the paid-minutes step also gives no one more unpreferred shifts).
   */
  const tryMoves = (moves: readonly (readonly [unit: number, to: number])[]): boolean => {
    budget--;
    const next = new Map<number, number[]>();
    const setOf = (k: number) => {
      if (!next.has(k)) next.set(k, [...mine[k]!]);
      return next.get(k)!;
    };
    for (const [u, to] of moves) {
      const from = owner[u]!;
      const fromSet = setOf(from);
      fromSet.splice(fromSet.indexOf(u), 1);
      setOf(to).push(u);
    }
    const deltas = METRICS.slice(0, levels).map((m, i) => {
      let d = 0;
      for (const [k, units] of next) {
        const before = load[i]![k]!;
        const after =
          before -
          mine[k]!.reduce((s, u) => s + p.units[u]![m], 0) +
          units.reduce((s, u) => s + p.units[u]![m], 0);
        d += after ** 2 - before ** 2;
      }
      return d;
    });
    const first = deltas.findIndex((d) => d !== 0);
    if (first < 0 || deltas[first]! > 0) return false;
    if (first === 2) {
      let more = 0;
      for (const [k, units] of next) more += p.unpreferred(k, units) - p.unpreferred(k, mine[k]!);
      if (more > 0) return false;
    }
    for (const [k, units] of next) if (!p.feasible(k, units)) return false;
    for (const [k, units] of next) {
      mine[k] = units;
      version[k]!++;
    }
    for (const [u, to] of moves) owner[u] = to;
    for (const k of next.keys())
      METRICS.forEach((m, i) => {
        load[i]![k] = total(k, m);
      });
    return true;
  };

  /** One improving change between a heavier agent a and a lighter b on metric i, if any. */
  const improvePair = (i: number, a: number, b: number): boolean => {
    const m = METRICS[i]!;
    const heavy = mine[a]!.filter((u) => p.units[u]![m] > 0);
    for (const u of heavy) if (tryMoves([[u, b]])) return true;
    for (const u of heavy)
      for (const v of mine[b]!)
        if (
          p.units[v]![m] < p.units[u]![m] &&
          tryMoves([
            [u, b],
            [v, a],
          ])
        )
          return true;
    // The units each starts on days from … from + len − 1 (rests tie neighbouring days together, so
    // exchanging whole runs, up to the rest of the horizon, keeps rules a single swap would break).
    const days = new Set(heavy.map((u) => p.units[u]!.day).filter((d): d is number => d !== undefined));
    const runs = new Set<number>();
    for (const d of days)
      for (let len = 1; len <= horizonDays; len++)
        for (let from = d - len + 1; from <= d; from++) {
          if (runs.has(from * (horizonDays + 1) + len)) continue;
          runs.add(from * (horizonDays + 1) + len);
          const inRun = (u: number) => {
            const day = p.units[u]!.day;
            return day !== undefined && day >= from && day < from + len;
          };
          const out = mine[a]!.filter(inRun);
          const back = mine[b]!.filter(inRun);
          if (
            out.length + back.length > 1 &&
            tryMoves([...out.map((u) => [u, b] as const), ...back.map((v) => [v, a] as const)])
          )
            return true;
        }
    // An ejection chain: u goes from a to b, and a unit v of b that stands in its way to a third agent.
    for (const u of heavy)
      for (const v of mine[b]!)
        for (let c = 0; c < p.agents; c++)
          if (
            c !== a &&
            c !== b &&
            tryMoves([
              [u, b],
              [v, c],
            ])
          )
            return true;
    return false;
  };

  const improveOnce = (): boolean => {
    for (let i = 0; i < levels; i++) {
      const order = Array.from({ length: p.agents }, (_, k) => k).sort((x, y) => load[i]![y]! - load[i]![x]!);
      for (const a of order)
        for (let x = order.length - 1; x >= 0; x--) {
          const b = order[x]!;
          // Only a gap of two or more (nights, weekends) or of more than a unit (minutes) can narrow.
          if (load[i]![a]! - load[i]![b]! < (i < 2 ? 2 : paidStep + 1)) break;
          if (budget <= 0) return false;
          // An agent who works no nights (or no weekends) takes none from anyone.
          if (i === 0 && p.eligible?.nights[b] === false) continue;
          if (i === 1 && p.eligible?.weekends[b] === false) continue;
          const key = `${levels}|${i}|${a}|${b}`;
          const state = `${version[a]}|${version[b]}`;
          if (exhausted.get(key) === state) continue;
          if (improvePair(i, a, b)) return true;
          exhausted.set(key, state);
        }
    }
    return false;
  };
  const descend = (upTo: number) => {
    levels = upTo;
    while (budget > 0 && improveOnce()) {}
  };
  descend(METRICS.length);
  // Iterated local search (Lourenço, Martin & Stützle, "Iterated local search", in Handbook of
  // Metaheuristics, Kluwer 2003, pp. 321–353): a local optimum can still leave nights two apart when
  // only a chain through several agents evens them out; so kick (swap what two agents start on a
  // random run of days, if both keep the rules, better or not), descend again, and keep the result
  // only when better. Seeded, so the same input gives the same answer. Stops once nights and weekends
  // are as even as their totals allow, after 40 kicks in a row gain nothing, or `kicks` kicks, or the budget. The kicks look at nights
  // and weekends only; paid hours are evened out once more at the end.
  let best = [...owner];
  let bestMeasure = balanceMeasure(p, owner).slice(0, 2);
  const even = (i: number, who: readonly boolean[] | undefined) => {
    const counts = load[i]!.filter((_, k) => who?.[k] ?? true);
    return counts.length === 0 || Math.max(...counts) - Math.min(...counts) <= 1;
  };
  const floor = METRICS.slice(0, 2).map((_, i) =>
    evenSquares(
      load[i]!.reduce((s, v) => s + v, 0),
      p.agents,
    ),
  );
  const random = mulberry32(p.seed ?? 0x5eed);
  const horizon = Math.max(1, horizonDays);
  let stale = 0;
  for (let kick = 0; kick < (p.kicks ?? 200) && stale < 40 && budget > 0 && p.agents > 1; kick++) {
    if (bestMeasure[0] === floor[0] && bestMeasure[1] === floor[1]) break;
    if (even(0, p.eligible?.nights) && even(1, p.eligible?.weekends)) break;
    const a = Math.floor(random() * p.agents);
    const b = (a + 1 + Math.floor(random() * (p.agents - 1))) % p.agents;
    const from = Math.floor(random() * horizon);
    const len = 1 + Math.floor(random() * 3);
    const inRun = (u: number) => {
      const day = p.units[u]!.day;
      return day !== undefined && day >= from && day < from + len;
    };
    const out = mine[a]!.filter(inRun);
    const back = mine[b]!.filter(inRun);
    if (out.length + back.length === 0) continue;
    const nextA = [...mine[a]!.filter((u) => !out.includes(u)), ...back];
    const nextB = [...mine[b]!.filter((u) => !back.includes(u)), ...out];
    budget--;
    if (!p.feasible(a, nextA) || !p.feasible(b, nextB)) continue;
    for (const u of out) owner[u] = b;
    for (const u of back) owner[u] = a;
    reset(owner);
    descend(2);
    const measure = balanceMeasure(p, owner).slice(0, 2);
    const x = measure.findIndex((v, i) => v !== bestMeasure[i]);
    stale++;
    if (x >= 0 && measure[x]! < bestMeasure[x]!) {
      best = [...owner];
      bestMeasure = measure;
      stale = 0;
    } else reset(best);
  }
  reset(best);
  descend(METRICS.length);
}

/** The least sum of squares of `agents` whole numbers adding up to `sum`: as even as they can be. */
function evenSquares(sum: number, agents: number): number {
  const q = Math.floor(sum / agents);
  const r = sum - q * agents;
  return r * (q + 1) ** 2 + (agents - r) * q ** 2;
}

/** Mulberry32, a small seeded generator (Tommy Ettinger, public domain): the kicks are reproducible. */
function mulberry32(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let x = Math.imul(t ^ (t >>> 15), 1 | t);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** The sums of squares {@link rebalance} lowers, in its order: nights, weekends, paid minutes (history included). */
export function balanceMeasure(p: RebalanceProblem, owner: readonly number[]): number[] {
  return METRICS.map((m) => {
    const per = Array.from({ length: p.agents }, (_, k) =>
      m === 'nights' ? p.nightsBefore[k]! : m === 'weekends' ? p.weekendsBefore[k]! : 0,
    );
    owner.forEach((k, u) => {
      if (k >= 0) per[k]! += p.units[u]![m];
    });
    return per.reduce((s, v) => s + v * v, 0);
  });
}
