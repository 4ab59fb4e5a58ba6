// Solving the covering integer program with HiGHS (npm `highs`, WebAssembly) in a worker thread, with a
// time limit and a watchdog; any failure (a WASM abort in presolve, a timeout, an infeasible answer)
// falls back to core's greedy schedule, so a feasible schedule always comes back. Decision 0023.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import {
  coveringModelDifferenceLp,
  coveringModelLp,
  greedySchedule,
  paidPeriods,
  type Shift,
  scheduledCoverage,
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
}

// The worker runs plain JavaScript (no TypeScript loader needed): it loads HiGHS, solves the LP then the MIP.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
require(workerData.highsPath)().then((highs) => {
  const options = { output_flag: false, time_limit: workerData.timeLimitSec, mip_rel_gap: workerData.mipGap };
  const began = performance.now();
  const lp = highs.solve(workerData.lp, options);
  const lpValues = [];
  for (let i = 0; i < workerData.n; i++) lpValues.push(lp.Columns['x' + i] ? lp.Columns['x' + i].Primal : 0);
  parentPort.postMessage({ kind: 'lp', status: lp.Status, objective: lp.ObjectiveValue, values: lpValues });
  // One time limit for both solves (elapsed time on the monotonic clock, not the wall clock).
  options.time_limit = Math.max(1, workerData.timeLimitSec - (performance.now() - began) / 1000);
  const mip = highs.solve(workerData.mip, options);
  const values = [];
  for (let i = 0; i < workerData.n; i++) values.push(mip.Columns['x' + i] ? mip.Columns['x' + i].Primal : 0);
  parentPort.postMessage({ kind: 'mip', status: mip.Status, objective: mip.ObjectiveValue, values });
}).catch((err) => parentPort.postMessage({ kind: 'error', message: String(err && err.message || err) }));
`;

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
 * The least-paid schedule covering `required`: the best of HiGHS's integer solution within
 * `timeLimitSec` (LP then MIP share it; a watchdog terminates the thread 5 s after twice the limit),
 * the LP optimum rounded up, and the greedy schedule. `lowerBound` is the LP optimum rounded up.
 */
export async function solveSchedule(
  required: readonly number[],
  candidates: readonly Shift[],
  cyclic: boolean,
  o: { timeLimitSec: number; mipGap?: number; startedAt?: () => number; form?: 'difference' | 'plain' },
): Promise<ScheduleSolution> {
  const now = o.startedAt ?? (() => performance.now());
  const began = now();
  const fallback = (note: string, lowerBound = Number.NaN): ScheduleSolution => {
    const counts = greedySchedule(required, candidates, cyclic);
    const paid = total(counts, candidates);
    return {
      counts,
      paidPeriods: paid,
      lowerBound,
      gap: paid > 0 ? (paid - lowerBound) / paid : 0,
      solver: 'greedy',
      note,
      wallMs: now() - began,
    };
  };
  if (candidates.length === 0) return fallback('no shift the rules allow');
  const highsPath = createRequire(import.meta.url).resolve('highs');
  // The difference form by default: about ten times fewer nonzeros, the same optimum.
  const model = o.form === 'plain' ? coveringModelLp : coveringModelDifferenceLp;
  const lp = model(required, candidates, cyclic, false);
  const mip = model(required, candidates, cyclic, true);
  let lpValues: number[] | undefined;
  const answer = await new Promise<{ bound: number; values?: number[]; error?: string }>((resolve) => {
    let bound = Number.NaN;
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: {
        highsPath,
        lp,
        mip,
        n: candidates.length,
        timeLimitSec: o.timeLimitSec,
        mipGap: o.mipGap ?? 0.001,
      },
    });
    let done = false;
    const finish = (value: { bound: number; values?: number[]; error?: string }) => {
      if (done) return;
      done = true;
      clearTimeout(watchdog);
      void worker.terminate();
      resolve(value);
    };
    const watchdog = setTimeout(
      () => finish({ bound, error: 'the solver overran its time limit (watchdog)' }),
      (2 * o.timeLimitSec + 5) * 1000,
    );
    worker.on(
      'message',
      (m: { kind: string; status?: string; objective?: number; values?: number[]; message?: string }) => {
        if (m.kind === 'lp' && m.status === 'Optimal') {
          bound = Math.ceil((m.objective ?? Number.NaN) - 1e-6);
          lpValues = m.values;
        }
        if (m.kind === 'error') finish({ bound, error: `HiGHS failed: ${m.message}` });
        if (m.kind === 'mip')
          finish({
            bound,
            values: m.values ?? [],
            error:
              m.status === 'Optimal' || m.status === 'Time limit reached' ? undefined : `HiGHS: ${m.status}`,
          });
      },
    );
    worker.on('error', (err) => finish({ bound, error: `HiGHS aborted: ${err.message}` }));
    worker.on('exit', (code) => finish({ bound, error: `the solver thread exited (${code})` }));
  });
  // The best covering schedule among HiGHS's incumbent, the LP optimum rounded up (feasible: every
  // covering constraint is ≥ with nonnegative coefficients) and the greedy one.
  const found: { counts: number[]; solver: 'highs' | 'greedy'; note?: string }[] = [];
  if (answer.values && !answer.error) {
    const counts = answer.values.map((v) => Math.max(0, Math.round(v)));
    if (coversAll(counts, required, candidates, cyclic)) found.push({ counts, solver: 'highs' });
  }
  const relaxed = lpValues as number[] | undefined;
  if (relaxed) {
    const counts = relaxed.map((v) => Math.max(0, Math.ceil(v - 1e-9)));
    if (coversAll(counts, required, candidates, cyclic))
      found.push({ counts, solver: 'highs', note: 'the LP optimum rounded up' });
  }
  found.push({
    counts: greedySchedule(required, candidates, cyclic),
    solver: 'greedy',
    note: answer.error ?? 'greedy beat the solver',
  });
  const best = found.reduce((a, b) => (total(b.counts, candidates) < total(a.counts, candidates) ? b : a));
  const paid = total(best.counts, candidates);
  const note = best.note ?? answer.error;
  return {
    counts: best.counts,
    paidPeriods: paid,
    lowerBound: answer.bound,
    gap: paid > 0 ? (paid - answer.bound) / paid : 0,
    solver: best.solver,
    ...(note ? { note } : {}),
    wallMs: now() - began,
  };
}
