import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { seedDemoDesk } from '../../src/demo/seed-desk.js';
import type { TestApp } from '../../src/test-support/test-app.js';
import { testAppAround } from '../app-around.js';

/** `npm start` opens on a working inbox: each demo agent's team queue holds its provider's live tickets. */
describe('desk demo seed', () => {
  let t: TestApp;
  testAppAround({ demo: true }, (app) => {
    t = app;
  });

  it('seeds once: live tickets in the in-house and vendor queues, macros, the agents’ teams', async () => {
    const org = (await t.shoreline.ctx.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow())
      .id;
    expect(await seedDemoDesk(t.shoreline.ctx, org)).toBe(true);
    expect(await seedDemoDesk(t.shoreline.ctx, org)).toBe(false);
    const team = async (email: string) => {
      const auth = await t.login(email, DEMO_PASSWORD);
      const res = await t.request('/api/desk/tickets?view=team', { auth });
      return ((await res.json()) as { items: { subject: string }[] }).items.map((x) => x.subject);
    };
    expect(await team(DEMO_USERS.vendorAgent)).toEqual([
      'Parcel arrived damaged',
      'Refund for returned boots',
      'Where is my order?',
    ]);
    expect((await team(DEMO_USERS.agent)).length).toBe(3);
    const macros = await t.request('/api/desk/macros', {
      auth: await t.login(DEMO_USERS.vendorAgent, DEMO_PASSWORD),
    });
    expect(((await macros.json()) as { items: unknown[] }).items.length).toBe(2);
  });

  it('has an SLA policy: the live tickets get countdowns, most urgent first in "breaching soon"', async () => {
    await t.shoreline.ctx.events.drain();
    const auth = await t.login(DEMO_USERS.vendorAgent, DEMO_PASSWORD);
    const res = await t.request('/api/desk/tickets?view=breaching', { auth });
    const page = (await res.json()) as {
      items: { id: string; subject: string }[];
      sla: { ticketId: string; targets: { metric: string; dueAt: string | null }[] }[];
    };
    // The urgent one first; every ticket with its targets.
    expect(page.items.map((x) => x.subject)[0]).toBe('Parcel arrived damaged');
    expect(page.items.length).toBe(3);
    expect(page.sla.length).toBe(3);
    for (const s of page.sla)
      expect(s.targets.map((x) => x.metric)).toEqual(['first_response', 'resolution']);
  });
});
