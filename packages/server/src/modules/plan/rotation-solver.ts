// The fairest rotation of nights and weekends: where core's assignment does not reach its fairness
// bound, the integer program of core's rotationModelLp on a HiGHS thread with a time limit and the
// schedule solver's watchdog. Any failure (a WASM abort, a timeout, an answer that breaks a rule)
// keeps core's answer. Decision 0062.
import { createRequire } from 'node:module';
import {
  type Agent,
  type Assignment,
  type AssignmentOptions,
  agentLoads,
  assignmentBreaches,
  assignShifts,
  evenOut,
  fairnessOf,
  rotationAgentOf,
  rotationFacts,
  rotationModelLp,
  type ShiftToAssign,
} from '@shoreline/core/schedule/index';
import { clockOf, HighsThread, type SolverClock, watchedStages } from './schedule-solver.js';

export interface RotationAnswer extends Assignment {
  /** Who gave the roster: core's heuristic, or HiGHS's integer program. */
  readonly solver: 'heuristic' | 'highs';
  /** What happened: proven by the bound, by HiGHS, or why the heuristic stands. */
  readonly note: string;
  /** Milliseconds of the integer program (0 when not run). */
  readonly wallMs: number;
}

/**
 * Shifts assigned to agents ({@link assignShifts}), then, unless its fairness bound is reached, the
 * integer program minimising the spread of nights plus weekends over rosters of the same shifts that
 * keep every rule ({@link rotationModelLp}), solved by HiGHS within `timeLimitSec` (a watchdog ends
 * its thread 5 s after), its paid hours evened out again by core's local search (evenOut, kept when
 * the spread stays no wider). HiGHS's answer is kept only when it keeps every rule
 * ({@link assignmentBreaches}) and is fairer; its proven dual bound, rounded up, raises the bound.
 * `fairness.proven`: no roster of those shifts is fairer.
 */
export async function solveRotation(
  shifts: readonly ShiftToAssign[],
  agents: readonly Agent[],
  o: AssignmentOptions,
  limits: {
    timeLimitSec: number;
    clock?: SolverClock;
    /** Core's assignment of these shifts, when already made. */
    heuristic?: Assignment;
    /** Solve even when the heuristic reaches the bound (the bench measures the program's cost). */
    always?: boolean;
  },
): Promise<RotationAnswer> {
  const heuristic = limits.heuristic ?? assignShifts(shifts, agents, o);
  const keep = (note: string, wallMs = 0): RotationAnswer => ({
    ...heuristic,
    solver: 'heuristic',
    note,
    wallMs,
  });
  if (heuristic.fairness.proven && !limits.always) return keep('the heuristic reached the bound');
  const facts = rotationFacts(shifts, agents, o);
  const staffed = facts.units.map((unit) => heuristic.agentOf[unit[0]!]! >= 0);
  const model = rotationModelLp(facts, staffed, o);
  if (model.columns.length === 0) return keep('nothing to assign');
  const now = clockOf(limits.clock);
  const began = now();
  const wallBegan = performance.now();
  const thread = new HighsThread(createRequire(import.meta.url).resolve('highs'));
  let answer: { status: string; values: number[]; dualBound: number } | undefined;
  const failed = await watchedStages(thread, limits.timeLimitSec, now, began, async () => {
    answer = await thread.request({
      kind: 'mip',
      model: model.lp,
      n: model.columns.length,
      options: {
        // Under the CPU clock HiGHS's own (wall) limit is the watchdog's; the interrupt ends it.
        time_limit: limits.clock === 'cpu' ? 10 * limits.timeLimitSec : limits.timeLimitSec,
        mip_rel_gap: 0,
      },
      ...(limits.clock === 'cpu' ? { cpuDeadlineMs: began + limits.timeLimitSec * 1000 } : {}),
    });
  });
  const wallMs = performance.now() - wallBegan;
  if (failed !== undefined || !answer) return keep(`HiGHS failed: ${failed ?? 'no answer'}`, wallMs);
  const optimal = answer.status === 'Optimal';
  // A dual bound counts only from a run that ended by optimality or a limit, and never above the
  // heuristic's spread (its roster is a point of the program: a larger "bound" is a solver fault).
  const ended = optimal || answer.status === 'Time limit reached' || answer.status === 'Interrupted';
  const dual =
    ended && Number.isFinite(answer.dualBound)
      ? Math.min(Math.ceil(answer.dualBound - 1e-6), heuristic.fairness.spread)
      : 0;
  const raise = (f: Assignment['fairness'], floor: number) => {
    const bound = Math.max(f.bound, floor);
    return { ...f, bound, proven: f.spread === bound };
  };
  const solved = rotationAgentOf(facts, model.columns, answer.values);
  const keepsAll = (roster: readonly number[]) =>
    roster.length === shifts.length &&
    roster.every((k, i) => k >= 0 === heuristic.agentOf[i]! >= 0) &&
    assignmentBreaches(shifts, agents, roster, o).length === 0;
  const usable = answer.values.length === model.columns.length && keepsAll(solved);
  let agentOf = solved;
  let fairness = usable ? fairnessOf(shifts, agents, agentOf, o, facts) : undefined;
  if (fairness && fairness.spread < heuristic.fairness.spread) {
    // The program looks at nights and weekends only: core's local search evens the paid hours out
    // again (kept when it leaves the spread no wider).
    const even = evenOut(shifts, agents, solved, o);
    const evenFairness = keepsAll(even) ? fairnessOf(shifts, agents, even, o, facts) : undefined;
    if (evenFairness && evenFairness.spread <= fairness.spread) {
      agentOf = even;
      fairness = evenFairness;
    }
  }
  if (!fairness || fairness.spread >= heuristic.fairness.spread) {
    // HiGHS's optimum (or its bound) still speaks for the heuristic's roster.
    const floor = optimal && fairness ? fairness.spread : dual;
    const f = raise(heuristic.fairness, floor);
    return {
      ...heuristic,
      fairness: f,
      solver: 'heuristic',
      note: f.proven
        ? `HiGHS (${answer.status}): the heuristic's roster is fairest`
        : `HiGHS (${answer.status}) found nothing fairer; its bound ${Math.max(dual, f.bound)}`,
      wallMs,
    };
  }
  const f = raise(fairness, optimal ? fairness.spread : dual);
  return {
    agentOf,
    unassigned: agentOf.filter((k) => k < 0).length,
    loads: agentLoads(shifts, agents, agentOf, o),
    fairness: f,
    solver: 'highs',
    note: `HiGHS integer program (${answer.status})${f.proven ? ', proven fairest' : ''}`,
    wallMs,
  };
}
