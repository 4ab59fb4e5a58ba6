import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { fixedClock } from '../../src/platform/clock.js';
import { type Auth, startTestApp, type TestApp } from '../../src/test-support/test-app.js';

/**
 * The SLA API as clients use it: policies versioned through HTTP with validation naming the field,
 * a ticket's SLA for the countdowns (scoped like the ticket), attainment, and Insight's SLA KPI
 * measuring live tickets through the same `sla_breached` column as imported ones.
 */
const clock = fixedClock(new Date('2026-03-02T07:00:00Z')); // Monday 10:00 in Istanbul
let t: TestApp;
const auth: Partial<Record<keyof typeof DEMO_USERS, Auth>> = {};
let istanbulTeam = '';
const policy = {
  name: 'Standard',
  targets: [{ firstResponseSeconds: 3600, resolutionSeconds: 4 * 3600 }],
  effectiveFrom: '2026-01-01T00:00:00Z',
  reason: 'Launch',
};
const settle = async () => {
  await t.shoreline.ctx.events.drain();
  await t.shoreline.jobs.runDueJobs();
  await t.shoreline.ctx.events.drain();
};

beforeAll(async () => {
  t = await startTestApp({ demo: true, clock });
  for (const who of Object.keys(DEMO_USERS) as (keyof typeof DEMO_USERS)[])
    auth[who] = await t.login(DEMO_USERS[who], DEMO_PASSWORD);
  istanbulTeam = (
    await t.shoreline.ctx.db
      .selectFrom('teams')
      .select('id')
      .where('name', '=', 'Istanbul Care')
      .executeTakeFirstOrThrow()
  ).id;
}, 60_000);
afterAll(() => t?.close());

describe('SLA policies over HTTP', () => {
  it('refuses fractional seconds and names the field', async () => {
    const res = await t.request('/api/sla/policies', {
      auth: auth.admin!,
      body: { ...policy, targets: [{ resolutionSeconds: 90.5 }] },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { field: string }).field).toBe('targets.0.resolutionSeconds');
  });
  it('an edit is a new version; an earlier effective date than the latest is refused', async () => {
    const created = await t.request('/api/sla/policies', { auth: auth.admin!, body: policy });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const early = await t.request(`/api/sla/policies/${id}/versions`, {
      auth: auth.admin!,
      body: { ...policy, effectiveFrom: '2025-06-01T00:00:00Z', reason: 'Backdated' },
    });
    expect(early.status).toBe(400);
    expect(((await early.json()) as { field: string }).field).toBe('effectiveFrom');
    const v2 = await t.request(`/api/sla/policies/${id}/versions`, {
      auth: auth.admin!,
      body: { ...policy, effectiveFrom: '2027-01-01T00:00:00Z', reason: 'Amendment' },
    });
    expect(((await v2.json()) as { version: number }).version).toBe(2);
    const list = (await (await t.request('/api/sla/policies', { auth: auth.supervisor! })).json()) as {
      items: { id: string; version: number }[];
    };
    expect(list.items.find((p) => p.id === id)?.version).toBe(2);
  });
  it('vendor staff and agents do not see policies (404, as if absent)', async () => {
    for (const who of ['vendorAdmin', 'agent'] as const)
      expect((await t.request('/api/sla/policies', { auth: auth[who]! })).status).toBe(404);
  });
});

describe('a live ticket’s SLA', () => {
  /** An e-mail ticket an in-house agent opens for the Istanbul team: its id. */
  const agentTicket = async (subject: string) => {
    const res = await t.request('/api/tickets', {
      auth: auth.agent!,
      body: { subject, channel: 'email', teamId: istanbulTeam },
    });
    return ((await res.json()) as { id: string }).id;
  };
  it('gives countdowns to agents who see the ticket, 404 to a vendor agent who does not', async () => {
    const id = await agentTicket('Late parcel');
    await settle();
    const sla = await t.request(`/api/sla/tickets/${id}`, { auth: auth.agent! });
    expect(sla.status).toBe(200);
    const body = (await sla.json()) as { asOf: string; targets: { metric: string; dueAt: string }[] };
    expect(body.asOf).toBe('2026-03-02T07:00:00.000Z');
    expect(body.targets.find((x) => x.metric === 'first_response')?.dueAt).toBe('2026-03-02T08:00:00.000Z');
    expect((await t.request(`/api/sla/tickets/${id}`, { auth: auth.vendorAgent! })).status).toBe(404);
  });
  it('the inbox page carries its tickets’ countdowns, within the caller’s scope only', async () => {
    const id = await agentTicket('Broken zipper');
    await settle();
    type Page = {
      items: { id: string }[];
      sla: { ticketId: string; targets: { metric: string; dueAt: string }[] }[];
    };
    const page = (await (
      await t.request('/api/desk/tickets?view=all&limit=100', { auth: auth.supervisor! })
    ).json()) as Page;
    expect(page.items.map((x) => x.id)).toContain(id);
    const mine = page.sla.find((x) => x.ticketId === id);
    expect(mine?.targets.find((x) => x.metric === 'first_response')?.dueAt).toBe('2026-03-02T08:00:00.000Z');
    // Every countdown belongs to a ticket of the page.
    for (const x of page.sla) expect(page.items.map((i) => i.id)).toContain(x.ticketId);
    const vendor = (await (
      await t.request('/api/desk/tickets?view=unassigned', { auth: auth.vendorAgent! })
    ).json()) as Page;
    expect(vendor.sla.map((x) => x.ticketId)).not.toContain(id);
  });
  it('Insight’s SLA KPI counts live tickets the engine decided, as it counts imported ones', async () => {
    const measured = async () =>
      (
        (await (await t.request('/api/insight/kpis?source=live', { auth: auth.admin! })).json()) as {
          rows: { slaMeasured: number }[];
        }
      ).rows.reduce((sum, r) => sum + r.slaMeasured, 0);
    const before = await measured();
    const id = await agentTicket('Quick one');
    await t.request(`/api/tickets/${id}/status`, {
      method: 'PATCH',
      auth: auth.agent!,
      body: { status: 'solved' },
    });
    await settle();
    expect(await measured()).toBe(before + 1);
    const attainment = (await (
      await t.request('/api/sla/attainment?from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z&groupBy=team', {
        auth: auth.admin!,
      })
    ).json()) as { items: { key: string; metric: string; met: number }[] };
    expect(
      attainment.items.find((i) => i.key === istanbulTeam && i.metric === 'resolution')?.met,
    ).toBeGreaterThan(0);
  });
});
