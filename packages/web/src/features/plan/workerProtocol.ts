// Messages between the Plan page and plan.worker.ts, and a small client that runs one job at a time.
import type { Scenario, SimulationResult } from '@shoreline/core/simulation/index';
import type { CalcOutcome, CalcParams } from './calculatorCompute';
import type { PlanOutcome, WhatIf } from './intervalCompute';
import type { IntervalTable, ParseOutcome } from './intervalCsv';

export type WorkerRequest =
  | { id: number; kind: 'parse'; text: string }
  | { id: number; kind: 'plan'; table: IntervalTable; whatIf: WhatIf }
  | { id: number; kind: 'simulate'; scenario: Scenario }
  | { id: number; kind: 'calc'; params: CalcParams };

export type WorkerResponse =
  | { id: number; kind: 'progress'; fraction: number }
  | { id: number; kind: 'parse'; outcome: ParseOutcome }
  | { id: number; kind: 'plan'; outcome: PlanOutcome }
  | { id: number; kind: 'simulate'; result: SimulationResult }
  | { id: number; kind: 'calc'; outcome: CalcOutcome }
  | { id: number; kind: 'error'; message: string };

type Done = Exclude<WorkerResponse, { kind: 'progress' }>;

/** Thrown (and meant to be ignored) when a newer job or `cancel` replaces a running one. */
export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type RequestBody = WithoutId<WorkerRequest>;

/**
 * Runs jobs in a module worker. Starting a job while another runs terminates the old worker (the
 * maths does not yield, so this is the only way to stop it) and rejects its promise with JobCancelled.
 */
export class PlanWorkerClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private pending: { id: number; reject: (e: unknown) => void } | undefined;

  run(request: RequestBody, onProgress: (fraction: number) => void): Promise<Done> {
    if (this.pending) this.cancel();
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<Done>((resolve, reject) => {
      this.pending = { id, reject };
      worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
        const message = event.data;
        if (message.id !== id) return;
        if (message.kind === 'progress') return onProgress(message.fraction);
        this.pending = undefined;
        resolve(message);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        this.pending = undefined;
        this.dispose();
        reject(new Error(event.message || 'worker failed'));
      };
      worker.postMessage({ ...request, id } as WorkerRequest);
    });
  }

  /** Stops the running job, if any. */
  cancel(): void {
    const pending = this.pending;
    this.pending = undefined;
    this.dispose();
    pending?.reject(new JobCancelled());
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }

  private ensureWorker(): Worker {
    this.worker ??= new Worker(new URL('./plan.worker.ts', import.meta.url), { type: 'module' });
    return this.worker;
  }
}

/** What a page does with a job: its progress, its end (either way), its answer, or what failed. */
export interface JobHandlers<K extends RequestBody['kind']> {
  onProgress(fraction: number): void;
  onSettled(): void;
  onDone(answer: Extract<Done, { kind: K }>): void;
  onFailed(message: string): void;
}

/**
 * Runs a job and hands its end on: `onSettled`, then the answer of the job's kind or what failed (the
 * worker's message, or its crash). A cancelled job hands on nothing: a newer job or the user stopped it.
 */
export function runJob<K extends RequestBody['kind']>(
  client: PlanWorkerClient,
  request: Extract<RequestBody, { kind: K }>,
  on: JobHandlers<K>,
): void {
  client
    .run(request, on.onProgress)
    .then((done) => {
      on.onSettled();
      if (done.kind === request.kind) on.onDone(done as Extract<Done, { kind: K }>);
      else if (done.kind === 'error') on.onFailed(done.message);
    })
    .catch((error: unknown) => {
      if (error instanceof JobCancelled) return;
      on.onSettled();
      on.onFailed(error instanceof Error ? error.message : String(error));
    });
}
