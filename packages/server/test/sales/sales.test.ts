import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { fixedClock } from '../../src/platform/clock.js';
import { type Auth, startTestApp, type TestApp } from '../../src/test-support/test-app.js';

type Lead = {
  id: string;
  providerId: string | null;
  teamId: string | null;
  status: string;
  wonMinor: number | null;
};
type Report = {
  rows: { key: string | null; leads: number; won: number; wonMinor: number; conversion: number | null }[];
};

/**
 * Sales handoff on the demo directory: a vendor agent (Manila) hands a chat to sales; the CRM
 * reports the outcome with an in-house admin's token; the leads report attributes it to the
 * vendor's team and provider, and other vendors' staff see none of it.
 */
describe('sales handoff', () => {
  let app: TestApp;
  const auth: Record<string, Auth> = {};
  const clock = fixedClock(new Date('2026-11-30T07:00:00Z'));
  const teams: Record<string, string> = {};
  const json = async <T>(res: Response) => (await res.json()) as T;
  const openTicket = async (team: string, subject: string) =>
    (
      await json<{ id: string }>(
        await app.request('/api/tickets', {
          auth: auth.admin!,
          body: {
            subject,
            channel: 'chat',
            teamId: teams[team],
            language: 'en',
            requester: 'buyer@example.net',
          },
        }),
      )
    ).id;

  /** `who` hands the conversation `ticketId` off as a lead: the answer. */
  const raiseLead = (who: Auth | undefined, ticketId: string, body: object) =>
    app.request(`/api/sales/tickets/${ticketId}/lead`, { auth: who, body });

  beforeAll(async () => {
    app = await startTestApp({ demo: true, clock });
    for (const [who, email] of Object.entries(DEMO_USERS)) auth[who] = await app.login(email, DEMO_PASSWORD);
    const rows = await app.shoreline.ctx.db.selectFrom('teams').select(['id', 'name']).execute();
    for (const r of rows) teams[r.name] = r.id;
  }, 120_000);
  afterAll(() => app?.close());

  it('turns a vendor agent’s conversation into a lead attributed to its team and provider, and a webhook event', async () => {
    const ticketId = await openTicket('Manila Follow-the-sun', 'Interested in the business plan');
    const res = await raiseLead(auth.vendorAgent, ticketId, {
      interest: 'Business plan',
      valueMinor: 120_000,
      currency: 'EUR',
    });
    expect(res.status).toBe(201);
    const lead = await json<Lead & { contact: string; channel: string; raisedBy: string }>(res);
    expect(lead).toMatchObject({
      teamId: teams['Manila Follow-the-sun'],
      channel: 'chat',
      contact: 'buyer@example.net',
      status: 'open',
    });
    expect(lead.providerId).not.toBeNull();
    expect(lead.raisedBy).toMatch(/^usr_/);
    const events = await app.shoreline.ctx.db
      .selectFrom('domain_events')
      .select(['type', 'provider_id'])
      .where('subject_id', '=', lead.id)
      .execute();
    expect(events).toEqual([{ type: 'lead.created', provider_id: lead.providerId }]);

    // Once per conversation.
    const again = await raiseLead(auth.agent, ticketId, {
      interest: 'Business plan',
      valueMinor: 1,
      currency: 'EUR',
    });
    expect(again.status).toBe(409);

    // The vendor may not report the outcome; the CRM (an in-house admin's token) may, once.
    const byVendor = await app.request(`/api/sales/leads/${lead.id}/outcome`, {
      auth: auth.vendorAgent,
      body: { outcome: 'won' },
    });
    expect(byVendor.status).toBe(404);
    const won = await app.request(`/api/sales/leads/${lead.id}/outcome`, {
      auth: auth.admin,
      body: { outcome: 'won', valueMinor: 150_000, crmReference: 'OPP-1' },
    });
    expect(won.status).toBe(200);
    expect(await json<Lead>(won)).toMatchObject({ status: 'won', wonMinor: 150_000 });
    const twice = await app.request(`/api/sales/leads/${lead.id}/outcome`, {
      auth: auth.admin,
      body: { outcome: 'lost' },
    });
    expect(twice.status).toBe(409);

    // An in-house lead, lost.
    const inHouse = await openTicket('Istanbul Care', 'Upgrade?');
    const other = await json<Lead>(
      await raiseLead(auth.agent, inHouse, { interest: 'Upgrade', valueMinor: 5_000, currency: 'EUR' }),
    );
    await app.request(`/api/sales/leads/${other.id}/outcome`, {
      auth: auth.admin,
      body: { outcome: 'lost' },
    });

    const byTeam = await json<Report>(
      await app.request('/api/sales/report?by=team', { auth: auth.supervisor }),
    );
    expect(byTeam.rows).toEqual([
      expect.objectContaining({
        key: teams['Manila Follow-the-sun'],
        leads: 1,
        won: 1,
        wonMinor: 150_000,
        conversion: 1,
      }),
      expect.objectContaining({ key: teams['Istanbul Care'], leads: 1, won: 0, wonMinor: 0, conversion: 0 }),
    ]);
    const byChannel = await json<Report>(
      await app.request('/api/sales/report?by=channel', { auth: auth.admin }),
    );
    expect(byChannel.rows).toEqual([
      expect.objectContaining({ key: 'chat', leads: 2, won: 1, conversion: 0.5 }),
    ]);

    // Another vendor's lead sees none of it; the report is empty for them.
    const baltic = await json<Report>(
      await app.request('/api/sales/report?by=provider', { auth: auth.vendorAdmin }),
    );
    expect(baltic.rows).toEqual([]);
    const balticLeads = await json<{ items: Lead[] }>(
      await app.request('/api/sales/leads', { auth: auth.vendorAdmin }),
    );
    expect(balticLeads.items).toEqual([]);
  });

  it('refuses a vendor agent’s handoff of another provider’s conversation, and bad input naming the field', async () => {
    const inHouse = await openTicket('Istanbul Care', 'Not yours');
    const res = await raiseLead(auth.vendorAgent, inHouse, { interest: 'x', valueMinor: 1, currency: 'EUR' });
    expect(res.status).toBe(404);
    const bad = await raiseLead(auth.agent, inHouse, { interest: 'x', valueMinor: -1, currency: 'eur' });
    expect(bad.status).toBe(400);
    const problem = await json<{ errors: { field: string }[] }>(bad);
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['currency', 'valueMinor']);
    const count = await app.shoreline.ctx.db
      .selectFrom('sales_leads')
      .select('id')
      .where('ticket_id', '=', inHouse)
      .execute();
    expect(count).toEqual([]);
  });
});
