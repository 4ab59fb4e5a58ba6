import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { fixedClock } from '../../src/platform/clock.js';
import { type Auth, startTestApp, type TestApp } from '../../src/test-support/test-app.js';

/**
 * Complaints on their own SLA: a ticket's type picks the complaint policy over the standard one,
 * a type changed later matches again (clocks still from creation), the change is a history step,
 * and the attainment report shows complaints apart.
 */
const clock = fixedClock(new Date('2026-03-02T07:00:00Z'));
let t: TestApp;
let admin: Auth;
const settle = async () => {
  await t.shoreline.ctx.events.drain();
  await t.shoreline.jobs.runDueJobs();
  await t.shoreline.ctx.events.drain();
};
const due = async (id: string) => {
  const body = (await (await t.request(`/api/sla/tickets/${id}`, { auth: admin })).json()) as {
    targets: { metric: string; dueAt: string }[];
  };
  return Object.fromEntries(body.targets.map((x) => [x.metric, x.dueAt]));
};
/** The admin changes a ticket's type: the answer. */
const retype = (id: string, type: string) =>
  t.request(`/api/tickets/${id}/type`, { method: 'PATCH', auth: admin, body: { type } });
const open = async (type?: string) => {
  const res = await t.request('/api/tickets', {
    auth: admin,
    body: { subject: 'Rude courier', channel: 'email', ...(type ? { type } : {}) },
  });
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: string };
  await settle();
  return id;
};

beforeAll(async () => {
  t = await startTestApp({ demo: true, clock });
  admin = await t.login(DEMO_USERS.admin, DEMO_PASSWORD);
  for (const body of [
    { name: 'Standard', targets: [{ firstResponseSeconds: 4 * 3600, resolutionSeconds: 48 * 3600 }] },
    {
      name: 'Complaints',
      position: 5,
      conditions: { types: ['complaint'] },
      targets: [{ firstResponseSeconds: 1800, resolutionSeconds: 24 * 3600 }],
    },
  ]) {
    const res = await t.request('/api/sla/policies', {
      auth: admin,
      body: { ...body, effectiveFrom: '2026-01-01T00:00:00Z', reason: 'Complaints apart' },
    });
    expect(res.status).toBe(201);
  }
}, 60_000);
afterAll(() => t?.close());

describe('the complaint type and its SLA', () => {
  it('a complaint gets the complaint policy’s due times, a question the standard ones', async () => {
    expect(await due(await open('complaint'))).toEqual({
      first_response: '2026-03-02T07:30:00.000Z',
      resolution: '2026-03-03T07:00:00.000Z',
    });
    expect(await due(await open())).toEqual({
      first_response: '2026-03-02T11:00:00.000Z',
      resolution: '2026-03-04T07:00:00.000Z',
    });
  });
  it('changing the type matches again from the ticket’s creation, and is a history step', async () => {
    const id = await open('question');
    clock.advance(600_000);
    const res = await retype(id, 'complaint');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { type: string }).type).toBe('complaint');
    await settle();
    expect((await due(id)).first_response).toBe('2026-03-02T07:30:00.000Z');
    const detail = (await (await t.request(`/api/tickets/${id}`, { auth: admin })).json()) as {
      history: { kind: string; ticketType: string | null }[];
    };
    expect(detail.history.at(-1)).toMatchObject({ kind: 'type', ticketType: 'complaint' });
  });
  it('refuses a type outside the vocabulary, naming the field', async () => {
    const id = await open();
    const res = await retype(id, 'rant');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { field: string }).field).toBe('type');
  });
  it('the attainment report counts complaints apart', async () => {
    const id = await open('complaint');
    await t.request(`/api/tickets/${id}/messages`, {
      auth: admin,
      body: { body: 'We are sorry', authorType: 'agent' },
    });
    await settle();
    const report = (await (
      await t.request('/api/sla/attainment?from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z&groupBy=type', {
        auth: admin,
      })
    ).json()) as { items: { key: string | null; metric: string; met: number; breached: number }[] };
    expect(report.items).toContainEqual(
      expect.objectContaining({ key: 'complaint', metric: 'first_response', met: 1, breached: 0 }),
    );
    expect(report.items.some((x) => x.key === 'question')).toBe(false);
  });
});
