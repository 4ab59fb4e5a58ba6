import { greedySchedule, scheduledCoverage, shiftCandidates } from '@shoreline/core/schedule/index';
import { describe, expect, it } from 'vitest';
import type { SavedPlan, SavedPlanInput } from '../src/modules/plan/index.js';
import { preparePlan, schedulePlan } from '../src/modules/plan/saved/build.js';
import { improveWithinBudget } from '../src/modules/plan/saved/improve.js';
import { BUILD_LIMITS, savedPlanJobWith } from '../src/modules/plan/saved/job.js';
import type { JobContext } from '../src/platform/jobs/index.js';
import type { Auth, TestApp } from '../src/test-support/test-app.js';
import { signedInAround } from './app-around.js';
import { planInput } from './plan-saved-support.js';
import { eightAndFourHourRules } from './shift-rules.js';

// How the plan job builds: after the solver, the same local search as `shoreline schedule`; and a
// cancel that ends a running HiGHS solve at once (the build's worker thread, HiGHS's inside it, is
// terminated), the job ending cancelled with nothing saved.

let t: TestApp;
let supervisor: Auth;

signedInAround(
  ['supervisor'],
  {},
  (app, auth) => {
    t = app;
    supervisor = auth.supervisor;
  },
  120_000,
);

/** Weeks of quarter-hours from Monday 2 November 2026, busy 8–20, uneven within the hour. */
function history(weeks: number): number[] {
  const out: number[] = [];
  for (let d = 0; d < weeks * 7; d++)
    for (let h = 0; h < 24; h++)
      for (let k = 0; k < 4; k++)
        out.push(
          Math.round(
            (h >= 8 && h < 20 ? 8 : 1) * (1 + 0.4 * Math.sin(h * 1.7 + k * 2.3)) + ((d + h + k) % 3),
          ),
        );
  return out;
}

const input = (name: string, horizonDays: number): SavedPlanInput => ({
  ...planInput(name, horizonDays, { start: '2026-11-02T00:00', stepMin: 15, values: history(3) }),
  language: 'en',
});

describe('the plan job’s build', () => {
  it('runs the CLI’s local search after the solver: never dearer, the same answer as solver then search', async () => {
    const plan = input('Searched', 2);
    const prepared = preparePlan(plan);
    const quiet = { progress: () => undefined };
    const solverOnly = await schedulePlan(plan, prepared, { ...BUILD_LIMITS, searchRounds: 0, ...quiet });
    const searched = await schedulePlan(plan, prepared, { ...BUILD_LIMITS, ...quiet });
    for (const [i, p] of searched.providers.entries()) {
      expect(p.paidHours).toBeLessThanOrEqual(solverOnly.providers[i]!.paidHours);
      expect(p.paidHours).toBeGreaterThanOrEqual(p.lowerBoundHours);
    }
    // What the job saved is that build.
    const res = await t.request('/api/plan/plans', { body: plan, auth: supervisor });
    const id = ((await res.json()) as SavedPlan).id;
    for (let i = 0; i < 5; i++) await t.shoreline.jobs.runDueJobs();
    const saved = (await (
      await t.request(`/api/plan/plans/${id}`, { auth: supervisor })
    ).json()) as SavedPlan;
    expect(saved.result!.providers.map((p) => p.paidHours)).toEqual(
      searched.providers.map((p) => p.paidHours),
    );
  }, 180_000);

  it('the search improves a schedule the solver left dear, never uncovering an interval', () => {
    // A day of quarter-hours, 8 h and 4 h shifts on the hour: core's greedy cover, then the search.
    const candidates = shiftCandidates(eightAndFourHourRules('horizon', 15), 96, 15);
    const required = history(1)
      .slice(0, 96)
      .map((v) => Math.ceil(v / 2));
    const greedy = greedySchedule(required, candidates, false);
    const paid = (x: readonly number[]) =>
      x.reduce((s, c, i) => s + c * (candidates[i]!.length - candidates[i]!.mealLength), 0);
    const better = improveWithinBudget(greedy, required, candidates, {
      lowerBound: 0,
      acceptGap: 0.001,
      rounds: 300,
      budgetMs: Number.POSITIVE_INFINITY,
    });
    expect(better.rounds).toBe(300);
    expect(paid(better.counts)).toBeLessThan(paid(greedy));
    const coverage = scheduledCoverage(better.counts, candidates, 96, false);
    for (const [q, r] of required.entries()) expect(coverage[q], `interval ${q}`).toBeGreaterThanOrEqual(r);
    // No budget: the schedule as it was.
    expect(
      improveWithinBudget(greedy, required, candidates, {
        lowerBound: 0,
        acceptGap: 0,
        rounds: 300,
        budgetMs: -1,
      }).counts,
    ).toEqual(greedy);
  });

  it('a cancel ends a running HiGHS solve at once: the job ends cancelled, nothing saved', async () => {
    // Two weeks of quarter-hours, the solver allowed an hour and asked for the proven optimum: the
    // first provider's solve alone outlasts the cancel by far.
    const res = await t.request('/api/plan/plans', {
      body: input('Cancelled mid-solve', 14),
      auth: supervisor,
    });
    const plan = (await res.json()) as SavedPlan;
    const row = await t.shoreline.ctx.db
      .selectFrom('plans')
      .select(['job_id', 'organization_id'])
      .where('id', '=', plan.id)
      .executeTakeFirstOrThrow();
    const recorded: number[] = [];
    let solving: () => void = () => undefined;
    const solverStarted = new Promise<void>((resolve) => {
      solving = resolve;
    });
    const ctx: JobContext = {
      ...t.shoreline.ctx,
      job: {
        id: row.job_id!,
        name: 'plan.build',
        organizationId: row.organization_id,
        providerId: null,
        createdBy: null,
        attempt: 1,
        maxAttempts: 2,
      },
      signal: new AbortController().signal,
      progress: async (fraction) => {
        recorded.push(fraction);
        // Past 0.3 the first provider's LP is solved: HiGHS dives and solves its integer programs.
        if (fraction > 0.3) solving();
      },
    };
    const long = savedPlanJobWith({
      timeLimitSec: 3600,
      acceptGap: 0,
      searchRounds: 300,
      searchBudgetMs: 3_600_000,
      rosterTimeLimitSec: 900,
    });
    const running = long.handler({ planId: plan.id }, ctx);
    await solverStarted;
    const cancelled = await t.request(`/api/plan/plans/${plan.id}/cancel`, {
      method: 'POST',
      auth: supervisor,
    });
    expect(cancelled.status).toBe(200);
    expect(await running).toEqual({ planId: plan.id, cancelled: true });
    // Stopped inside the first provider's solve: it never finished (0.65 would say it had).
    expect(Math.max(...recorded)).toBeLessThan(0.65);
    const after = (await (
      await t.request(`/api/plan/plans/${plan.id}`, { auth: supervisor })
    ).json()) as SavedPlan;
    expect(after.status).toBe('cancelled');
    expect(after.result).toBeNull();
    const jobRow = await t.shoreline.ctx.db
      .selectFrom('jobs')
      .select('status')
      .where('id', '=', row.job_id!)
      .executeTakeFirstOrThrow();
    expect(jobRow.status).toBe('cancelled');
    const ends = await t.shoreline.ctx.db
      .selectFrom('domain_events')
      .select('payload')
      .where('type', '=', 'plan.finished')
      .where('subject_id', '=', plan.id)
      .execute();
    expect(ends.map((e) => e.payload)).toEqual([{ status: 'cancelled' }]);
  }, 180_000);
});
