// The fairest roster of a set of shifts as an integer program (CPLEX LP text, as HiGHS reads it). Decision 0062.
import type { Span } from './agent-rules.js';
import type { AssignmentOptions } from './assign.js';
import { FAIRNESS_MEASURES, type RotationFacts, spreadBound } from './fairness.js';

/** A column of the program: unit `unit` to agent `agent`. */
export interface RotationColumn {
  readonly unit: number;
  readonly agent: number;
}

export interface RotationModel {
  /** The program; its columns are x0 … x(n−1), in the order of `columns`. */
  readonly lp: string;
  readonly columns: readonly RotationColumn[];
}

/** Whether the half-open arc [from, to + rest) of `s` (wrapping around `cycle` when set) holds minute `t`. */
function arcHolds(s: Span, restMin: number, cycle: number | undefined, t: number): boolean {
  const length = s.to - s.from + Math.max(0, restMin);
  if (cycle === undefined) return t >= s.from && t < s.from + length;
  if (length >= cycle) return true;
  return (((t - s.from) % cycle) + cycle) % cycle < length;
}

/**
 * The roster of the staffed units (`staffed[u]`) that minimises the spread of night shifts plus the
 * spread of weekend shifts (history counted, among each measure's members; {@link RotationFacts}):
 *
 *   minimise Σ_m (hi_m − lo_m)
 *   subject to  Σ_k x(u,k) = 1 for each staffed unit u (x only where k may work u alone: days, nights,
 *                 weekly limits);
 *               for each agent k and each start t of a shift k could work, Σ of the units with a shift
 *                 whose interval [start, end + rest) holds t ≤ 1 — two shifts break the rest rule
 *                 exactly when one's start lies in the other's interval, so these rows are the
 *                 conflict graph's cliques at every start and forbid every pair that conflicts (an
 *                 interval graph, a circular-arc graph on a cyclic horizon);
 *               for each agent and week, Σ paid minutes ≤ their weekly maximum, Σ nights ≤ the labour
 *                 rules' nights a week;
 *               lo_m ≤ h_k + Σ_u m(u)·x(u,k) ≤ hi_m for each member k of measure m;
 *               hi_m − lo_m ≥ the flow bound of m ({@link spreadBound}: a valid cut);  x binary.
 * A fairness-constrained assignment model in the manner of the nurse rostering literature (Burke,
 * De Causmaecker, Vanden Berghe & Van Landeghem, "The state of the art of nurse rostering",
 * J. Scheduling 7(6), 2004, §4), with the min–max spread as objective. Units staffed by no one stay so.
 *
 * @example rotationModelLp(facts, facts.units.map((unit) => agentOf[unit[0]] >= 0), o).lp
 */
export function rotationModelLp(
  facts: RotationFacts,
  staffed: readonly boolean[],
  o: AssignmentOptions,
): RotationModel {
  const agents = facts.alone[0]?.length ?? 0;
  const cycle = o.cyclic ? o.periods * o.stepMin : undefined;
  const columns: RotationColumn[] = [];
  const columnOf = new Map<number, number>();
  const key = (u: number, k: number) => u * agents + k;
  facts.units.forEach((_, u) => {
    if (!staffed[u]) return;
    for (let k = 0; k < agents; k++)
      if (facts.alone[u]![k]) {
        columnOf.set(key(u, k), columns.length);
        columns.push({ unit: u, agent: k });
      }
  });
  const x = (u: number, k: number) => `x${columnOf.get(key(u, k))}`;
  const rows: string[] = [];
  const sum = (terms: readonly string[]) => terms.join(' + ').replaceAll('+ -', '- ');
  // Each staffed unit to one agent.
  facts.units.forEach((_, u) => {
    if (!staffed[u]) return;
    const terms: string[] = [];
    for (let k = 0; k < agents; k++) if (columnOf.has(key(u, k))) terms.push(x(u, k));
    rows.push(` a${u}: ${terms.length > 0 ? sum(terms) : '0 x0'} = 1`);
  });
  for (let k = 0; k < agents; k++) {
    const mine = facts.units.flatMap((_, u) => (columnOf.has(key(u, k)) ? [u] : []));
    // Rest: the units holding each start, once per distinct set of two or more.
    const seen = new Set<string>();
    for (const u of mine)
      for (const i of facts.units[u]!) {
        const t = facts.spans[i]!.from;
        const holding = mine.filter((v) =>
          facts.units[v]!.some((j) => arcHolds(facts.spans[j]!, o.labour.minRestMin, cycle, t)),
        );
        const id = holding.join(',');
        if (holding.length < 2 || seen.has(id)) continue;
        seen.add(id);
        rows.push(` r${k}_${seen.size}: ${sum(holding.map((v) => x(v, k)))} <= 1`);
      }
    // Weekly paid minutes and nights.
    const weeks = new Map<number, { paid: Map<number, number>; nights: Map<number, number> }>();
    for (const u of mine)
      for (const i of facts.units[u]!) {
        const s = facts.spans[i]!;
        const w = weeks.get(s.week) ?? { paid: new Map(), nights: new Map() };
        weeks.set(s.week, w);
        w.paid.set(u, (w.paid.get(u) ?? 0) + s.paid);
        if (s.night) w.nights.set(u, (w.nights.get(u) ?? 0) + 1);
      }
    const limit = (name: string, per: Map<number, number>, most: number | undefined) => {
      if (most === undefined) return;
      const total = [...per.values()].reduce((a, b) => a + b, 0);
      if (total <= most) return;
      rows.push(` ${name}: ${sum([...per].map(([u, c]) => `${c} ${x(u, k)}`))} <= ${most}`);
    };
    for (const [w, per] of weeks) {
      limit(`p${k}_${w}`, per.paid, facts.maxWeekMin[k]);
      limit(`n${k}_${w}`, per.nights, o.labour.maxNightShiftsPerWeek);
    }
  }
  // The spreads.
  const objective: string[] = [];
  const staffedShift = facts.unitOf.map((u) => staffed[u]!);
  for (const m of FAIRNESS_MEASURES) {
    const members = facts.members[m].flatMap((yes, k) => (yes ? [k] : []));
    if (members.length < 2) continue;
    objective.push(`hi_${m}`, `-1 lo_${m}`);
    for (const k of members) {
      const terms: string[] = [];
      facts.units.forEach((unit, u) => {
        if (!columnOf.has(key(u, k))) return;
        const c = unit.filter((i) =>
          m === 'nights' ? facts.spans[i]!.night : facts.spans[i]!.weekend,
        ).length;
        if (c > 0) terms.push(`${c} ${x(u, k)}`);
      });
      const h = facts.before[m][k]!;
      rows.push(` h${m}${k}: ${sum([...terms, `-1 hi_${m}`])} <= ${-h}`);
      rows.push(` l${m}${k}: ${sum([...terms, `-1 lo_${m}`])} >= ${-h}`);
    }
    rows.push(` b${m}: hi_${m} - lo_${m} >= ${spreadBound(facts, staffedShift, m, o)}`);
  }
  const lines = [
    'Minimize',
    ` obj: ${objective.length > 0 ? sum(objective) : '0 x0'}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...FAIRNESS_MEASURES.flatMap((m) => (objective.includes(`hi_${m}`) ? [` -inf <= lo_${m} <= +inf`] : [])),
    'Binary',
    ...columns.map((_, c) => ` x${c}`),
    'End',
  ];
  return { lp: lines.join('\n'), columns };
}

/**
 * Each shift's agent from a solution of {@link rotationModelLp}: a unit to the agent whose column is
 * nearest 1 (at least ½); −1 when none is.
 */
export function rotationAgentOf(
  facts: RotationFacts,
  columns: readonly RotationColumn[],
  values: readonly number[],
): number[] {
  const agentOf = new Array<number>(facts.spans.length).fill(-1);
  const best = new Map<number, { agent: number; value: number }>();
  columns.forEach((c, j) => {
    const v = values[j] ?? 0;
    if (v >= 0.5 && v > (best.get(c.unit)?.value ?? 0)) best.set(c.unit, { agent: c.agent, value: v });
  });
  for (const [u, { agent }] of best) for (const i of facts.units[u]!) agentOf[i] = agent;
  return agentOf;
}
