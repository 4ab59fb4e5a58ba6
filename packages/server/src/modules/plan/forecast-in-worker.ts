// One core forecast in a worker thread, for callers on a request's thread (Source's forecast demand):
// auto's rolling-origin backtest costs up to a second of CPU at their bounds (bench forecast-cost).
import { ForecastInputError, type ForecastRequest, forecast } from '@shoreline/core';
import { runInWorker } from './run-in-worker.js';

/** What comes back: the method chosen and the point forecast of each interval. */
export interface WorkerForecast {
  readonly method: string;
  readonly volumes: readonly number[];
}

type Answer = WorkerForecast | { readonly inputError: { readonly message: string; readonly field: string } };

/** In the worker: the forecast, or the input error core named (sent back as data, not thrown). */
export function forecastAnswer(body: unknown): string {
  try {
    const r = forecast(body as ForecastRequest);
    return JSON.stringify({ method: r.method, volumes: r.points.map((p) => p.volume) } satisfies Answer);
  } catch (err) {
    if (err instanceof ForecastInputError)
      return JSON.stringify({ inputError: { message: err.message, field: err.field } } satisfies Answer);
    throw err;
  }
}

/** Forecast threads a process runs at once; more callers wait their turn (a burst starts no more threads). */
const MAX_THREADS = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  // A finishing caller hands its thread slot straight to the next in line, so never more than MAX run.
  if (running < MAX_THREADS) running++;
  else await new Promise<void>((r) => waiting.push(r));
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/**
 * core's `forecast` computed in a worker thread within `budgetMs`, so the event loop stays free; at
 * most two such threads at once per process.
 * @throws {ForecastInputError} as core would, naming the field; an Error past the budget.
 */
export async function forecastInWorker(
  request: ForecastRequest,
  o: { budgetMs: number },
): Promise<WorkerForecast> {
  const body = new TextEncoder().encode(JSON.stringify(request));
  const answer = await inTurn(() => runInWorker('forecast', body, o));
  if (!answer.ok) throw new Error(answer.error ?? answer.problem?.detail ?? 'the forecast failed');
  const result = JSON.parse(new TextDecoder().decode(answer.bytes)) as Answer;
  if ('inputError' in result)
    throw new ForecastInputError(result.inputError.message, result.inputError.field);
  return result;
}
