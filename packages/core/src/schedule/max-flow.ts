// Maximum flow (Dinic) and feasibility of a flow with lower bounds, for the fairness bound (fairness.ts).

/** An arc from `from` to `to` carrying between `lower` and `upper` units (upper may be Infinity). */
export interface BoundedArc {
  readonly from: number;
  readonly to: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * The value of a maximum flow from `source` to `sink` over arcs of capacity `cap` (Dinic's algorithm:
 * breadth-first levels, then blocking flows along them; E. A. Dinic, "Algorithm for solution of a
 * problem of maximum flow in a network with power estimation", Soviet Math. Doklady 11, 1970,
 * pp. 1277–1280; Ahuja, Magnanti & Orlin, "Network Flows", Prentice Hall 1993, §7.5).
 *
 * @example maxFlow(3, [{ from: 0, to: 1, cap: 2 }, { from: 1, to: 2, cap: 1 }], 0, 2) // 1
 */
export function maxFlow(
  nodes: number,
  arcs: readonly { readonly from: number; readonly to: number; readonly cap: number }[],
  source: number,
  sink: number,
): number {
  // Residual graph as parallel arrays; arc e and e ^ 1 are each other's reverse.
  const head: number[] = [];
  const cap: number[] = [];
  const out: number[][] = Array.from({ length: nodes }, () => []);
  for (const a of arcs) {
    out[a.from]!.push(head.length);
    head.push(a.to);
    cap.push(a.cap);
    out[a.to]!.push(head.length);
    head.push(a.from);
    cap.push(0);
  }
  const level = new Array<number>(nodes);
  const next = new Array<number>(nodes);
  const levels = (): boolean => {
    level.fill(-1);
    level[source] = 0;
    const queue = [source];
    for (let q = 0; q < queue.length; q++) {
      const v = queue[q]!;
      for (const e of out[v]!)
        if (cap[e]! > 0 && level[head[e]!]! < 0) {
          level[head[e]!] = level[v]! + 1;
          queue.push(head[e]!);
        }
    }
    return level[sink]! >= 0;
  };
  const push = (v: number, limit: number): number => {
    if (v === sink) return limit;
    for (; next[v]! < out[v]!.length; next[v]!++) {
      const e = out[v]![next[v]!]!;
      const w = head[e]!;
      if (cap[e]! <= 0 || level[w] !== level[v]! + 1) continue;
      const pushed = push(w, Math.min(limit, cap[e]!));
      if (pushed > 0) {
        cap[e]! -= pushed;
        cap[e ^ 1]! += pushed;
        return pushed;
      }
    }
    return 0;
  };
  let flow = 0;
  while (levels()) {
    next.fill(0);
    for (let f = push(source, Number.POSITIVE_INFINITY); f > 0; f = push(source, Number.POSITIVE_INFINITY))
      flow += f;
  }
  return flow;
}

/**
 * Whether a circulation exists: a flow on every arc between its lower and upper bound, conserved at
 * every node (an arc from the sink back to the source makes an s–t flow a circulation). The standard
 * reduction: each arc carries its lower bound for free, the imbalances this leaves go to a super-source
 * and a super-sink, and a circulation exists exactly when a maximum flow between them saturates every
 * imbalance (Hoffman's circulation theorem; Ahuja, Magnanti & Orlin 1993, §6.7, "Flows with lower
 * bounds").
 *
 * @example feasibleCirculation(2, [{ from: 0, to: 1, lower: 1, upper: 2 }, { from: 1, to: 0, lower: 0, upper: 1 }]) // true
 */
export function feasibleCirculation(nodes: number, arcs: readonly BoundedArc[]): boolean {
  const excess = new Array<number>(nodes).fill(0);
  const reduced: { from: number; to: number; cap: number }[] = [];
  for (const a of arcs) {
    if (a.lower > a.upper) return false;
    excess[a.to]! += a.lower;
    excess[a.from]! -= a.lower;
    if (a.upper > a.lower) reduced.push({ from: a.from, to: a.to, cap: a.upper - a.lower });
  }
  const superSource = nodes;
  const superSink = nodes + 1;
  let needed = 0;
  excess.forEach((x, v) => {
    if (x > 0) {
      reduced.push({ from: superSource, to: v, cap: x });
      needed += x;
    } else if (x < 0) reduced.push({ from: v, to: superSink, cap: -x });
  });
  return maxFlow(nodes + 2, reduced, superSource, superSink) === needed;
}
