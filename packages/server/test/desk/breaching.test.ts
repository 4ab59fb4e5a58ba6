import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { fixedClock } from '../../src/platform/clock.js';
import { type Auth, startTestApp, type TestApp } from '../../src/test-support/test-app.js';

type Ticket = { id: string };
type Page = { items: Ticket[]; next: string | null; sla: { ticketId: string }[] };
type Overview = { views: { view: string; count: number; more: boolean }[] };

/**
 * The inbox's "breaching soon" view: tickets with an SLA target still owed, most urgent first by
 * the SLA engine's next due instant, keyset-paged on (due_at, ticket_id); a met, solved or paused
 * ticket leaves it; vendor staff see only their provider's; its count is in the overview.
 * Istanbul Care works Mon–Fri 09:00–18:00 Europe/Istanbul (UTC+3); Monday 2 March 2026, 10:00 there.
 */
describe('desk: breaching soon, by SLA due time', () => {
  let t: TestApp;
  const auth: Partial<Record<keyof typeof DEMO_USERS, Auth>> = {};
  const clock = fixedClock(new Date('2026-03-02T07:00:00Z'));
  const teams: Record<string, string> = {};
  const settle = async () => {
    await t.shoreline.ctx.events.drain();
    await t.shoreline.jobs.runDueJobs();
    await t.shoreline.ctx.events.drain();
  };
  const open = async (who: keyof typeof DEMO_USERS, team: string, priority: string, subject: string) => {
    clock.advance(1_000);
    const res = await t.request('/api/tickets', {
      auth: auth[who]!,
      body: { subject, channel: 'email', priority, teamId: teams[team] },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    await settle();
    return ((await res.json()) as Ticket).id;
  };
  const view = async (who: keyof typeof DEMO_USERS, extra = '') => {
    const res = await t.request(`/api/desk/tickets?view=breaching${extra}`, { auth: auth[who]! });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Page;
  };
  const count = async (who: keyof typeof DEMO_USERS) =>
    ((await (await t.request('/api/desk/views', { auth: auth[who]! })).json()) as Overview).views.find(
      (v) => v.view === 'breaching',
    )?.count;
  const setStatus = async (id: string, status: string) => {
    const res = await t.request(`/api/tickets/${id}/status`, {
      method: 'PATCH',
      auth: auth.admin!,
      body: { status },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    await settle();
  };

  // Created in this order; due in the order of their first-response targets.
  let low: string; // first response 4 h → 14:00 local
  let urgent: string; // 15 min
  let high: string; // 1 h
  let normal: string; // 2 h
  let vendorTicket: string;

  beforeAll(async () => {
    t = await startTestApp({ demo: true, clock });
    for (const who of Object.keys(DEMO_USERS) as (keyof typeof DEMO_USERS)[])
      auth[who] = await t.login(DEMO_USERS[who], DEMO_PASSWORD);
    for (const row of await t.shoreline.ctx.db.selectFrom('teams').select(['id', 'name']).execute())
      teams[row.name] = row.id;
    const policy = await t.request('/api/sla/policies', {
      auth: auth.admin!,
      body: {
        name: 'By priority',
        targets: [
          { priorities: ['urgent'], firstResponseSeconds: 900, resolutionSeconds: 8 * 3600 },
          { priorities: ['high'], firstResponseSeconds: 3600, resolutionSeconds: 8 * 3600 },
          { priorities: ['normal'], firstResponseSeconds: 7200, resolutionSeconds: 8 * 3600 },
          { firstResponseSeconds: 4 * 3600, resolutionSeconds: 8 * 3600 },
        ],
        pauseStatuses: ['pending'],
        effectiveFrom: '2026-01-01T00:00:00Z',
        reason: 'Launch',
      },
    });
    expect(policy.status, await policy.clone().text()).toBe(201);
    low = await open('admin', 'Istanbul Care', 'low', 'Low');
    urgent = await open('admin', 'Istanbul Care', 'urgent', 'Urgent');
    high = await open('admin', 'Istanbul Care', 'high', 'High');
    normal = await open('admin', 'Istanbul Care', 'normal', 'Normal');
    vendorTicket = await open('vendorAgent', 'Manila Follow-the-sun', 'urgent', 'Vendor urgent');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('lists the most urgent first, keyset-paged with no repeats or gaps', async () => {
    const all = await view('supervisor');
    expect(all.items.map((x) => x.id)).toEqual([urgent, vendorTicket, high, normal, low]);
    expect(all.next).toBeNull();
    // Every listed ticket carries its countdown.
    expect(new Set(all.sla.map((x) => x.ticketId))).toEqual(new Set(all.items.map((x) => x.id)));

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await view('supervisor', `&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((x) => x.id));
      cursor = page.next;
    } while (cursor);
    expect(seen).toEqual(all.items.map((x) => x.id));
    expect(await count('supervisor')).toBe(5);
  });

  it("shows each side its own tickets: an in-house agent the in-house ones, a vendor agent its provider's", async () => {
    expect((await view('agent')).items.map((x) => x.id)).toEqual([urgent, high, normal, low]);
    expect((await view('vendorAgent')).items.map((x) => x.id)).toEqual([vendorTicket]);
    expect(await count('vendorAgent')).toBe(1);
    expect(await count('agent')).toBe(4);
  });

  it('refuses a cursor it did not give out, or one of another view, naming the field', async () => {
    const other = (await (
      await t.request('/api/desk/tickets?view=all&limit=1', { auth: auth.supervisor! })
    ).json()) as Page;
    expect(other.next).not.toBeNull();
    for (const cursor of ['nonsense', other.next!]) {
      const res = await t.request(`/api/desk/tickets?view=breaching&cursor=${cursor}`, {
        auth: auth.supervisor!,
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { field: string }).field).toBe('query.cursor');
    }
  });

  it('moves a ticket back once its first response is met, and drops it when paused or solved', async () => {
    // An agent answers the urgent ticket: its next due instant is now the resolution's (8 h).
    const reply = await t.request(`/api/tickets/${urgent}/messages`, {
      auth: auth.admin!,
      body: { body: 'We are on it.', authorType: 'agent' },
    });
    expect(reply.status, await reply.clone().text()).toBe(201);
    await settle();
    expect((await view('agent')).items.map((x) => x.id)).toEqual([high, normal, low, urgent]);

    // Waiting on the customer stops the clock: no due instant, not in the view.
    await setStatus(high, 'pending');
    expect((await view('agent')).items.map((x) => x.id)).toEqual([normal, low, urgent]);
    await setStatus(normal, 'solved');
    expect((await view('agent')).items.map((x) => x.id)).toEqual([low, urgent]);
    expect(await count('agent')).toBe(2);
  });

  it('keeps an overdue ticket at the top: a breached target is still owed', async () => {
    clock.advance(5 * 3600 * 1000); // 15:00 local: the low ticket's 4 h first response is overdue
    await settle();
    const page = await view('agent');
    expect(page.items.map((x) => x.id)).toEqual([low, urgent]);
    const lowSla = page.sla.find((x) => x.ticketId === low) as unknown as {
      targets: { metric: string; status: string }[];
    };
    expect(lowSla.targets.find((x) => x.metric === 'first_response')?.status).toBe('breached');
  });
});
