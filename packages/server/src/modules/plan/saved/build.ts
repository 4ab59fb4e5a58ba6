// Building a saved plan: forecast the imported history → staff each interval with Erlang C (Plan's
// core) → split the volume across the in-house team and vendors by contracted hours → schedule each
// provider's agents as shifts at the least paid hours (HiGHS in its own worker, greedy fallback),
// improved by the CLI's local search → staff the shifts with the named agents. All of it runs in one
// worker thread (compute-worker.ts, kind `plan-build`), so a cancel ends it, HiGHS included, at once.
import { forecast } from '@shoreline/core/forecast/index';
import {
  paidPeriods,
  resolveLabour,
  type ScheduleRules,
  shiftCandidates,
  validateRules,
} from '@shoreline/core/schedule/index';
import { splitVolume } from '@shoreline/core/split/index';
import { requiredAgents } from '@shoreline/core/staffing/index';
import { solveSchedule } from '../schedule-solver.js';
import { improveWithinBudget } from './improve.js';
import { rosterOf } from './roster.js';
import type { SavedPlanInput, SavedPlanResult } from './schemas.js';

/** A problem in the input, named by its field: the plan fails with it (no retry would help). */
export class PlanBuildError extends Error {}

/**
 * The shifts a plan schedules: 8 h with an unpaid meal (30 minutes, or one interval when intervals
 * are longer) in its middle hours, and 4 h part-time shifts, starting on the hour; the plan's labour
 * rules (default the EU preset: 11 h rest, night 23:00–06:00), which limit the named agents' shifts.
 */
const rulesFor = (stepMin: number, labour: SavedPlanInput['labour']) => ({
  labour: labour ?? { preset: 'EU' },
  shiftTypes: [
    {
      name: '8h',
      lengthMin: 480,
      meal: {
        lengthMin: Math.max(30, stepMin),
        earliestAfterStartMin: 180,
        latestBeforeEndMin: 120,
        gridMin: stepMin,
      },
    },
    { name: '4h', lengthMin: 240 },
  ],
  startGridMin: 60,
  mode: 'horizon',
});

const DAY_MS = 86_400_000;
const localMs = (stamp: string) => Date.parse(`${stamp}:00Z`);
const localStamp = (ms: number) => new Date(ms).toISOString().slice(0, 16);

/** Wraps core's input errors (each names its field) as {@link PlanBuildError}. */
function named<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    const field = (err as { field?: unknown }).field;
    if (typeof field === 'string') throw new PlanBuildError(`${prefix}${field}: ${(err as Error).message}`);
    throw err;
  }
}

/** What the worker thread computes: the forecast, the pooled requirement and the split. */
export interface PreparedPlan {
  readonly forecastStartMs: number;
  readonly method: string;
  readonly points: readonly { volume: number; lower: number; upper: number }[];
  readonly required: number[];
  readonly split: ReturnType<typeof splitVolume>;
  readonly backtest: SavedPlanResult['backtest'];
}

/**
 * Forecast (`auto`, by rolling-origin backtest) → Erlang C per interval → split by contracted hours:
 * the CPU-heavy part, run in a worker thread (compute.ts, kind `plan-prepare`).
 * @throws {PlanBuildError} naming the field of the input at fault.
 */
export function preparePlan(input: SavedPlanInput): PreparedPlan {
  const { stepMin, values } = input.history;
  const perDay = 1440 / stepMin;
  if (values.length % perDay !== 0)
    throw new PlanBuildError(`history.values: ${values.length} intervals are not whole days of ${perDay}`);
  const startMs = localMs(input.history.start);
  const firstDayOfWeek = new Date(startMs).getUTCDay();
  const horizon = input.horizonDays * perDay;
  const made = named('history.', () =>
    forecast({ series: { values, periodsPerDay: perDay, firstDayOfWeek }, horizon }),
  );
  const targets = { serviceLevel: input.serviceLevel };
  const shrinkage = input.shrinkage ?? 0;
  const volume = made.points.map((p) => p.volume);
  const required = named('', () =>
    volume.map((v) =>
      v > 0
        ? requiredAgents({ volume: v, intervalSec: stepMin * 60, ahtSec: input.ahtSec, targets, shrinkage })
            .scheduledAgents
        : 0,
    ),
  );
  const forecastStartMs = startMs + (values.length / perDay) * DAY_MS;
  const split = named('', () =>
    splitVolume({
      demand: [{ language: input.language ?? 'en', volume }],
      providers: input.providers,
      stepMin,
      firstDayOfWeek: new Date(forecastStartMs).getUTCDay(),
      ahtSec: input.ahtSec,
      targets,
      shrinkage,
    }),
  );
  // Each candidate's backtest errors (NaN, where a metric has no scale, becomes null in JSON).
  const metric = (m: { mae: number; wape: number; mase: number }) => ({
    mae: Number.isFinite(m.mae) ? m.mae : null,
    wape: Number.isFinite(m.wape) ? m.wape : null,
    mase: Number.isFinite(m.mase) ? m.mase : null,
  });
  const backtest = made.backtest
    .filter((b) => !b.failed)
    .map((b) => ({ method: b.method, interval: metric(b.interval), day: metric(b.day) }));
  return { forecastStartMs, method: made.method, points: made.points, required, split, backtest };
}

/** How long a build may take: the solver's limit and the local search's budget for each provider. */
export interface BuildLimits {
  /** Seconds HiGHS may spend on each provider's shifts (its watchdog stops it 5 s later). */
  readonly timeLimitSec: number;
  /** Stop solving once within this gap of the LP bound (default 2 %). */
  readonly acceptGap?: number | undefined;
  /** Rounds of local search after the solver for each provider (the CLI's 300). */
  readonly searchRounds: number;
  /** Wall milliseconds the local search may spend on each provider. */
  readonly searchBudgetMs: number;
  /**
   * Seconds HiGHS may spend on each provider's roster where the assignment misses its fairness bound
   * (decision 0062).
   */
  readonly rosterTimeLimitSec: number;
}

/**
 * Shifts for each provider's agents (HiGHS in its worker thread, greedy fallback, then the CLI's
 * iterated local search within its budget), staffed by the named agents when the plan has some; the
 * plan's result.
 */
export async function schedulePlan(
  input: SavedPlanInput,
  prepared: PreparedPlan,
  o: BuildLimits & { progress: (fraction: number) => void },
): Promise<SavedPlanResult> {
  const { stepMin, values } = input.history;
  const perDay = 1440 / stepMin;
  const horizon = input.horizonDays * perDay;
  const { forecastStartMs, split, required } = prepared;
  const made = prepared;
  const volume = made.points.map((p) => p.volume);

  const rules: ScheduleRules = named('', () => validateRules(rulesFor(stepMin, input.labour), stepMin));
  const candidates = shiftCandidates(rules, horizon, stepMin);
  const scheduled = new Array<number>(horizon).fill(0);
  const providers: SavedPlanResult['providers'] = [];
  const schedules: { counts: number[] }[] = [];
  const stepMs = stepMin * 60_000;
  const acceptGap = o.acceptGap ?? 0.02;
  const paidOf = (counts: readonly number[]) =>
    counts.reduce((s, c, k) => s + c * paidPeriods(candidates[k]!), 0);
  for (const [i, plan] of split.providers.entries()) {
    const solved = await solveSchedule(plan.agents, candidates, false, {
      timeLimitSec: o.timeLimitSec,
      acceptGap,
      onProgress: () => o.progress(0.3 + (0.7 * (i + 0.5)) / split.providers.length),
    });
    // The CLI's local search, after the solver (this thread is the build's own, not the event loop).
    const improved = improveWithinBudget(solved.counts, plan.agents, candidates, {
      lowerBound: solved.lowerBound,
      acceptGap: 0.001,
      rounds: o.searchRounds,
      budgetMs: o.searchBudgetMs,
    });
    const paid = paidOf(improved.counts);
    const solution = {
      counts: improved.counts,
      paidPeriods: paid,
      lowerBound: solved.lowerBound,
      gap: paid > 0 ? (paid - solved.lowerBound) / paid : 0,
      solver: solved.solver,
    };
    schedules.push({ counts: solution.counts });
    const shifts: SavedPlanResult['providers'][number]['shifts'] = [];
    solution.counts.forEach((count, c) => {
      if (count === 0) return;
      const s = candidates[c]!;
      const begin = forecastStartMs + s.start * stepMs;
      for (let k = 0; k < s.length; k++) {
        const worked = s.mealOffset === undefined || k < s.mealOffset || k >= s.mealOffset + s.mealLength;
        if (worked) scheduled[s.start + k]! += count;
      }
      shifts.push({
        day: localStamp(begin).slice(0, 10),
        start: localStamp(begin).slice(11),
        end: localStamp(begin + s.length * stepMs).slice(11),
        mealStart: s.mealOffset === undefined ? null : localStamp(begin + s.mealOffset * stepMs).slice(11),
        count,
      });
    });
    shifts.sort((a, b) => `${a.day}${a.start}`.localeCompare(`${b.day}${b.start}`));
    const hours = stepMin / 60;
    providers.push({
      id: plan.id,
      name: input.providers[i]!.name,
      totalVolume: plan.totalVolume,
      volume: plan.volume,
      agents: plan.agents,
      agentHours: plan.agentHours,
      cost: plan.cost,
      paidHours: solution.paidPeriods * hours,
      lowerBoundHours: Number.isFinite(solution.lowerBound) ? solution.lowerBound * hours : 0,
      gap: Number.isFinite(solution.gap) ? solution.gap : 0,
      solver: solution.solver,
      scheduledCost: solution.paidPeriods * hours * input.providers[i]!.costPerAgentHour,
      shifts,
    });
    o.progress(0.3 + (0.7 * (i + 1)) / split.providers.length);
  }
  const roster =
    input.agents && input.agents.length > 0
      ? await rosterOf(input, schedules, candidates, {
          forecastStartMs,
          stepMin,
          periods: horizon,
          labour: resolveLabour(rules),
          timeLimitSec: o.rosterTimeLimitSec,
        })
      : undefined;
  return {
    stepMin,
    forecastStart: localStamp(forecastStartMs),
    method: made.method,
    backtest: made.backtest ?? [],
    recentHistory: values.slice(-7 * perDay),
    forecast: {
      volume,
      lower: made.points.map((p) => p.lower),
      upper: made.points.map((p) => p.upper),
    },
    required,
    scheduled,
    providers,
    unassignedVolume: split.unassigned.reduce((a, b) => a + b, 0),
    totalCost: split.totalCost,
    ...(roster ? { roster } : {}),
  };
}

/**
 * A whole saved plan: {@link preparePlan}, then {@link schedulePlan}; progress 0.3 once the forecast,
 * staffing and split are done, then by provider.
 * @throws {PlanBuildError} naming the field of the input at fault.
 */
export async function buildSavedPlan(
  input: SavedPlanInput,
  o: BuildLimits & { progress: (fraction: number) => void },
): Promise<SavedPlanResult> {
  const prepared = preparePlan(input);
  o.progress(0.3);
  return schedulePlan(input, prepared, o);
}
