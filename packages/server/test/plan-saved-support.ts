import { expect } from 'vitest';
import { DEMO_USERS } from '../src/demo/seed.js';
import type { SavedPlan, SavedPlanInput } from '../src/modules/plan/index.js';
import type { Auth, startTestApp, TestApp } from '../src/test-support/test-app.js';
import { signedInAround } from './app-around.js';
import { startedLater } from './started-later.js';

// What the saved-plan tests share: the demo app with its supervisor, agent and vendor admin signed
// in, an hourly history, and the two providers every plan splits between (the in-house team by day,
// a vendor at night).

export interface PlanWorld {
  t: TestApp;
  supervisor: Auth;
  agent: Auth;
  vendorAdmin: Auth;
}

/** The demo app for the enclosing block (signedInAround) with its supervisor, agent and vendor admin. */
export function planWorldAround(
  options: Omit<NonNullable<Parameters<typeof startTestApp>[0]>, 'demo'>,
  started: (world: PlanWorld) => void | Promise<void>,
  startTimeout?: number,
): void {
  signedInAround(
    ['supervisor', 'agent', 'vendorAdmin'],
    options,
    (t, auth) => started({ t, ...auth }),
    startTimeout,
  );
}

/** planWorldAround without a setup of its own: the world is there once the block's tests run. */
export function planWorld(startTimeout?: number): Readonly<PlanWorld> {
  const world = startedLater<PlanWorld>('the plan world');
  planWorldAround({}, world.start, startTimeout);
  return world.value;
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

/** Three weeks of hourlyHistory from Monday 2 November 2026, as a plan's history. */
export const HOURLY_HISTORY: NonNullable<SavedPlanInput['history']> = {
  start: '2026-11-02T00:00',
  stepMin: 60,
  values: hourlyHistory(),
};

/**
 * A plan request over `history` for `horizonDays`: contacts of 300 s, 80 % answered within 20 s,
 * split between the in-house team by day and Manila CX at night at `vendorCost` an hour.
 */
export function planInput(
  name: string,
  horizonDays: number,
  history: NonNullable<SavedPlanInput['history']> = HOURLY_HISTORY,
  vendorCost?: number,
) {
  return {
    name,
    history,
    horizonDays,
    ahtSec: 300,
    serviceLevel: { fraction: 0.8, withinSec: 20 },
    providers: houseAndNightVendor(vendorCost),
  };
}

/** Asks for a plan as `auth`, runs its build job, and reads the plan back. */
export async function buildPlan(t: TestApp, auth: Auth, body: unknown): Promise<SavedPlan> {
  const res = await t.request('/api/plan/plans', { body, auth });
  expect(res.status).toBe(202);
  const plan = (await res.json()) as SavedPlan;
  for (let i = 0; i < 5; i++) await t.shoreline.jobs.runDueJobs();
  return (await (await t.request(`/api/plan/plans/${plan.id}`, { auth })).json()) as SavedPlan;
}

/** Baltic Contact (the demo's vendor, id `id`) open `openMin`–`closeMin` every day at 20 an hour. */
export function balticProvider(id: string, openMin = 0, closeMin = 0): SavedPlanInput['providers'][number] {
  return {
    id,
    name: 'Baltic Contact',
    languages: ['en'],
    hours: [{ days: [0, 1, 2, 3, 4, 5, 6], openMin, closeMin }],
    costPerAgentHour: 20,
  };
}

/** A week's plan in English over `history` (300 s contacts, 80 % within 20 s) split across `providers`. */
export function weekPlanInput(
  name: string,
  history: NonNullable<SavedPlanInput['history']>,
  providers: SavedPlanInput['providers'],
  extra: Partial<SavedPlanInput> = {},
): SavedPlanInput {
  return {
    name,
    history,
    horizonDays: 7,
    ahtSec: 300,
    serviceLevel: { fraction: 0.8, withinSec: 20 },
    language: 'en',
    providers,
    ...extra,
  };
}

/**
 * Tickets of the demo organization in `queue` (their source group) on `day`, one per entry of
 * `hours` at that hour (UTC), minutes spread so no two of an hour coincide; ids carry `tag`.
 */
export async function insertQueueTickets(
  t: TestApp,
  o: { queue: string; day: string; hours: readonly number[]; channel: string; tag: string },
): Promise<void> {
  const db = t.shoreline.ctx.db;
  const org = await db
    .selectFrom('users')
    .select('organization_id')
    .where('email', '=', DEMO_USERS.supervisor)
    .executeTakeFirstOrThrow();
  const rows = o.hours.map((h, i) => ({
    id: `tkt_${o.tag}_${o.day}_${h}_${i}`,
    organization_id: org.organization_id,
    provider_id: null,
    source: 'test',
    external_id: `${o.tag}-${o.day}-${h}-${i}`,
    channel: o.channel,
    source_group: o.queue,
    created_at: new Date(
      `${o.day}T${String(h).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}:00Z`,
    ),
    tags: [],
    quality_flags: [],
    custom: '{}',
    reopen_count: 0,
    handoff_count: 0,
  }));
  if (rows.length > 0) await db.insertInto('tickets').values(rows).execute();
}
