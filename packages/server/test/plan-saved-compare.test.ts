import { describe, expect, it } from 'vitest';
import type { PlanActuals, PlanComparison, PlanHistory, SavedPlan } from '../src/modules/plan/index.js';
import { fixedClock } from '../src/platform/clock.js';
import type { Auth, TestApp } from '../src/test-support/test-app.js';
import { buildPlan, insertQueueTickets, planInput, planWorldAround } from './plan-saved-support.js';

// Saved plans, second part: the history picked from imported tickets (per queue, channel, …), plans
// compared side by side, actual against plan once the tickets arrive, and cancelling a build.

// Monday 9 November 2026, noon UTC: the plans forecast from midnight, so 12 hours have ended.
const clock = fixedClock(new Date('2026-11-09T12:00:00Z'));
const QUEUE = 'plan-compare-queue';
let t: TestApp;
let supervisor: Auth;
let agent: Auth;
let vendorAdmin: Auth;

/** Tickets per hour of the imported history: 6 from 08:00 to 18:00, 1 at night; phone, one email at 10:00. */
const perHour = (h: number) => (h >= 8 && h < 18 ? 6 : 1);

const insertTickets = (day: string, hours: readonly number[], channel: string, tag: string) =>
  insertQueueTickets(t, { queue: QUEUE, day, hours, channel, tag });

const day = (offset: number) => new Date(Date.UTC(2026, 9, 26 + offset)).toISOString().slice(0, 10);

function input(name: string, history: NonNullable<PlanHistory['history']>, vendorCost: number) {
  return planInput(name, 1, history, vendorCost);
}

let history: NonNullable<PlanHistory['history']>;

planWorldAround(
  { clock },
  async (world) => {
    ({ t, supervisor, agent, vendorAdmin } = world);
    // Two weeks of imported history, 26 October – 8 November 2026.
    for (let d = 0; d < 14; d++) {
      const hours = Array.from({ length: 24 }, (_, h) => Array.from({ length: perHour(h) }, () => h)).flat();
      await insertTickets(day(d), hours, 'phone', 'hist');
      await insertTickets(day(d), [10], 'email', 'mail');
    }
  },
  120_000,
);

const built = (body: unknown): Promise<SavedPlan> => buildPlan(t, supervisor, body);

describe('saved plans from imported tickets, compared, measured, cancelled', () => {
  let first: SavedPlan;
  let second: SavedPlan;

  it('picks the history from imported tickets per queue and channel, up to the latest ticket', async () => {
    const res = await t.request(`/api/plan/history?stepMin=60&weeks=2&queue=${QUEUE}&channel=phone`, {
      auth: agent,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as PlanHistory;
    expect(body.history!.start).toBe('2026-10-26T00:00');
    expect(body.history!.stepMin).toBe(60);
    expect(body.history!.values).toEqual(
      Array.from({ length: 14 }, () => Array.from({ length: 24 }, (_, h) => perHour(h))).flat(),
    );
    expect(body.tickets).toBe(14 * (10 * 6 + 14));
    // Every channel of the queue: the email at 10:00 adds one.
    const all = (await (
      await t.request(`/api/plan/history?stepMin=60&weeks=2&queue=${QUEUE}`, { auth: agent })
    ).json()) as PlanHistory;
    expect(all.history!.values[10]).toBe(7);
    // Half-hours, one week, local to Jerusalem (UTC+2 in November): 10:00 UTC falls at 12:00 local.
    const local = (await (
      await t.request(
        `/api/plan/history?stepMin=30&weeks=1&queue=${QUEUE}&channel=email&timeZone=Asia/Jerusalem`,
        { auth: agent },
      )
    ).json()) as PlanHistory;
    expect(local.history!.start).toBe('2026-11-02T00:00');
    expect(local.history!.values.slice(0, 48).findIndex((v) => v > 0)).toBe(24);
    // A queue with no ticket has no history.
    const none = (await (
      await t.request('/api/plan/history?queue=no-such-queue', { auth: agent })
    ).json()) as PlanHistory;
    expect(none).toEqual({ history: null, tickets: 0 });
    const bad = await t.request('/api/plan/history?timeZone=Mars/Olympus', { auth: agent });
    expect(bad.status).toBe(400);
    history = body.history!;
  });

  it('compares two plans side by side, the differences flagged', async () => {
    first = await built(input('Vendor at 12', history, 12));
    second = await built(input('Vendor at 18', history, 18));
    expect(first.status).toBe('done');
    expect(second.status).toBe('done');
    const res = await t.request('/api/plan/plans/compare', {
      body: { ids: [first.id, second.id] },
      auth: agent,
    });
    expect(res.status).toBe(200);
    const c = (await res.json()) as PlanComparison;
    expect(c.plans.map((p) => p.name)).toEqual(['Vendor at 12', 'Vendor at 18']);
    const row = (metric: string, provider: string | null = null) =>
      c.rows.find((r) => r.metric === metric && r.provider === provider)!;
    // Same history, same forecast: volume and staffing agree; the vendor's rate changes its cost.
    expect(row('volume').differs).toBe(false);
    expect(row('requiredHours').differs).toBe(false);
    const vendorCost = row('cost', 'Manila CX');
    expect(vendorCost.differs).toBe(true);
    expect(vendorCost.values[1]! / vendorCost.values[0]!).toBeCloseTo(18 / 12, 6);
    expect(vendorCost.deltas[1]).toBeCloseTo(vendorCost.values[1]! - vendorCost.values[0]!, 6);
    expect(row('cost', 'In-house').differs).toBe(false);
    const total = row('cost');
    expect(total.values[0]).toBeCloseTo(
      first.result!.providers.reduce((a, p) => a + p.scheduledCost, 0),
      6,
    );
    expect(total.relative[1]).toBeCloseTo((total.values[1]! - total.values[0]!) / total.values[0]!, 9);
    // Vendor staff reach no plan; one plan alone is not a comparison.
    const vendor = await t.request('/api/plan/plans/compare', {
      body: { ids: [first.id, second.id] },
      auth: vendorAdmin,
    });
    expect(vendor.status).toBe(404);
    const alone = await t.request('/api/plan/plans/compare', { body: { ids: [first.id] }, auth: agent });
    expect(alone.status).toBe(400);
  });

  it('measures actual against plan over the intervals that have ended', async () => {
    // Monday's tickets so far: 3 an hour from midnight to noon, and one after noon (not yet counted).
    const hours = Array.from({ length: 12 }, (_, h) => [h, h, h]).flat();
    await insertTickets('2026-11-09', [...hours, 15], 'phone', 'actual');
    const res = await t.request(`/api/plan/plans/${first.id}/actuals?queue=${QUEUE}`, { auth: agent });
    expect(res.status).toBe(200);
    const a = (await res.json()) as PlanActuals;
    expect(a.forecastStart).toBe('2026-11-09T00:00');
    expect(a.elapsed).toBe(12);
    expect(a.actual.slice(0, 12)).toEqual(Array.from({ length: 12 }, () => 3));
    expect(a.actual[15]).toBe(1);
    const f = first.result!.forecast.volume;
    const mae = f.slice(0, 12).reduce((s, v) => s + Math.abs(3 - v), 0) / 12;
    expect(a.mae).toBeCloseTo(mae, 9);
    expect(a.bias).toBeCloseTo(36 - f.slice(0, 12).reduce((s, v) => s + v, 0), 9);
    expect((await t.request(`/api/plan/plans/${first.id}/actuals`, { auth: vendorAdmin })).status).toBe(404);
  });

  it('cancels a plan being built: it stays cancelled, its end is recorded, and it cannot be compared', async () => {
    const res = await t.request('/api/plan/plans', {
      body: input('Cancelled', history, 12),
      auth: supervisor,
    });
    const plan = (await res.json()) as SavedPlan;
    expect(
      (await t.request(`/api/plan/plans/${plan.id}/cancel`, { method: 'POST', auth: agent })).status,
    ).toBe(404);
    const cancelled = await t.request(`/api/plan/plans/${plan.id}/cancel`, {
      method: 'POST',
      auth: supervisor,
    });
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as SavedPlan).status).toBe('cancelled');
    for (let i = 0; i < 3; i++) await t.shoreline.jobs.runDueJobs();
    const after = (await (
      await t.request(`/api/plan/plans/${plan.id}`, { auth: supervisor })
    ).json()) as SavedPlan;
    expect(after.status).toBe('cancelled');
    expect(after.result).toBeNull();
    const again = await t.request(`/api/plan/plans/${plan.id}/cancel`, { method: 'POST', auth: supervisor });
    expect(again.status).toBe(409);
    const events = await t.shoreline.ctx.db
      .selectFrom('domain_events')
      .select(['type', 'subject_id', 'payload'])
      .where('type', '=', 'plan.finished')
      .execute();
    const bySubject = new Map(events.map((e) => [e.subject_id, e.payload as { status: string }]));
    expect(bySubject.get(plan.id)).toEqual({ status: 'cancelled' });
    expect(bySubject.get(first.id)).toEqual({ status: 'done' });
    const compared = await t.request('/api/plan/plans/compare', {
      body: { ids: [first.id, plan.id] },
      auth: agent,
    });
    expect(compared.status).toBe(409);
  });
});
