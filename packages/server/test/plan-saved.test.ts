import { describe, expect, it } from 'vitest';
import type { SavedPlan, SavedPlanList } from '../src/modules/plan/index.js';
import { hourlyHistory, planInput, planWorld } from './plan-saved-support.js';

// Saved plans over HTTP: create from history (a job forecasts, staffs, splits and schedules), poll the
// progress, open, export the shifts, list, rename, delete; who may see them.

const world = planWorld(60_000);

const INPUT = planInput('December week', 2);

describe('saved plans', () => {
  it('builds a plan as a job: forecast, staffing, split by hours, shifts covering every interval; then opens, renames and deletes it', async () => {
    const created = await world.t.request('/api/plan/plans', { body: INPUT, auth: world.supervisor });
    expect(created.status).toBe(202);
    const plan = (await created.json()) as SavedPlan;
    expect(plan.status).toBe('running');
    expect(plan.result).toBeNull();
    for (let i = 0; i < 5; i++) await world.t.shoreline.jobs.runDueJobs();
    const opened = (await (
      await world.t.request(`/api/plan/plans/${plan.id}`, { auth: world.supervisor })
    ).json()) as SavedPlan;
    expect(opened.status).toBe('done');
    expect(opened.progress).toBe(1);
    const r = opened.result!;
    expect(r.forecast.volume).toHaveLength(48);
    expect(r.forecastStart).toBe('2026-11-23T00:00');
    // The backtest screen's figures: every candidate's errors, the chosen one's MAE the least.
    const maes = r.backtest!.map((b) => b.interval.mae ?? Number.POSITIVE_INFINITY);
    expect(r.backtest!.map((b) => b.method)).toContain('snaive');
    expect(r.backtest!.find((b) => b.method === r.method)!.interval.mae).toBe(Math.min(...maes));
    const [house, manila] = r.providers;
    // Follow the sun: the vendor takes the night, the in-house team the day.
    expect(house!.agents.slice(0, 8).every((a) => a === 0)).toBe(true);
    expect(manila!.agents.slice(8, 20).every((a) => a === 0)).toBe(true);
    expect(manila!.totalVolume).toBeGreaterThan(0);
    expect(house!.totalVolume).toBeGreaterThan(manila!.totalVolume);
    // Every interval's requirement is covered by the shifts, and cost is paid hours × rate.
    for (const p of r.providers) {
      expect(p.scheduledCost).toBeCloseTo(p.paidHours * (p.id === 'house' ? 30 : 12), 6);
      expect(p.shifts.length).toBeGreaterThan(0);
    }
    const need = r.forecast.volume.map((_, i) => house!.agents[i]! + manila!.agents[i]!);
    for (const [i, n] of need.entries()) expect(r.scheduled[i], `interval ${i}`).toBeGreaterThanOrEqual(n);

    const list = (await (
      await world.t.request('/api/plan/plans', { auth: world.agent })
    ).json()) as SavedPlanList;
    expect(list.items.map((p) => p.id)).toContain(plan.id);
    expect(list.items.find((p) => p.id === plan.id)!.totalCost).toBeCloseTo(r.totalCost, 6);

    // The shifts as files: one CSV row and one iCalendar event per shift.
    const shiftCount = r.providers.reduce((a, p) => a + p.shifts.length, 0);
    const csv = await world.t.request(`/api/plan/plans/${plan.id}/shifts?format=csv`, {
      auth: world.supervisor,
    });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = (await csv.text()).trimEnd().split('\r\n');
    expect(rows[0]).toBe('provider,day,start,end,meal_start,agents');
    expect(rows).toHaveLength(shiftCount + 1);
    expect(rows.some((row) => row.startsWith('Manila CX,'))).toBe(true);
    const ics = await world.t.request(`/api/plan/plans/${plan.id}/shifts?format=ics`, {
      auth: world.supervisor,
    });
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect((await ics.text()).match(/BEGIN:VEVENT/g)).toHaveLength(shiftCount);
    const bad = await world.t.request(`/api/plan/plans/${plan.id}/shifts?format=pdf`, {
      auth: world.supervisor,
    });
    expect(bad.status).toBe(400);

    const renamed = await world.t.request(`/api/plan/plans/${plan.id}`, {
      method: 'PATCH',
      body: { name: 'December, v2' },
      auth: world.supervisor,
    });
    expect(((await renamed.json()) as SavedPlan).version).toBe(2);
    // An agent reads plans but does not change them.
    const refused = await world.t.request(`/api/plan/plans/${plan.id}`, {
      method: 'DELETE',
      auth: world.agent,
    });
    expect(refused.status).toBe(404);
    const deleted = await world.t.request(`/api/plan/plans/${plan.id}`, {
      method: 'DELETE',
      auth: world.supervisor,
    });
    expect(deleted.status).toBe(204);
    expect((await world.t.request(`/api/plan/plans/${plan.id}`, { auth: world.supervisor })).status).toBe(
      404,
    );
  }, 120_000);

  it('vendor staff see no plan: not in the list, not by id', async () => {
    const created = (await (
      await world.t.request('/api/plan/plans', { body: { ...INPUT, name: 'Hidden' }, auth: world.supervisor })
    ).json()) as SavedPlan;
    expect((await world.t.request(`/api/plan/plans/${created.id}`, { auth: world.vendorAdmin })).status).toBe(
      404,
    );
    const shifts = `/api/plan/plans/${created.id}/shifts?format=ics`;
    expect((await world.t.request(shifts, { auth: world.vendorAdmin })).status).toBe(404);
    // Still being built: no shifts to export yet.
    expect((await world.t.request(shifts, { auth: world.supervisor })).status).toBe(409);
    const list = await world.t.request('/api/plan/plans', { auth: world.vendorAdmin });
    expect(await list.text()).not.toContain(created.id);
  });

  it('a history of broken days fails the plan with the field named', async () => {
    const bad = { ...INPUT, history: { ...INPUT.history, values: hourlyHistory().slice(0, 100) } };
    const created = (await (
      await world.t.request('/api/plan/plans', { body: bad, auth: world.supervisor })
    ).json()) as SavedPlan;
    for (let i = 0; i < 3; i++) await world.t.shoreline.jobs.runDueJobs();
    const opened = (await (
      await world.t.request(`/api/plan/plans/${created.id}`, { auth: world.supervisor })
    ).json()) as SavedPlan;
    expect(opened.status).toBe('failed');
    expect(opened.problem).toMatch(/^history\.values/);
  }, 60_000);
});
