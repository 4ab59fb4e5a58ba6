// Solving the covering integer program with HiGHS (npm `highs`, WebAssembly) in a worker thread, with a
// time limit and a watchdog; any failure (a WASM abort in presolve, a timeout, an infeasible answer)
// falls back to core's greedy schedule, so a feasible schedule always comes back. Decisions 0023, 0030.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import {
  coveringModelDifferenceLp,
  coveringModelLp,
  greedySchedule,
  improveSchedule,
  improveTours,
  iteratedImprove,
  paidPeriods,
  roundedLpSchedule,
  roundTours,
  type Shift,
  scheduledCoverage,
  type TourSet,
  tourModelLp,
} from '@shoreline/core/schedule/index';

export interface ScheduleSolution {
  /** How many of each candidate. */
  readonly counts: number[];
  /** Σ paid periods of the schedule. */
  readonly paidPeriods: number;
  /** The LP relaxation's optimum, rounded up (a proven lower bound), or NaN when it was not solved. */
  readonly lowerBound: number;
  /** (paid − bound) / paid. */
  readonly gap: number;
  readonly solver: 'highs' | 'greedy';
  /** Why the greedy fallback was used. */
  readonly note?: string;
  readonly wallMs: number;
  /** Agents on each tour of the tour set (tour schedules only). */
  readonly tourCounts?: number[];
}

// The worker runs plain JavaScript (no TypeScript loader needed): it loads HiGHS and solves each model
// it is sent, one at a time, answering with the status, objective and the columns x0 … x(n−1) (and
// y0 … y(ny−1)). Besides the one-shot `solve` it keeps one persistent model for the tours' dive
// (`open`: the LP by the interior-point method with crossover, so a basis is left to warm-start
// from; `dive`: fix tour columns and re-solve by dual simplex from that basis) and runs MIPs that
// stop at a CPU deadline (`mip`: HiGHS's MIP interrupt callback reads the process's CPU clock, since
// its own time limit counts wall time).
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const STATUS = { 7: 'Optimal', 8: 'Infeasible', 13: 'Time limit reached', 17: 'Interrupted' };
require(workerData.highsPath)().then((highs) => {
  let open;
  const columnsOf = (model, n, ny) => {
    const at = (name) => { try { return model.getColByName(name); } catch { return -1; } };
    return { x: Array.from({ length: n }, (_, i) => at('x' + i)), y: Array.from({ length: ny }, (_, j) => at('y' + j)) };
  };
  const answer = (model, cols) => {
    const v = model.getSolution().colValue;
    const status = model.getModelStatus();
    let dual = NaN;
    try { dual = Number(model.info.get('mip_dual_bound')); } catch {}
    return {
      kind: 'result',
      status: STATUS[status] || 'status ' + status,
      objective: model.getObjectiveValue(),
      dualBound: dual,
      values: cols.x.map((c) => (c < 0 ? 0 : v[c])),
      tours: cols.y.map((c) => (c < 0 ? 0 : v[c])),
    };
  };
  parentPort.on('message', (m) => {
    try {
      if (m.kind === 'open') {
        if (open) open.model.dispose();
        const model = highs.createModel({ format: 'lp', data: m.model });
        open = { model, cols: columnsOf(model, m.n, m.ny || 0) };
        model.options.set({ output_flag: false, solver: m.lpSolver, run_crossover: 'on', ...m.options });
        model.run();
        model.options.set({ solver: 'simplex' });
        parentPort.postMessage(answer(model, open.cols));
      } else if (m.kind === 'dive') {
        const { model, cols } = open;
        // HiGHS's run clock adds up over a persistent model's runs: each step is zeroed and limited
        // alone (the loop's own deadlines bound the whole).
        model.options.set({ time_limit: m.options.time_limit });
        const frac = (v) => v - Math.floor(v + 1e-9);
        const wallEnd = performance.now() + m.wallBudgetMs;
        let last = answer(model, cols);
        while (cpuMs() < m.cpuDeadlineMs && performance.now() < wallEnd) {
          const v = model.getSolution().colValue;
          const open_ = cols.y.filter((c) => c >= 0 && frac(v[c]) > 1e-6 && frac(v[c]) < 1 - 1e-6);
          if (open_.length === 0) break;
          // The column nearest an integer is rounded to it; so is every other within m.batch of one.
          const pick = open_.reduce((a, c) => (Math.abs(frac(v[c]) - 0.5) > Math.abs(frac(v[a]) - 0.5) ? c : a));
          for (const c of open_) {
            const f = frac(v[c]);
            if (c !== pick && f >= m.batch && f <= 1 - m.batch) continue;
            if (f < 0.5) model.changeColBounds(c, 0, Math.floor(v[c]));
            else model.changeColBounds(c, Math.ceil(v[c]), highs.infinity);
          }
          model.zeroAllClocks();
          model.run();
          if (model.getModelStatus() !== 7) break;
          last = answer(model, cols);
        }
        // The last optimal LP of the dive (its tours whole when the dive ran to its end).
        parentPort.postMessage(last);
      } else if (m.kind === 'mip') {
        const model = highs.createModel({ format: 'lp', data: m.model });
        try {
          model.options.set({ output_flag: false, ...m.options });
          const cols = columnsOf(model, m.n, m.ny || 0);
          model.run({
            [highs.constants.callbackType.mipInterrupt](event) {
              if (cpuMs() > m.cpuDeadlineMs) event.interrupt();
            },
          });
          parentPort.postMessage(answer(model, cols));
        } finally {
          model.dispose();
        }
      } else {
        const r = highs.solve(m.model, m.options);
        const values = [];
        for (let i = 0; i < m.n; i++) values.push(r.Columns['x' + i] ? r.Columns['x' + i].Primal : 0);
        const tours = [];
        for (let j = 0; j < (m.ny || 0); j++) tours.push(r.Columns['y' + j] ? r.Columns['y' + j].Primal : 0);
        parentPort.postMessage({ kind: 'result', status: r.Status, objective: r.ObjectiveValue, values, tours });
      }
    } catch (err) {
      parentPort.postMessage({ kind: 'error', message: String((err && err.message) || err) });
    }
  });
  parentPort.postMessage({ kind: 'ready' });
}).catch((err) => parentPort.postMessage({ kind: 'error', message: String((err && err.message) || err) }));
`;

interface SolveAnswer {
  status: string;
  objective: number;
  values: number[];
  /** Tour columns y0 … y(ny−1), when asked for. */
  tours: number[];
  /** A MIP's proven dual bound (the `mip` request), NaN otherwise. */
  dualBound: number;
}

/** One HiGHS thread: models go in one at a time; any abort, error or exit rejects every later call. */
export class HighsThread {
  private readonly worker: Worker;
  private pending: { resolve: (a: SolveAnswer) => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;
  private readonly ready: Promise<void>;

  constructor(highsPath: string) {
    this.worker = new Worker(WORKER, { eval: true, workerData: { highsPath } });
    let markReady: () => void = () => {};
    this.ready = new Promise((resolve) => {
      markReady = resolve;
    });
    const fail = (error: Error) => {
      this.failure ??= error;
      markReady();
      this.pending?.reject(error);
      this.pending = undefined;
    };
    this.worker.on('message', (m: { kind: string; message?: string } & Partial<SolveAnswer>) => {
      if (m.kind === 'ready') markReady();
      else if (m.kind === 'error') fail(new Error(`HiGHS failed: ${m.message}`));
      else if (m.kind === 'result') {
        const p = this.pending;
        this.pending = undefined;
        p?.resolve({
          status: m.status ?? '',
          objective: m.objective ?? Number.NaN,
          values: m.values ?? [],
          tours: m.tours ?? [],
          dualBound: m.dualBound ?? Number.NaN,
        });
      }
    });
    this.worker.on('error', (err) => fail(new Error(`HiGHS aborted: ${err.message}`)));
    this.worker.on('exit', (code) => fail(new Error(`the solver thread exited (${code})`)));
  }

  async solve(model: string, n: number, options: Record<string, unknown>, ny = 0): Promise<SolveAnswer> {
    return this.request({ kind: 'solve', model, n, ny, options });
  }

  /**
   * A request to the worker: `open` (a persistent LP, solved by IPM), `dive` (on the open model, until
   * the process's CPU clock passes `cpuDeadlineMs`), `mip` (stopped at `cpuDeadlineMs`) or `solve`.
   */
  async request(message: {
    kind: 'solve' | 'open' | 'dive' | 'mip';
    model?: string;
    n?: number;
    ny?: number;
    options: Record<string, unknown>;
    cpuDeadlineMs?: number;
    /** `open`: the LP's method ('ipm' with crossover, or 'simplex'). */
    lpSolver?: 'ipm' | 'simplex';
    /** `dive`: wall milliseconds it may take. */
    wallBudgetMs?: number;
    batch?: number;
  }): Promise<SolveAnswer> {
    await this.ready;
    if (this.failure) throw this.failure;
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage({
        ...message,
        cpuDeadlineMs: message.cpuDeadlineMs ?? Number.POSITIVE_INFINITY,
        wallBudgetMs: message.wallBudgetMs ?? Number.POSITIVE_INFINITY,
        options: { output_flag: false, ...message.options },
      });
    });
  }

  stop(reason: string): void {
    if (!this.failure) this.failure = new Error(reason);
    this.pending?.reject(this.failure);
    this.pending = undefined;
    void this.worker.terminate();
  }
}

function total(counts: readonly number[], candidates: readonly Shift[]): number {
  return counts.reduce((s, c, i) => s + c * paidPeriods(candidates[i]!), 0);
}

function coversAll(
  counts: readonly number[],
  required: readonly number[],
  candidates: readonly Shift[],
  cyclic: boolean,
): boolean {
  const coverage = scheduledCoverage(counts, candidates, required.length, cyclic);
  const coverable = scheduledCoverage(
    new Array<number>(candidates.length).fill(1),
    candidates,
    required.length,
    cyclic,
  );
  return required.every((r, q) => coverable[q] === 0 || coverage[q]! >= Math.ceil(r));
}

/**
 * The LP optimum rounded up to the next multiple of g, the greatest common divisor of the candidates'
 * paid periods: every schedule's paid total is a whole multiple of g, so this is still a lower bound
 * (the integer-rounding step of a Chvátal–Gomory cut on the objective; Wolsey 1998, §8.2).
 */
function wholeBound(lpObjective: number, candidates: readonly Shift[]): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const g = candidates.reduce((d, c) => gcd(d, paidPeriods(c)), 0) || 1;
  return Math.ceil((lpObjective - 1e-6) / g) * g;
}

/** The model text with lower bounds xᵢ ≥ lᵢ (the models write every ` xi >= 0` bound line). */
function withLowerBounds(model: string, lower: readonly number[], prefix = 'x'): string {
  return model.replace(new RegExp(`^ ${prefix}(\\d+) >= 0$`, 'gm'), (line, i: string) =>
    lower[Number(i)]! > 0 ? ` ${prefix}${i} >= ${lower[Number(i)]}` : line,
  );
}

/**
 * The solvers' clock. `wall`: milliseconds of elapsed time. `cpu`: milliseconds of this process's CPU
 * time (the main thread and HiGHS's thread; one of them works at a time), so a limit means the same
 * work on a loaded machine as on a quiet one. HiGHS's own limit counts wall time, so under `cpu` it
 * gets four times the CPU left and the watchdog (CPU past the limit + 5 s, or wall past ten times the
 * limit) ends it.
 */
export type SolverClock = 'wall' | 'cpu';

export function clockOf(clock: SolverClock | undefined): () => number {
  if (clock !== 'cpu') return () => performance.now();
  return () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
}

/** Stops the thread once the clock passes the limit + 5 s (checked every 250 ms), or the wall clock 10 × the limit. */
function watch(thread: HighsThread, limitSec: number, now: () => number, began: number): () => void {
  const wallStart = performance.now();
  const timer = setInterval(() => {
    if (now() - began > (limitSec + 5) * 1000 || performance.now() - wallStart > 10 * limitSec * 1000)
      thread.stop('the solver overran its time limit (watchdog)');
  }, 250);
  return () => clearInterval(timer);
}

/**
 * Runs a solver's `stages` on `thread` under the watchdog ({@link watch}), then stops the watchdog
 * and the thread whatever happened. Answers the message of what ended the stages early (a WASM
 * abort, the watchdog, the thread's exit), or undefined when they ran to their end.
 */
export async function watchedStages(
  thread: HighsThread,
  limitSec: number,
  now: () => number,
  began: number,
  stages: () => Promise<void>,
): Promise<string | undefined> {
  const unwatch = watch(thread, limitSec, now, began);
  try {
    await stages();
    return undefined;
  } catch (err) {
    return (err as Error).message;
  } finally {
    unwatch();
    thread.stop('done');
  }
}

/** What {@link solveSchedule} reports while it works: the stage, the best paid periods so far, the bound. */
export interface ScheduleProgress {
  readonly stage: 'lp' | 'dive' | 'restricted-mip' | 'mip';
  readonly bestPaid: number;
  readonly lowerBound: number;
}

/**
 * The least-paid schedule covering `required`, within `timeLimitSec` on one HiGHS thread (a watchdog
 * terminates it 5 s after the limit: HiGHS overruns its own limit on hard MIPs, and the dive has an
 * answer by then): (1) the LP relaxation, whose optimum rounded up to a
 * multiple of the paid periods' common divisor is the proven lower bound; (2) an LP dive — fix ⌊x⌋ as lower bounds, round up the largest fractional
 * fifth, re-solve, until integral or stuck — whose end is rounded down and repaired
 * ({@link roundedLpSchedule}); (2b) local search on the best schedule so far
 * ({@link improveSchedule}: drop, and one- and two-shift exchanges), then, with `iterate`, iterated local
 * search ({@link iteratedImprove}) for `iterateRounds` rounds; (3) the integer program
 * restricted to the columns any LP or the best schedule used (a "restricted master" MIP: small, so
 * HiGHS proves its optimum quickly); (4) the full integer program
 * with the time left. It stops as soon as the best schedule is within `acceptGap` of the bound. The
 * answer is the best covering schedule among all of these, the LP rounded up and core's greedy, so a
 * solver failure (a WASM abort in presolve, a timeout) still returns a feasible schedule.
 */
export async function solveSchedule(
  required: readonly number[],
  candidates: readonly Shift[],
  cyclic: boolean,
  o: {
    timeLimitSec: number;
    mipGap?: number;
    /** Stop when the best schedule is within this gap of the LP bound (default: mipGap, 0.1 %). */
    acceptGap?: number;
    startedAt?: () => number;
    /** What `timeLimitSec` counts (default wall; the bench uses cpu). */
    clock?: SolverClock;
    form?: 'difference' | 'plain';
    onProgress?: (p: ScheduleProgress) => void;
    /**
     * Run the iterated local search (2c): CPU on the calling thread, so for a process of its own (the
     * CLI, the bench), not the server's event loop (default false).
     */
    iterate?: boolean;
    /**
     * With `iterate`: rounds of iterated local search (default 300), whatever the clock says, so the
     * answer does not depend on the machine's load (about 0.1 s of CPU a round on a 5,040-shift week).
     */
    iterateRounds?: number;
  },
): Promise<ScheduleSolution> {
  const now = o.startedAt ?? clockOf(o.clock);
  const wallBegan = performance.now();
  const highsScale = o.clock === 'cpu' ? 4 : 1;
  const began = now();
  const mipGap = o.mipGap ?? 0.001;
  const acceptGap = o.acceptGap ?? mipGap;
  const greedy = greedySchedule(required, candidates, cyclic);
  const found: { counts: number[]; solver: 'highs' | 'greedy'; note?: string }[] = [
    { counts: greedy, solver: 'greedy', note: 'greedy beat the solver' },
  ];
  // The least paid; on a tie the solver's schedule (the greedy is the fallback, listed first).
  const best = () =>
    found.reduce((a, b) => {
      const pa = total(a.counts, candidates);
      const pb = total(b.counts, candidates);
      return pb < pa || (pb === pa && a.solver === 'greedy') ? b : a;
    });
  let bound = Number.NaN;
  let error: string | undefined;
  const answer = (): ScheduleSolution => {
    const b = best();
    const paid = total(b.counts, candidates);
    const note = b.solver === 'greedy' ? (error ?? b.note) : b.note;
    return {
      counts: b.counts,
      paidPeriods: paid,
      lowerBound: bound,
      gap: paid > 0 ? (paid - bound) / paid : 0,
      solver: b.solver,
      ...(note ? { note } : {}),
      wallMs: performance.now() - wallBegan,
    };
  };
  if (candidates.length === 0) {
    error = 'no shift the rules allow';
    return answer();
  }
  const highsPath = createRequire(import.meta.url).resolve('highs');
  // The difference form by default: about ten times fewer nonzeros, the same optimum.
  const model = o.form === 'plain' ? coveringModelLp : coveringModelDifferenceLp;
  const n = candidates.length;
  const thread = new HighsThread(highsPath);
  const left = () => o.timeLimitSec - (now() - began) / 1000;
  const highsLeft = (cap = Number.POSITIVE_INFINITY) => Math.max(1, Math.min(left(), cap) * highsScale);
  const done = () => {
    const paid = total(best().counts, candidates);
    return paid > 0 && (paid - bound) / paid <= acceptGap;
  };
  const keep = (counts: number[], note?: string) => {
    if (coversAll(counts, required, candidates, cyclic))
      found.push({ counts, solver: 'highs', ...(note ? { note } : {}) });
  };
  const progress = (stage: ScheduleProgress['stage']) =>
    o.onProgress?.({ stage, bestPaid: total(best().counts, candidates), lowerBound: bound });
  const failed = await watchedStages(thread, o.timeLimitSec, now, began, async () => {
    const lpModel = model(required, candidates, cyclic, false);
    const lp = await thread.solve(lpModel, n, { time_limit: highsLeft() });
    if (lp.status !== 'Optimal') throw new Error(`HiGHS: the LP relaxation ended "${lp.status}"`);
    bound = wholeBound(lp.objective, candidates);
    keep(
      lp.values.map((v) => Math.max(0, Math.ceil(v - 1e-9))),
      'the LP optimum rounded up',
    );
    keep(
      roundedLpSchedule(lp.values, required, candidates, cyclic),
      'the LP optimum rounded down and repaired',
    );
    progress('lp');
    const used = new Set<number>();
    lp.values.forEach((v, i) => {
      if (v > 1e-9) used.add(i);
    });
    // (2) The dive.
    let x = lp.values;
    for (let round = 0; round < 20 && !done() && left() > 1; round++) {
      const fractional = x
        .map((v, i) => ({ f: v - Math.floor(v + 1e-9), i }))
        .filter((e) => e.f > 1e-6)
        .sort((a, b) => b.f - a.f);
      if (fractional.length === 0) break;
      const lower = x.map((v) => Math.floor(v + 1e-9));
      for (const e of fractional.slice(0, Math.max(1, Math.ceil(fractional.length / 5)))) lower[e.i]!++;
      const r = await thread.solve(withLowerBounds(lpModel, lower), n, { time_limit: highsLeft() });
      if (r.status !== 'Optimal') break;
      x = r.values;
      x.forEach((v, i) => {
        if (v > 1e-9) used.add(i);
      });
    }
    keep(roundedLpSchedule(x, required, candidates, cyclic), 'an LP dive, rounded and repaired');
    // The dive rounds each column alone; one- and two-shift exchanges repair what that misses.
    keep(improveSchedule(best().counts, required, candidates, cyclic), 'an LP dive, then local search');
    progress('dive');
    // (2c) Iterated local search while at most half the time is spent, ten rounds at a time (the
    // event loop, and so the watchdog and a cancel, run between them).
    // Counted in rounds, not seconds, so a run gives the same schedule on a loaded machine.
    const chunks = Math.ceil((o.iterateRounds ?? 300) / 10);
    for (let chunk = 1; o.iterate && chunk <= chunks && !done(); chunk++) {
      const before = total(best().counts, candidates);
      keep(
        iteratedImprove(best().counts, required, candidates, cyclic, { rounds: 10, window: 32, seed: chunk }),
        'an LP dive, then iterated local search',
      );
      if (total(best().counts, candidates) < before) progress('dive');
      await new Promise((resolve) => setImmediate(resolve));
    }
    // (3) The integer program over the columns the LPs and the best schedule use.
    if (!done() && left() > 1) {
      best().counts.forEach((c, i) => {
        if (c > 0) used.add(i);
      });
      const columns = [...used].sort((a, b) => a - b);
      const sub = columns.map((i) => candidates[i]!);
      const r = await thread.solve(model(required, sub, cyclic, true), sub.length, {
        time_limit: highsLeft(o.timeLimitSec / 2),
        mip_rel_gap: mipGap,
      });
      const counts = new Array<number>(n).fill(0);
      columns.forEach((i, k) => {
        counts[i] = Math.max(0, Math.round(r.values[k] ?? 0));
      });
      keep(counts, `the integer program over the ${sub.length} columns the LPs used`);
      progress('restricted-mip');
    }
    // (4) The full integer program with the time left.
    if (!done() && left() > 1) {
      const r = await thread.solve(model(required, candidates, cyclic, true), n, {
        time_limit: highsLeft(),
        mip_rel_gap: mipGap,
      });
      if (r.status === 'Optimal' || r.status === 'Time limit reached')
        keep(r.values.map((v) => Math.max(0, Math.round(v))));
      else error = `HiGHS: ${r.status}`;
      progress('mip');
    }
  });
  if (failed !== undefined) error = failed;
  return answer();
}

/**
 * Weekly tours over a cyclic week ({@link tourModelLp}), on one HiGHS thread with a time limit and a
 * watchdog like {@link solveSchedule}: the LP by the interior-point method (its optimum rounded up is
 * the proven lower bound); a warm-started dive on the tour columns (the one nearest an integer, and
 * every other within a quarter of one, rounded to it, re-solved by dual simplex from the last basis)
 * until the tours are whole; the integer program of the meal places and part-time shifts with those
 * tours fixed (decision 0054); then, when still short of `acceptGap`, the older dive (fix ⌊y⌋, round
 * up the largest fractional fifth), the tours' local search and the full integer program with the time
 * left. Every answer is rounded into whole tours and shifts ({@link roundTours}). A failure still
 * returns the rounding of the last LP, or the greedy tours of {@link roundTours} from nothing.
 */
export async function solveTourSchedule(
  required: readonly number[],
  candidates: readonly Shift[],
  set: TourSet,
  o: {
    timeLimitSec: number;
    mipGap?: number;
    acceptGap?: number;
    onProgress?: (p: ScheduleProgress) => void;
    /** What `timeLimitSec` counts (default wall; the bench uses cpu). */
    clock?: SolverClock;
    /**
     * Run the tours' local search ({@link improveTours}) after the dive: CPU on the calling thread, so
     * for a process of its own (the CLI, the bench), not the server's event loop (default false).
     */
    iterate?: boolean;
    /** With `iterate`: rounds of iterated local search, whatever the clock says (default 10). */
    iterateRounds?: number;
  },
): Promise<ScheduleSolution> {
  const now = clockOf(o.clock);
  const began = now();
  const wallBegan = performance.now();
  const highsScale = o.clock === 'cpu' ? 4 : 1;
  const mipGap = o.mipGap ?? 0.001;
  const acceptGap = o.acceptGap ?? mipGap;
  const n = candidates.length;
  const ny = set.tours.length;
  let bound = Number.NaN;
  let error: string | undefined;
  let best = roundTours([], [], required, candidates, set);
  let note = 'greedy tours';
  let solver: 'highs' | 'greedy' = 'greedy';
  const offer = (r: { counts: number[]; tourCounts: number[] }, by: string) => {
    if (!coversAll(r.counts, required, candidates, true)) return;
    const paid = total(r.counts, candidates);
    const current = total(best.counts, candidates);
    if (paid < current || (paid === current && solver === 'greedy')) {
      best = r;
      note = by;
      solver = 'highs';
    }
  };
  const left = () => o.timeLimitSec - (now() - began) / 1000;
  const highsLeft = (cap = Number.POSITIVE_INFINITY) => Math.max(1, Math.min(left(), cap) * highsScale);
  const done = () => {
    const paid = total(best.counts, candidates);
    return paid > 0 && (paid - bound) / paid <= acceptGap;
  };
  const progress = (stage: ScheduleProgress['stage']) =>
    o.onProgress?.({ stage, bestPaid: total(best.counts, candidates), lowerBound: bound });
  const thread = new HighsThread(createRequire(import.meta.url).resolve('highs'));
  const failed = await watchedStages(thread, o.timeLimitSec, now, began, async () => {
    const lpModel = tourModelLp(required, candidates, set, false);
    // The LP by the interior-point method with crossover on large models: ≈ 1 s of CPU on a week of
    // 8,400 candidates against ≈ 8 s by dual simplex, and it leaves a basis for the dive to warm-start
    // from. Small models (a business-hours week: 623) keep dual simplex, as fast there, and its vertex.
    const lp = await thread.request({
      kind: 'open',
      lpSolver: n > 2000 ? 'ipm' : 'simplex',
      model: lpModel,
      n,
      ny,
      options: { time_limit: highsLeft() },
    });
    if (lp.status !== 'Optimal') throw new Error(`HiGHS: the LP relaxation ended "${lp.status}"`);
    bound = wholeBound(lp.objective, candidates);
    offer(roundTours(lp.tours, lp.values, required, candidates, set), 'the LP optimum rounded and repaired');
    progress('lp');
    // (2) A warm-started dive on the tour columns: each step rounds the tour column nearest an integer
    // to it, and every other within a quarter of one, then re-solves by dual simplex from the last
    // basis (≈ 0.1 s a step instead of a fresh LP; "fractional diving", Berthold, "Primal heuristics
    // for mixed integer programs", Diploma thesis, TU Berlin, 2006, §3.1; with rounding down allowed,
    // since a covering LP moves the lost coverage to other tours).
    const cpuDeadlineMs = (limitSec: number) =>
      o.clock === 'cpu' ? began + limitSec * 1000 : Number.POSITIVE_INFINITY;
    if (!done() && left() > 1) {
      const dive = await thread.request({
        kind: 'dive',
        options: { time_limit: highsLeft() },
        cpuDeadlineMs: cpuDeadlineMs(o.timeLimitSec * 0.4),
        wallBudgetMs: o.clock === 'cpu' ? Number.POSITIVE_INFINITY : Math.max(0, left() * 0.4) * 1000,
        batch: 0.25,
      });
      if (dive.status === 'Optimal') {
        offer(
          roundTours(dive.tours, dive.values, required, candidates, set),
          'a warm-started LP dive on the tours, rounded and repaired',
        );
        // (2b) With the tours whole, the meal places and part-time shifts are a small integer program
        // (the tours' columns fixed): HiGHS solves it to optimality or to the limit.
        const whole = dive.tours.every((v) => Math.abs(v - Math.round(v)) < 1e-6);
        if (whole && !done() && left() > 1) {
          const fixed = tourModelLp(required, candidates, set, true).replace(
            /^ y(\d+) >= 0$/gm,
            (_line, j: string) => ` y${j} = ${Math.round(dive.tours[Number(j)]!)}`,
          );
          const r = await thread.request({
            kind: 'mip',
            model: fixed,
            n,
            ny,
            options: {
              // Under the CPU clock the interrupt at the CPU deadline ends it; the wall limit is the
              // watchdog's (10 × the limit), since a loaded machine gives HiGHS a tenth of a core.
              time_limit:
                o.clock === 'cpu'
                  ? 10 * o.timeLimitSec
                  : Math.max(1, o.timeLimitSec * 0.8 - (o.timeLimitSec - left())),
              mip_rel_gap: mipGap,
            },
            cpuDeadlineMs: cpuDeadlineMs(o.timeLimitSec * 0.8),
          });
          if (r.status === 'Optimal' || r.status === 'Time limit reached' || r.status === 'Interrupted')
            offer(
              roundTours(r.tours, r.values, required, candidates, set),
              'a warm-started LP dive on the tours, then the integer program of their meals and part-time shifts',
            );
        }
      }
      progress('dive');
    }
    let last = lp;
    // (2c) The older dive, when the above left the answer short of acceptGap: it fixes the tours first;
    // once they are whole, the shifts (meal places, part-time); each step a fresh LP.
    let lowerY = last.tours.map(() => 0);
    let lowerX = last.values.map(() => 0);
    for (let round = 0; round < 30 && !done() && left() > 1; round++) {
      const fractionalOf = (values: readonly number[]) =>
        values
          .map((v, j) => ({ f: v - Math.floor(v + 1e-9), j }))
          .filter((e) => e.f > 1e-6)
          .sort((p, q) => q.f - p.f);
      const fy = fractionalOf(last.tours);
      const fx = fy.length === 0 ? fractionalOf(last.values) : [];
      if (fy.length === 0 && fx.length === 0) break;
      lowerY = last.tours.map((v) => Math.floor(v + 1e-9));
      if (fy.length === 0) lowerX = last.values.map((v) => Math.floor(v + 1e-9));
      const bump = (list: { j: number }[], lower: number[]) => {
        for (const e of list.slice(0, Math.max(1, Math.ceil(list.length / 5)))) lower[e.j]!++;
      };
      bump(fy, lowerY);
      bump(fx, lowerX);
      const r = await thread.solve(
        withLowerBounds(withLowerBounds(lpModel, lowerY, 'y'), lowerX, 'x'),
        n,
        { time_limit: highsLeft() },
        ny,
      );
      if (r.status !== 'Optimal') break;
      last = r;
      offer(
        roundTours(r.tours, r.values, required, candidates, set),
        'an LP dive on the tours then the shifts, rounded and repaired',
      );
    }
    progress('dive');
    // (2c) Local search on the tours, ten rounds at a time (the event loop, the watchdog and a cancel
    // run between them). Counted in rounds, not seconds: the same answer on a loaded machine.
    const rounds = o.iterateRounds ?? 10;
    if (o.iterate) {
      for (let chunk = 1; chunk <= Math.ceil(rounds / 10) && !done(); chunk++) {
        offer(
          improveTours(best, required, candidates, set, {
            rounds: Math.min(10, rounds - 10 * (chunk - 1)),
            window: 32,
            seed: chunk,
          }),
          'an LP dive, then iterated local search on the tours',
        );
        await new Promise((resolve) => setImmediate(resolve));
      }
      progress('dive');
    }
    if (!done() && left() > 1) {
      const r = await thread.solve(
        tourModelLp(required, candidates, set, true),
        n,
        { time_limit: highsLeft(), mip_rel_gap: mipGap },
        ny,
      );
      if (r.status === 'Optimal' || r.status === 'Time limit reached')
        offer(
          {
            counts: r.values.map((v) => Math.max(0, Math.round(v))),
            tourCounts: r.tours.map((v) => Math.max(0, Math.round(v))),
          },
          'HiGHS integer program',
        );
      progress('mip');
    }
  });
  if (failed !== undefined) error = failed;
  const paid = total(best.counts, candidates);
  const why = solver === 'greedy' ? (error ?? note) : note;
  return {
    counts: best.counts,
    tourCounts: best.tourCounts,
    paidPeriods: paid,
    lowerBound: bound,
    gap: paid > 0 ? (paid - bound) / paid : 0,
    solver,
    note: why,
    wallMs: performance.now() - wallBegan,
  };
}
