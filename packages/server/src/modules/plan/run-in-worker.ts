import { Worker } from 'node:worker_threads';
import type { ProblemBody } from '../../platform/http/problem.js';
import type { PlanKind } from './compute.js';
import { sourceWorkerBundle } from './source-worker-bundle.js';

/**
 * What a worker computes: a staffing plan or simulation (compute.ts), a whole saved plan, or one
 * forecast (forecast-in-worker.ts).
 */
export type WorkerKind = PlanKind | 'plan-build' | 'forecast';

export type WorkerAnswer =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; problem?: ProblemBody; error?: string };

/**
 * The worker's module: compiled JavaScript in dist/, or in source mode (tests, `--conditions=source`)
 * the TypeScript entry bundled once per process (source-worker-bundle.ts).
 */
async function startWorker(workerData: unknown): Promise<Worker> {
  const entry = new URL(
    `./compute-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`,
    import.meta.url,
  );
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData });
  return new Worker(await sourceWorkerBundle(entry), { workerData });
}

/**
 * Computes a plan in a worker thread within `budgetMs` of wall time; past it (or when `signal`
 * aborts) the thread is terminated, with any thread it started (HiGHS's), and the promise rejects.
 * `onProgress` hears the fractions the worker posts on the way.
 */
export function runInWorker(
  kind: WorkerKind,
  /** The request body as JSON bytes, parsed in the worker. */
  body: Uint8Array,
  o: { budgetMs: number; signal?: AbortSignal | undefined; onProgress?: (fraction: number) => void },
): Promise<WorkerAnswer> {
  return startWorker({ kind, body }).then((worker) => settleWorker(worker, o));
}

/** The answer of a started worker, within the budget, the signal and the progress of runInWorker. */
function settleWorker(
  worker: Worker,
  o: { budgetMs: number; signal?: AbortSignal | undefined; onProgress?: (fraction: number) => void },
): Promise<WorkerAnswer> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(new Error(`the calculation exceeded its time budget of ${Math.round(o.budgetMs / 1000)} s`)),
        ),
      o.budgetMs,
    );
    const onAbort = () => finish(() => reject(o.signal?.reason ?? new Error('aborted')));
    if (o.signal?.aborted) return onAbort();
    o.signal?.addEventListener('abort', onAbort);
    worker.on('message', (m: WorkerAnswer | { progress: number }) => {
      if ('progress' in m) {
        if (!settled) o.onProgress?.(m.progress);
      } else finish(() => resolve(m));
    });
    worker.once('error', (err) => finish(() => reject(err)));
    worker.once('exit', (code) =>
      finish(() => reject(new Error(`the calculation's thread ended (${code})`))),
    );
  });
}
