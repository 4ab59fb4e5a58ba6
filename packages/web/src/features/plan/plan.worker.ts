// The Plan page's background thread: staffs big interval files and runs simulations, reporting
// progress, so the page stays responsive. One job at a time; the page cancels by terminating.
import { type Scenario, simulate } from '@shoreline/core/simulation/index';
import { computeCalculation } from './calculatorCompute';
import { computePlan, transferables } from './intervalCompute';
import { parseIntervalCsv, tableTransferables } from './intervalCsv';
import type { WorkerRequest, WorkerResponse } from './workerProtocol';

const post = (message: WorkerResponse, transfer: Transferable[] = []) =>
  self.postMessage(message, { transfer });

/** At most ~20 progress messages a second. */
function throttledProgress(id: number) {
  let last = 0;
  return (fraction: number) => {
    const now = performance.now();
    if (fraction < 1 && now - last < 50) return;
    last = now;
    post({ id, kind: 'progress', fraction });
  };
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.kind === 'parse') {
      const outcome = parseIntervalCsv(request.text, throttledProgress(request.id));
      post({ id: request.id, kind: 'parse', outcome }, outcome.ok ? tableTransferables(outcome.table) : []);
    } else if (request.kind === 'plan') {
      const outcome = computePlan(request.table, request.whatIf, throttledProgress(request.id));
      post(
        { id: request.id, kind: 'plan', outcome },
        outcome.ok ? transferables(outcome.result.columns) : [],
      );
    } else if (request.kind === 'calc') {
      post({ id: request.id, kind: 'calc', outcome: computeCalculation(request.params) });
    } else {
      const result = simulate(request.scenario as Scenario, { onProgress: throttledProgress(request.id) });
      post({ id: request.id, kind: 'simulate', result });
    }
  } catch (error) {
    post({ id: request.id, kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
