import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { findOrCreateCustomer } from '../../src/modules/customers/index.js';
import { ticketService } from '../../src/modules/tickets/index.js';
import { fixedClock } from '../../src/platform/clock.js';
import { systemActor } from '../../src/platform/scope.js';
import { type Auth, startTestApp, type TestApp } from '../../src/test-support/test-app.js';

type History = {
  customer: { id: string; name: string | null; identities: { kind: string; value: string }[] };
  tickets: { id: string }[];
};

/**
 * A customer's history beside a ticket, and the isolation rule of issue 9: "vendor agents see only
 * their provider's tickets and customers". In-house staff read any customer of the organization
 * with all their tickets; vendor staff read a customer only with a ticket of their provider, and
 * see only those tickets; any other customer answers 404 as if absent.
 */
describe('customers: history and who may read it', () => {
  let t: TestApp;
  const auth: Partial<Record<keyof typeof DEMO_USERS, Auth>> = {};
  const clock = fixedClock(new Date('2026-03-02T07:00:00Z'));
  let shared: string; // a customer with an in-house ticket and a Manila ticket
  let inHouseOnly: string; // a customer with an in-house ticket only
  let manilaTicket: string;
  let inHouseTicket: string;

  const history = (who: keyof typeof DEMO_USERS, id: string) =>
    t.request(`/api/customers/${id}`, { auth: auth[who]! });

  beforeAll(async () => {
    t = await startTestApp({ demo: true, clock });
    for (const who of Object.keys(DEMO_USERS) as (keyof typeof DEMO_USERS)[])
      auth[who] = await t.login(DEMO_USERS[who], DEMO_PASSWORD);
    const db = t.shoreline.ctx.db;
    const org = await db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
    const system = t.shoreline.ctx.scope(systemActor('test', org.id));
    const providers = await db.selectFrom('providers').select(['id', 'name', 'kind']).execute();
    const manila = providers.find((p) => p.name.includes('Manila'))!.id;
    const inHouse = providers.find((p) => p.kind === 'in_house')!.id;
    shared = (
      await findOrCreateCustomer(system, clock, {
        kind: 'email',
        value: 'Maria.Cruz@example.ph',
        name: 'Maria Cruz',
        language: 'en',
      })
    ).id;
    inHouseOnly = (
      await findOrCreateCustomer(system, clock, { kind: 'email', value: 'ayse@example.com.tr', name: 'Ayşe' })
    ).id;
    const open = async (customerId: string, providerId: string, subject: string) => {
      clock.advance(1_000);
      const ticket = (await ticketService.createTicket(system, clock, {
        subject,
        channel: 'email',
        customerId,
        providerId,
      })) as { id: string };
      return ticket.id;
    };
    inHouseTicket = await open(shared, inHouse, 'Invoice question');
    manilaTicket = await open(shared, manila, 'Parcel lost');
    await open(inHouseOnly, inHouse, 'Fatura');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('gives in-house staff the customer, their identities and every ticket, newest first', async () => {
    for (const who of ['admin', 'supervisor', 'agent'] as const) {
      const res = await history(who, shared);
      expect(res.status, who).toBe(200);
      const body = (await res.json()) as History;
      expect(body.customer).toMatchObject({
        id: shared,
        name: 'Maria Cruz',
        identities: [{ kind: 'email', value: 'maria.cruz@example.ph' }],
      });
      expect(body.tickets.map((x) => x.id)).toEqual([manilaTicket, inHouseTicket]);
    }
  });

  it("gives vendor staff a customer of one of their tickets, with only their provider's tickets", async () => {
    const res = await history('vendorAgent', shared);
    expect(res.status).toBe(200);
    const body = (await res.json()) as History;
    expect(body.customer.id).toBe(shared);
    expect(body.customer.identities.map((i) => i.value)).toEqual(['maria.cruz@example.ph']);
    expect(body.tickets.map((x) => x.id)).toEqual([manilaTicket]);
    expect(JSON.stringify(body)).not.toContain(inHouseTicket);
  });

  it('answers vendor staff 404 for a customer with no ticket of their provider, as for one that does not exist', async () => {
    for (const who of ['vendorAgent', 'vendorAdmin'] as const) {
      // The Baltic vendor (vendorAdmin) has no ticket of either customer.
      const ids = who === 'vendorAgent' ? [inHouseOnly, 'cus_missing'] : [shared, inHouseOnly, 'cus_missing'];
      for (const id of ids) {
        const res = await history(who, id);
        expect(res.status, `${who} ${id}`).toBe(404);
        const text = await res.text();
        expect(text).not.toContain('Ayşe');
        expect(text).not.toContain('maria');
      }
    }
  });

  it('names the customer on the ticket, so the page can show the history beside it', async () => {
    const res = await t.request(`/api/tickets/${manilaTicket}`, { auth: auth.vendorAgent! });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { customerId: string | null }).customerId).toBe(shared);
  });
});
