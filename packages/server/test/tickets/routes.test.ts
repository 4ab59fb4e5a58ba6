import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { DRILL_DOWN_FIELDS } from '../../src/modules/insight/schemas.js';
import { fixedClock } from '../../src/platform/clock.js';
import { type Auth, startTestApp, type TestApp } from '../../src/test-support/test-app.js';

/** The tickets API as a client meets it: open a ticket, work it, and the errors that name the field. */
describe('tickets API', () => {
  let t: TestApp;
  let admin: Auth;
  let vendorAdmin: Auth;
  let teams: { id: string; name: string; providerId: string }[];
  const body = async (res: Response) => (await res.json()) as Record<string, unknown>;

  // Monday 2026-03-02 23:00 UTC.
  const clock = fixedClock(new Date('2026-03-02T23:00:00Z'));
  beforeAll(async () => {
    t = await startTestApp({ demo: true, clock });
    admin = await t.login(DEMO_USERS.admin, DEMO_PASSWORD);
    vendorAdmin = await t.login(DEMO_USERS.vendorAdmin, DEMO_PASSWORD);
    teams = ((await body(await t.request('/api/teams', { auth: admin }))).items as typeof teams).map(
      (x) => x,
    );
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });
  const team = (name: string) => teams.find((x) => x.name === name)!;

  it('opens a ticket and shows it with its conversation and history', async () => {
    const created = await t.request('/api/tickets', {
      auth: admin,
      body: {
        subject: 'Invoice twice',
        channel: 'web_form',
        priority: 'high',
        teamId: team('Budapest Billing').id,
        tags: ['billing'],
        message: { body: 'I was charged twice' },
      },
    });
    expect(created.status).toBe(201);
    const ticket = await body(created);
    expect(ticket).toMatchObject({ status: 'new', channel: 'web_form', priority: 'high', tags: ['billing'] });
    const id = ticket.id as string;
    clock.advance(60_000);
    expect(
      (
        await t.request(`/api/tickets/${id}/messages`, {
          auth: admin,
          body: { body: 'Refunded the second charge' },
        })
      ).status,
    ).toBe(201);
    for (const [path, payload] of [
      ['status', { status: 'solved' }],
      ['assignee', { assignee: 'noa@northwind.example' }],
      ['tags', { add: ['refund'] }],
    ] as const) {
      const res = await t.request(`/api/tickets/${id}/${path}`, {
        method: 'PATCH',
        auth: admin,
        body: payload,
      });
      expect(res.status, path).toBe(200);
    }
    const detail = await body(await t.request(`/api/tickets/${id}`, { auth: admin }));
    expect(detail.ticket).toMatchObject({
      status: 'solved',
      assignee: 'noa@northwind.example',
      tags: ['billing', 'refund'],
    });
    expect((detail.messages as { authorType: string }[]).map((m) => m.authorType)).toEqual([
      'customer',
      'agent',
    ]);
    expect((detail.history as { kind: string }[]).map((h) => h.kind)).toEqual([
      'created',
      'status',
      'assignment',
    ]);
  });

  it('a refused status change is problem+json naming `status`, with the reason', async () => {
    const { id } = await body(
      await t.request('/api/tickets', { auth: admin, body: { subject: 'Hi', channel: 'chat' } }),
    );
    const res = await t.request(`/api/tickets/${id}/status`, {
      method: 'PATCH',
      auth: admin,
      body: { status: 'closed' },
    });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await body(res)).toMatchObject({
      code: 'invalid_transition',
      field: 'status',
      detail: 'only a solved ticket can be closed',
    });
  });

  it('bad input names the field and writes nothing', async () => {
    const res = await t.request('/api/tickets', { auth: admin, body: { subject: 'Hi', channel: 'fax' } });
    expect(res.status).toBe(400);
    expect(await body(res)).toMatchObject({ code: 'validation_failed', field: 'channel' });
    const merge = await t.request('/api/tickets/tkt_x/merge', { auth: admin, body: { into: '' } });
    expect(await body(merge)).toMatchObject({ code: 'validation_failed', field: 'into' });
  });

  it('vendor staff: open in their provider, never see in-house tickets, never transfer out', async () => {
    const inHouse = await body(
      await t.request('/api/tickets', { auth: admin, body: { subject: 'In-house', channel: 'phone' } }),
    );
    expect((await t.request(`/api/tickets/${inHouse.id}`, { auth: vendorAdmin })).status).toBe(404);
    const own = await t.request('/api/tickets', {
      auth: vendorAdmin,
      body: { subject: 'Riga', channel: 'email' },
    });
    expect(own.status).toBe(201);
    const ownTicket = await body(own);
    expect(ownTicket.providerId).toBe(team('Riga Multilingual').providerId);
    const out = await t.request(`/api/tickets/${ownTicket.id}/transfer`, {
      auth: vendorAdmin,
      body: { teamId: team('Istanbul Care').id },
    });
    expect(out.status).toBe(404);
    expect(await body(out)).toMatchObject({ field: 'teamId' });
    const within = await t.request(`/api/tickets/${ownTicket.id}/transfer`, {
      auth: vendorAdmin,
      body: { teamId: team('Riga Multilingual').id },
    });
    expect(within.status).toBe(200);
    expect(await body(within)).toMatchObject({ teamId: team('Riga Multilingual').id, handoffCount: 1 });
  });

  it('a night team (22:00–06:00) is accepted, and its first responses count night hours only', async () => {
    const mondayTeam = (name: string, open: string, close: string) =>
      t.request('/api/teams', {
        auth: admin,
        body: {
          providerId: team('Istanbul Care').providerId,
          name,
          timeZone: 'UTC',
          businessHours: [{ day: 'mon', open, close }],
        },
      });
    const night = await mondayTeam('Night desk', '22:00', '06:00');
    expect(night.status).toBe(201);
    const nightTeam = await body(night);
    const same = await mondayTeam('Never open', '09:00', '09:00');
    expect(same.status).toBe(400);
    expect(await body(same)).toMatchObject({ field: 'businessHours.0.close' });
    const ticket = await body(
      await t.request('/api/tickets', {
        auth: admin,
        body: { subject: 'At night', channel: 'chat', teamId: nightTeam.id },
      }),
    );
    clock.advance(9 * 3600_000); // Tuesday 08:00: the window closed at 06:00
    await t.request(`/api/tickets/${ticket.id}/messages`, { auth: admin, body: { body: 'Good morning' } });
    const detail = await body(await t.request(`/api/tickets/${ticket.id}`, { auth: admin }));
    // Open from the ticket's creation (Monday night, after 23:00) to the window's close at 06:00.
    const created = Date.parse((detail.ticket as { createdAt: string }).createdAt);
    const untilClose = (Date.parse('2026-03-03T06:00:00Z') - created) / 1000;
    expect(untilClose).toBeGreaterThan(6 * 3600);
    expect(detail.ticket).toMatchObject({
      firstResponseSeconds: 9 * 3600,
      firstResponseBusinessSeconds: untilClose,
    });
  });

  it('a live ticket appears in the Insight drill-down with the catalogue’s fields', async () => {
    const res = await t.request('/api/insight/tickets?channel=web_form&limit=50', { auth: admin });
    expect(res.status).toBe(200);
    const items = (await body(res)).items as Record<string, unknown>[];
    const live = items.find((i) => i.subject === 'Invoice twice');
    expect(live).toMatchObject({ source: 'live', channel: 'web_form', status: 'solved', group: null });
    expect(Object.keys(live!)).toEqual([...DRILL_DOWN_FIELDS]);
  });
});
