import { expect } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/seed.js';
import type { SavedPlan, SavedPlanInput } from '../src/modules/plan/index.js';
import { type Auth, startTestApp, type TestApp } from '../src/test-support/test-app.js';

// What the saved-plan tests share: the demo app with its supervisor, agent and vendor admin signed
// in, an hourly history, and the two providers every plan splits between (the in-house team by day,
// a vendor at night).

export interface PlanWorld {
  t: TestApp;
  supervisor: Auth;
  agent: Auth;
  vendorAdmin: Auth;
}

export async function startPlanWorld(options: Parameters<typeof startTestApp>[0] = {}): Promise<PlanWorld> {
  const t = await startTestApp({ demo: true, ...options });
  return {
    t,
    supervisor: await t.login(DEMO_USERS.supervisor, DEMO_PASSWORD),
    agent: await t.login(DEMO_USERS.agent, DEMO_PASSWORD),
    vendorAdmin: await t.login(DEMO_USERS.vendorAdmin, DEMO_PASSWORD),
  };
}

/** Three weeks of hours from Monday 2 November 2026: busy 8–20, quiet at night, a little less at weekends. */
export function hourlyHistory(): number[] {
  const out: number[] = [];
  for (let d = 0; d < 21; d++)
    for (let h = 0; h < 24; h++)
      out.push((h >= 8 && h < 20 ? 30 : 4) * (d % 7 >= 5 ? 0.7 : 1) + ((d * 7 + h) % 3));
  return out;
}

/** The in-house team 08:00–20:00 at 30 an hour and Manila CX 20:00–08:00 at `vendorCost`, every day. */
export function houseAndNightVendor(vendorCost = 12): SavedPlanInput['providers'] {
  return [
    {
      id: 'house',
      name: 'In-house',
      languages: ['en'],
      hours: [{ days: [0, 1, 2, 3, 4, 5, 6], openMin: 480, closeMin: 1200 }],
      costPerAgentHour: 30,
    },
    {
      id: 'manila',
      name: 'Manila CX',
      languages: ['en'],
      hours: [{ days: [0, 1, 2, 3, 4, 5, 6], openMin: 1200, closeMin: 480 }],
      costPerAgentHour: vendorCost,
    },
  ];
}

/** Asks for a plan as `auth`, runs its build job, and reads the plan back. */
export async function buildPlan(t: TestApp, auth: Auth, body: unknown): Promise<SavedPlan> {
  const res = await t.request('/api/plan/plans', { body, auth });
  expect(res.status).toBe(202);
  const plan = (await res.json()) as SavedPlan;
  for (let i = 0; i < 5; i++) await t.shoreline.jobs.runDueJobs();
  return (await (await t.request(`/api/plan/plans/${plan.id}`, { auth })).json()) as SavedPlan;
}
