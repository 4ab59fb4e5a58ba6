import { describe, expect, it } from 'vitest';
import type { PlanHistory, PlanReforecast, SavedPlan } from '../src/modules/plan/index.js';
import { fixedClock } from '../src/platform/clock.js';
import type { Auth, TestApp } from '../src/test-support/test-app.js';
import { buildPlan, insertQueueTickets, planInput, planWorldAround } from './plan-saved-support.js';

// Intraday reforecast of a saved plan (decision 0061): the rest of today moved by the tickets that
// arrived so far, scoped and filtered as actual-against-plan is.

// Monday 9 November 2026, noon UTC: the plan forecasts from midnight, so 12 hours have ended.
const clock = fixedClock(new Date('2026-11-09T12:00:00Z'));
const QUEUE = 'plan-reforecast-queue';
let t: TestApp;
let supervisor: Auth;
let agent: Auth;
let vendorAdmin: Auth;

/** Tickets per hour on a usual day: 6 from 08:00 to 18:00, 1 at night. */
const perHour = (h: number) => (h >= 8 && h < 18 ? 6 : 1);
/**
 * The imported history's day d: its daytime hours at 4 to 8 tickets, in a cycle of 5 days that no
 * weekly pattern explains, so the plan's backtest measures a day-level error (and trusts its level
 * only as much as that error allows).
 */
const historyHour = (d: number, h: number) => (h >= 8 && h < 18 ? 4 + ((d * 3) % 5) : 1);

const insertTickets = (day: string, hours: readonly number[], tag: string) =>
  insertQueueTickets(t, { queue: QUEUE, day, hours, channel: 'phone', tag });

const day = (offset: number) => new Date(Date.UTC(2026, 9, 26 + offset)).toISOString().slice(0, 10);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

planWorldAround(
  { clock },
  async (world) => {
    ({ t, supervisor, agent, vendorAdmin } = world);
    // Two weeks of imported history, 26 October – 8 November 2026.
    for (let d = 0; d < 14; d++) {
      const hours = Array.from({ length: 24 }, (_, h) =>
        Array.from({ length: historyHour(d, h) }, () => h),
      ).flat();
      await insertTickets(day(d), hours, 'hist');
    }
  },
  120_000,
);

describe('reforecasting the rest of today from the tickets so far', () => {
  let plan: SavedPlan;

  it('raises the rest of the day when twice the planned tickets arrived this morning', async () => {
    const history = (
      (await (
        await t.request(`/api/plan/history?stepMin=60&weeks=2&queue=${QUEUE}`, { auth: agent })
      ).json()) as PlanHistory
    ).history!;
    plan = await buildPlan(t, supervisor, planInput('Reforecast me', 2, history));
    expect(plan.status).toBe('done');
    expect(plan.result!.forecastStart).toBe('2026-11-09T00:00');
    // Today so far: twice a usual day's tickets every hour to noon.
    const morning = Array.from({ length: 12 }, (_, h) =>
      Array.from({ length: 2 * perHour(h) }, () => h),
    ).flat();
    await insertTickets('2026-11-09', morning, 'today');

    const res = await t.request(`/api/plan/plans/${plan.id}/reforecast?queue=${QUEUE}`, { auth: agent });
    expect(res.status).toBe(200);
    const r = (await res.json()) as PlanReforecast;
    // No day asked: today by the injected clock, 12 of its 24 hours ended.
    expect(r.day).toBe('2026-11-09');
    expect(r.asOf).toBe('2026-11-09T12:00');
    expect(r.closed).toBe(12);
    expect(r.actual).toEqual(Array.from({ length: 12 }, (_, h) => 2 * perHour(h)));
    const planned = plan.result!.forecast.volume.slice(0, 24);
    expect(r.dayAhead).toEqual(planned);
    expect(r.actualSoFar).toBe(sum(r.actual));
    expect(r.expectedSoFar).toBeCloseTo(sum(planned.slice(0, 12)), 9);
    // The day multiplier lies between the plan (1) and what the morning says (about 2).
    expect(r.multiplier).toBeGreaterThan(1.2);
    expect(r.multiplier).toBeLessThan(r.actualSoFar / r.expectedSoFar + 1e-9);
    // It is the Gamma–Poisson posterior mean from the prior strength and dispersion it reports.
    expect(r.multiplier).toBeCloseTo(
      (r.priorStrength + r.actualSoFar / r.dispersion) / (r.priorStrength + r.expectedSoFar / r.dispersion),
      9,
    );
    expect(r.reforecast.volume).toHaveLength(12);
    r.reforecast.volume.forEach((v, i) => {
      expect(v).toBeGreaterThanOrEqual(Math.floor(planned[12 + i]!));
      expect(r.reforecast.lower[i]).toBeLessThanOrEqual(v);
      expect(r.reforecast.upper[i]).toBeGreaterThanOrEqual(v);
    });
    expect(sum(r.reforecast.volume)).toBeGreaterThan(sum(planned.slice(12)));
    expect(r.reforecastTotal).toBeGreaterThan(r.dayAheadTotal);
    expect(r.dayAheadTotal).toBeCloseTo(sum(planned), 9);
  });

  it('lowers it for tickets of a channel that did not come, and keeps tomorrow as planned', async () => {
    const quiet = (await (
      await t.request(`/api/plan/plans/${plan.id}/reforecast?queue=${QUEUE}&channel=email`, { auth: agent })
    ).json()) as PlanReforecast;
    expect(quiet.actualSoFar).toBe(0);
    expect(quiet.multiplier).toBeLessThan(1);
    const tomorrow = (await (
      await t.request(`/api/plan/plans/${plan.id}/reforecast?queue=${QUEUE}&day=2026-11-10`, {
        auth: agent,
      })
    ).json()) as PlanReforecast;
    expect(tomorrow.closed).toBe(0);
    expect(tomorrow.multiplier).toBe(1);
    expect(tomorrow.reforecast.volume).toHaveLength(24);
    expect(tomorrow.dayAhead).toEqual(plan.result!.forecast.volume.slice(24, 48));
  });

  it('counts the tickets of the plan’s own scope, as actual against plan does', async () => {
    // Up to yesterday: today's tickets (the first test's) are what the plan is measured against.
    const history = (
      (await (
        await t.request(`/api/plan/history?stepMin=60&weeks=2&queue=${QUEUE}&until=2026-11-08`, {
          auth: agent,
        })
      ).json()) as PlanHistory
    ).history!;
    const scopedPlan = await buildPlan(t, supervisor, {
      ...planInput('Scoped to the queue', 1, history),
      historyScope: { queue: QUEUE },
    });
    expect(scopedPlan.status).toBe('done');
    // No filter asked: the plan's queue is counted (this morning's tickets are all in it).
    const r = (await (
      await t.request(`/api/plan/plans/${scopedPlan.id}/reforecast`, { auth: agent })
    ).json()) as PlanReforecast;
    expect(r.actual).toEqual(Array.from({ length: 12 }, (_, h) => 2 * perHour(h)));
    // Another queue than the plan forecast would compare it with tickets it did not forecast.
    const other = await t.request(`/api/plan/plans/${scopedPlan.id}/reforecast?queue=elsewhere`, {
      auth: agent,
    });
    expect(other.status).toBe(400);
    expect(JSON.stringify(await other.json())).toContain('query.queue');
  });

  it('counts the hours ended in the asked time zone', async () => {
    // Jerusalem is UTC+2 in November: at 12:00 UTC, 14 local hours of the day have ended.
    const local = (await (
      await t.request(`/api/plan/plans/${plan.id}/reforecast?queue=${QUEUE}&timeZone=Asia/Jerusalem`, {
        auth: agent,
      })
    ).json()) as PlanReforecast;
    expect(local.asOf).toBe('2026-11-09T14:00');
    expect(local.closed).toBe(14);
    expect(local.reforecast.volume).toHaveLength(10);
  });

  it('refuses a day outside the plan, a vendor’s staff, and an unknown time zone', async () => {
    const before = await t.request(`/api/plan/plans/${plan.id}/reforecast?day=2026-11-08`, { auth: agent });
    expect(before.status).toBe(400);
    expect(JSON.stringify(await before.json())).toContain('query.day');
    const after = await t.request(`/api/plan/plans/${plan.id}/reforecast?day=2026-11-11`, { auth: agent });
    expect(after.status).toBe(400);
    const vendor = await t.request(`/api/plan/plans/${plan.id}/reforecast`, { auth: vendorAdmin });
    expect(vendor.status).toBe(404);
    const zone = await t.request(`/api/plan/plans/${plan.id}/reforecast?timeZone=Mars/Olympus`, {
      auth: agent,
    });
    expect(zone.status).toBe(400);
  });
});
