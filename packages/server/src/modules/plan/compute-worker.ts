// A worker thread's entry (see run-in-worker.ts): computes one plan and posts its JSON back, so the
// server's event loop stays free while core's maths runs.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../platform/http/problem.js';
import { computePlan, type PlanKind } from './compute.js';

// On Linux a nice value belongs to a thread, and pid 0 names the calling one: this thread yields
// the CPU to the server's event loop when both want it (a no-op where not permitted or supported).
try {
  setPriority(10);
} catch {
  // Not permitted here: the thread runs at the process's priority.
}

const { kind, body: json } = workerData as { kind: PlanKind; body: Uint8Array };
try {
  const body = JSON.parse(new TextDecoder().decode(json)) as unknown;
  // Encoded here and transferred, not copied: a year of intervals is about 14 MB of JSON.
  const bytes = new TextEncoder().encode(computePlan(kind, body));
  parentPort!.postMessage({ ok: true, bytes }, [bytes.buffer]);
} catch (err) {
  if (err instanceof AppError) parentPort!.postMessage({ ok: false, problem: err.toProblem() });
  else parentPort!.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
}
