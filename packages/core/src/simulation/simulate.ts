import type { ContactRecord } from './counters.js';
import { Replication } from './engine.js';
import { estimateMetrics, type PeriodMetrics, replicationMetrics } from './metrics.js';
import { compileScenario } from './model.js';
import type { Scenario } from './scenario.js';
import type { Estimate } from './statistics.js';
import { assertValidScenario } from './validate.js';

export interface SimulateOptions {
  /** Called with the fraction done (0…1) during long runs and once at the end with 1. */
  onProgress?: (fractionDone: number) => void;
  /** Also return what happened to every contact (memory grows with the run: for tests and small runs). */
  collectContacts?: boolean;
}

/** Metrics of one interval, with its place on the clock. */
export interface IntervalResult extends PeriodMetrics<Estimate> {
  index: number;
  startSec: number;
}

/** Output of `simulate`: JSON-able (no Infinity; undefined figures are null). */
export interface SimulationResult {
  name?: string;
  replications: number;
  serviceLevelThresholdSec: number;
  intervalLengthSec: number;
  warmupIntervals: number;
  skills: string[];
  groups: { id: string; provider?: string; site?: string }[];
  intervals: IntervalResult[];
  /** Over all intervals after the warm-up. */
  total: PeriodMetrics<Estimate>;
  /** Events handled over all replications (for throughput figures). */
  events: number;
  /** Per replication, every contact's outcome, when `collectContacts` was set. */
  contacts?: ContactRecord[][];
}

/**
 * Simulates a contact center scenario over R independent replications (seeds seed, seed + 1, …)
 * and reports each metric's mean and 95% confidence interval per interval and in total. The model
 * and its validation against Erlang C and Erlang A are described in docs/maths/simulation.md.
 *
 * @throws {RangeError} when `validateScenario` finds problems (the message lists them).
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimulationResult {
  assertValidScenario(scenario);
  const model = compileScenario(scenario);
  const replicationCount = scenario.replications ?? 1;
  const perInterval: PeriodMetrics<number>[][] = Array.from({ length: model.intervalCount }, () => []);
  const totals: PeriodMetrics<number>[] = [];
  const contacts: ContactRecord[][] = [];
  const { onProgress } = options;
  let events = 0;
  for (let r = 0; r < replicationCount; r++) {
    const records = options.collectContacts ? [] : undefined;
    const seed = (scenario.seed + r) >>> 0;
    const counters = new Replication(model, seed, records).run(
      onProgress && ((nowSec) => onProgress((r + Math.min(nowSec / model.horizonSec, 1)) / replicationCount)),
    );
    events += counters.events;
    for (let i = 0; i < model.intervalCount; i++)
      perInterval[i]!.push(replicationMetrics(counters, i, i + 1));
    totals.push(replicationMetrics(counters, model.warmupIntervals, model.intervalCount));
    if (records) contacts.push(records);
    onProgress?.((r + 1) / replicationCount);
  }
  const result: SimulationResult = {
    replications: replicationCount,
    serviceLevelThresholdSec: model.thresholdSec,
    intervalLengthSec: model.intervalLengthSec,
    warmupIntervals: model.warmupIntervals,
    skills: model.skillIds,
    groups: scenario.groups.map(({ id, provider, site }) => ({ id, provider, site })),
    intervals: perInterval.map((replications, index) => ({
      index,
      startSec: index * model.intervalLengthSec,
      ...estimateMetrics(replications),
    })),
    total: estimateMetrics(totals),
    events,
  };
  if (scenario.name !== undefined) result.name = scenario.name;
  if (options.collectContacts) result.contacts = contacts;
  return result;
}
