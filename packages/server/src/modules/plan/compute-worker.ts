// A worker thread's entry (see run-in-worker.ts): computes one plan and posts its JSON back, so the
// server's event loop stays free while core's maths runs. A saved plan's build (`plan-build`) posts
// its progress on the way; HiGHS runs in a thread of this one, so terminating this ends it too.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../platform/http/problem.js';
import { computePlan } from './compute.js';
import { forecastAnswer } from './forecast-in-worker.js';
import type { WorkerKind } from './run-in-worker.js';
import { type BuildLimits, buildSavedPlan, PlanBuildError } from './saved/build.js';
import type { SavedPlanInput } from './saved/schemas.js';

// On Linux a nice value belongs to a thread, and pid 0 names the calling one: this thread yields
// the CPU to the server's event loop when both want it (a no-op where not permitted or supported).
try {
  setPriority(10);
} catch {
  // Not permitted here: the thread runs at the process's priority.
}

/** What a `plan-build` is sent: the plan's inputs and its limits. */
export interface PlanBuildRequest {
  input: SavedPlanInput;
  limits: BuildLimits;
}

async function compute(kind: WorkerKind, body: unknown): Promise<string> {
  if (kind === 'forecast') return forecastAnswer(body);
  if (kind !== 'plan-build') return computePlan(kind, body);
  const { input, limits } = body as PlanBuildRequest;
  try {
    const result = await buildSavedPlan(input, {
      ...limits,
      progress: (fraction) => parentPort!.postMessage({ progress: fraction }),
    });
    return JSON.stringify(result);
  } catch (err) {
    if (err instanceof PlanBuildError) throw new AppError('validation_failed', err.message);
    throw err;
  }
}

const { kind, body: json } = workerData as { kind: WorkerKind; body: Uint8Array };
try {
  const body = JSON.parse(new TextDecoder().decode(json)) as unknown;
  // Encoded here and transferred, not copied: a year of intervals is about 14 MB of JSON.
  const bytes = new TextEncoder().encode(await compute(kind, body));
  parentPort!.postMessage({ ok: true, bytes }, [bytes.buffer]);
} catch (err) {
  if (err instanceof AppError) parentPort!.postMessage({ ok: false, problem: err.toProblem() });
  else parentPort!.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
}
