import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { createRoutedTicket } from '../../src/modules/routing/index.js';
import { ticketService } from '../../src/modules/tickets/index.js';
import { fixedClock } from '../../src/platform/clock.js';
import { type Actor, systemActor } from '../../src/platform/scope.js';
import {
  type Auth,
  idsByName,
  importOverHttp,
  startTestApp,
  type TestApp,
} from '../../src/test-support/test-app.js';

/**
 * Routing applied to new tickets through the tickets service, on the demo directory: Istanbul Care
 * (tr, en; Mon–Fri 09–18 Istanbul), Budapest Billing (hu, en), Riga Multilingual (vendor; lv, ru,
 * en), Manila Follow-the-sun (vendor; en, 24×7).
 */
describe('routing module', () => {
  let app: TestApp;
  let admin: Auth;
  let vendor: Auth;
  let system: Actor;
  let teams: Record<string, string>;
  // Monday 2026-11-30 10:00 in Istanbul.
  const clock = fixedClock(new Date('2026-11-30T07:00:00Z'));
  const at = (iso: string) => clock.advance(new Date(iso).getTime() - clock.now().getTime());
  const scope = () => app.shoreline.ctx.scope(system);
  /** A customer's chat, routed as it arrives: its ticket and the routing decision. */
  const routeCustomerChat = (subject: string, body: string) =>
    createRoutedTicket(scope(), clock, {
      subject,
      channel: 'chat',
      message: { body, authorType: 'customer' },
    });

  beforeAll(async () => {
    app = await startTestApp({ demo: true, clock });
    admin = await app.login(DEMO_USERS.admin, DEMO_PASSWORD);
    vendor = await app.login(DEMO_USERS.vendorAdmin, DEMO_PASSWORD);
    const named = await idsByName(app, 'teams');
    teams = named.ids;
    system = systemActor('test', named.organizationId);
    const res = await app.request('/api/routing/rules', {
      method: 'PUT',
      auth: admin,
      body: {
        rules: [
          {
            name: 'Turkish',
            conditions: { languages: ['tr'] },
            teamIds: [teams['Istanbul Care']],
            tags: ['tr'],
            type: 'question',
          },
          {
            name: 'Refunds in English',
            conditions: { languages: ['en'], topics: ['refund'] },
            teamIds: [teams['Budapest Billing'], teams['Manila Follow-the-sun']],
            priority: 'high',
          },
          {
            name: 'English chat, follow the sun',
            conditions: { languages: ['en'], channels: ['chat'] },
            teamIds: [teams['Istanbul Care'], teams['Manila Follow-the-sun']],
          },
        ],
      },
    });
    expect(res.status).toBe(200);
  }, 120_000);
  afterAll(() => app?.close());

  it('routes a Turkish chat to Istanbul while it is open, detecting the language and naming the rule', async () => {
    at('2026-11-30T07:00:00Z');
    const { ticket, routing } = await routeCustomerChat(
      'Sipariş',
      'Merhaba, siparişim üç gündür gelmedi, kargo takip numarası çalışmıyor.',
    );
    expect(routing).toMatchObject({
      ruleName: 'Turkish',
      teamId: teams['Istanbul Care'],
      open: true,
      language: 'tr',
    });
    // The rule's type, so the ticket gets the policy for its type (complaints have their own).
    expect(ticket).toMatchObject({ teamId: teams['Istanbul Care'], language: 'tr', type: 'question' });
    const res = await app.request(`/api/routing/tickets/${ticket.id}`, { auth: admin });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ruleName: 'Turkish', basis: 'open_least_loaded' });
    // The Baltic vendor's staff do not see an in-house ticket's decision.
    expect((await app.request(`/api/routing/tickets/${ticket.id}`, { auth: vendor })).status).toBe(404);
  });

  it('follows the sun: English chat on Saturday goes to the vendor in Manila', async () => {
    at('2026-12-05T12:00:00Z');
    const { ticket, routing } = await routeCustomerChat(
      'Order help',
      'Hello, my order has not arrived yet and the tracking page shows nothing at all.',
    );
    expect(routing).toMatchObject({
      ruleName: 'English chat, follow the sun',
      teamId: teams['Manila Follow-the-sun'],
      open: true,
    });
    expect(ticket.providerId).toBe(routing.providerId);
  });

  it('rejects a rule naming a team it cannot see, naming the field, and writes nothing', async () => {
    admin = await app.login(DEMO_USERS.admin, DEMO_PASSWORD);
    vendor = await app.login(DEMO_USERS.vendorAdmin, DEMO_PASSWORD);
    const before = await (await app.request('/api/routing/rules', { auth: admin })).json();
    const res = await app.request('/api/routing/rules', {
      method: 'PUT',
      auth: admin,
      body: { rules: [{ name: 'x', teamIds: ['tm_elsewhere'] }] },
    });
    expect(res.status).toBe(404);
    expect(JSON.stringify(await res.json())).toContain('rules.0.teamIds.0');
    expect(await (await app.request('/api/routing/rules', { auth: admin })).json()).toEqual(before);
    const bad = await app.request('/api/routing/rules', {
      method: 'PUT',
      auth: admin,
      body: {
        rules: [{ name: 'x', teamIds: [teams['Istanbul Care']], conditions: { languages: ['turkish'] } }],
      },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('languages');
    // Vendor staff neither read nor write the organization's rules.
    expect((await app.request('/api/routing/rules', { auth: vendor })).status).toBe(404);
  });

  it('replay over imported tickets gives the same answers as live routing at their creation instants', async () => {
    const texts: [string, string][] = [
      ['chat', 'Hello, I would like a refund for the broken kettle I received last week.'],
      ['email', 'Merhaba, faturamda iki kez ücret alınmış, lütfen kontrol eder misiniz?'],
      ['chat', 'Hi there, how do I change the delivery address on my open order please?'],
      ['phone', 'Jó napot, a számlámon kétszer szerepel ugyanaz a tétel, kérem javítsák.'],
      ['social', 'Labdien, mans pasūtījums vēl nav atnācis, lūdzu palīdziet man ar to.'],
    ];
    const hours = [
      '2026-10-05T07:00:00Z',
      '2026-10-05T16:30:00Z',
      '2026-10-10T03:00:00Z',
      '2026-10-12T22:00:00Z',
    ];
    const records = hours.flatMap((h, i) =>
      texts.map(([channel, description], j) => ({
        externalId: `replay-${i}-${j}`,
        createdAt: new Date(new Date(h).getTime() + j * 60_000).toISOString(),
        channel,
        subject: 'Question',
        description,
      })),
    );
    expect(await importOverHttp(app, admin, 'replay.ndjson', records)).toBe(202);
    const replay = await app.request('/api/routing/replay', {
      body: { from: '2026-10-01T00:00:00Z', to: '2026-11-01T00:00:00Z', sample: 1000 },
      auth: admin,
    });
    expect(replay.status).toBe(200);
    const result = (await replay.json()) as {
      tickets: number;
      sample: { ticketId: string; ruleName: string; teamId: string | null; open: boolean }[];
      volumeByProvider: { providerId: string | null; tickets: number }[];
    };
    expect(result.tickets).toBe(records.length);
    const imported = await app.shoreline.ctx.db
      .selectFrom('tickets')
      .select(['id', 'external_id'])
      .where('external_id', 'like', 'replay-%')
      .execute();
    const byExternal = new Map(imported.map((t) => [t.external_id, t.id]));
    for (const r of records) {
      // Live routing of the same ticket at its creation instant (queues empty, as the replay assumes).
      const then = fixedClock(new Date(r.createdAt));
      const { ticket, routing } = await createRoutedTicket(scope(), then, {
        subject: r.subject,
        channel: r.channel as 'chat',
        description: r.description,
      });
      await ticketService.changeStatus(scope(), then, ticket.id, 'solved');
      const replayed = result.sample.find((d) => d.ticketId === byExternal.get(r.externalId));
      expect({ rule: replayed?.ruleName, team: replayed?.teamId, open: replayed?.open }).toEqual({
        rule: routing.ruleName,
        team: routing.teamId,
        open: routing.open,
      });
    }
    expect(result.volumeByProvider.reduce((n, v) => n + v.tickets, 0)).toBe(records.length);
  });

  it('detects languages over the API', async () => {
    const res = await app.request('/api/routing/detect-language', {
      body: { texts: ['Merhaba, siparişim nerede? Üç gündür bekliyorum.', '?'] },
      auth: admin,
    });
    expect(await res.json()).toEqual({ languages: ['tr', 'und'] });
  });
});
