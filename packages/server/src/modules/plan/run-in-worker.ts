import { Worker } from 'node:worker_threads';
import type { ProblemBody } from '../../platform/http/problem.js';
import type { PlanKind } from './compute.js';

/** What a worker computes: a staffing plan or simulation (compute.ts), or a whole saved plan. */
export type WorkerKind = PlanKind | 'plan-build';

export type WorkerAnswer =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; problem?: ProblemBody; error?: string };

/** The worker's module: compiled JavaScript in dist/, or TypeScript source (tests, `--conditions=source`). */
function startWorker(workerData: unknown): Worker {
  const entry = new URL(
    `./compute-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`,
    import.meta.url,
  );
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData });
  // Source mode: load the TypeScript entry through tsx (a dev dependency, present wherever source runs).
  return new Worker(
    `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`,
    { eval: true, workerData, execArgv: ['--conditions=source'] },
  );
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
  return new Promise((resolve, reject) => {
    const worker = startWorker({ kind, body });
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
