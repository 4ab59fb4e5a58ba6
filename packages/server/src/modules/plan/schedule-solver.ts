// Solving the covering integer program with HiGHS (npm `highs`, WebAssembly) in a worker thread, with a
// time limit and a watchdog; any failure (a WASM abort in presolve, a timeout, an infeasible answer)
// falls back to core's greedy schedule, so a feasible schedule always comes back. Decision 0023.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import {
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
  const lp = highs.solve(workerData.lp, options);
  parentPort.postMessage({ kind: 'lp', status: lp.Status, objective: lp.ObjectiveValue });
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
 * The least-paid schedule covering `required`, by HiGHS within `timeLimitSec` (watchdog: the thread is
 * terminated 5 s after it), else the greedy schedule.
 */
export async function solveSchedule(
  required: readonly number[],
  candidates: readonly Shift[],
  cyclic: boolean,
  o: { timeLimitSec: number; mipGap?: number; startedAt?: () => number },
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
  const lp = coveringModelLp(required, candidates, cyclic, false);
  const mip = coveringModelLp(required, candidates, cyclic, true);
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
        if (m.kind === 'lp' && m.status === 'Optimal') bound = Math.ceil((m.objective ?? Number.NaN) - 1e-6);
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
  if (answer.values && !answer.error) {
    const counts = answer.values.map((v) => Math.max(0, Math.round(v)));
    if (coversAll(counts, required, candidates, cyclic)) {
      const paid = total(counts, candidates);
      return {
        counts,
        paidPeriods: paid,
        lowerBound: answer.bound,
        gap: paid > 0 ? (paid - answer.bound) / paid : 0,
        solver: 'highs',
        wallMs: now() - began,
      };
    }
    return fallback('HiGHS returned a schedule that does not cover every period', answer.bound);
  }
  return fallback(answer.error ?? 'no solution', answer.bound);
}
