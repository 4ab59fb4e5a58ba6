import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { verifyAudit } from '../../src/modules/audit/index.js';
import { flushPendingAudit } from '../../src/modules/audit/service.js';
import { findOrCreateCustomer } from '../../src/modules/customers/index.js';
import { ticketService } from '../../src/modules/tickets/index.js';
import { fixedClock } from '../../src/platform/clock.js';
import { type Actor, systemActor } from '../../src/platform/scope.js';
import { type Auth, startTestApp, type TestApp } from '../../src/test-support/test-app.js';

/**
 * Issue 11's audit coverage: a role change, every export (Insight CSV, knowledge export) and a vendor's
 * read of a customer record each leave exactly one record in the hash chain, and `audit verify` passes.
 */
describe('audit coverage: role changes, exports, vendor access to personal data', () => {
  let t: TestApp;
  const auth: Partial<Record<keyof typeof DEMO_USERS, Auth>> = {};
  const clock = fixedClock(new Date('2026-03-02T07:00:00Z'));
  let organizationId: string;
  let customer: string;
  let manila: string;

  const records = (action: string) =>
    t.shoreline.ctx.db
      .selectFrom('audit_log')
      .select(['actor', 'subject_type', 'subject_id', 'provider_id', 'payload'])
      .where('action', '=', action)
      .orderBy('seq')
      .execute();
  const admin = async (): Promise<Actor> => {
    const u = await t.shoreline.ctx.db
      .selectFrom('users')
      .select(['id'])
      .where('email', '=', DEMO_USERS.admin)
      .executeTakeFirstOrThrow();
    return { userId: u.id, organizationId, providerId: null, role: 'admin' } as Actor;
  };
  const verify = async () => verifyAudit(t.shoreline.ctx.scope(await admin()));

  let ticket = '';

  beforeAll(async () => {
    t = await startTestApp({ demo: true, clock });
    for (const who of Object.keys(DEMO_USERS) as (keyof typeof DEMO_USERS)[])
      auth[who] = await t.login(DEMO_USERS[who], DEMO_PASSWORD);
    const db = t.shoreline.ctx.db;
    organizationId = (await db.selectFrom('organizations').select('id').executeTakeFirstOrThrow()).id;
    const system = t.shoreline.ctx.scope(systemActor('test', organizationId));
    manila = (await db.selectFrom('providers').select(['id', 'name']).execute()).find((p) =>
      p.name.includes('Manila'),
    )!.id;
    customer = (
      await findOrCreateCustomer(system, clock, { kind: 'email', value: 'maria@example.ph', name: 'Maria' })
    ).id;
    ({ id: ticket } = (await ticketService.createTicket(system, clock, {
      subject: 'Parcel lost',
      channel: 'email',
      customerId: customer,
      providerId: manila,
    })) as { id: string });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('records a role change once, with the old and the new role; a rename alone is not recorded', async () => {
    const agent = await t.shoreline.ctx.db
      .selectFrom('users')
      .select(['id'])
      .where('email', '=', DEMO_USERS.agent)
      .executeTakeFirstOrThrow();
    const before = (await records('user.role_changed')).length;
    const patch = (body: unknown) =>
      t.request(`/api/users/${agent.id}`, { method: 'PATCH', body, auth: auth.admin! });
    expect((await patch({ role: 'supervisor' })).status).toBe(200);
    expect((await patch({ name: 'Renamed' })).status).toBe(200);
    expect((await patch({ role: 'supervisor' })).status).toBe(200); // unchanged: nothing to record
    const after = await records('user.role_changed');
    expect(after.length - before).toBe(1);
    expect(after.at(-1)).toMatchObject({
      subject_type: 'user',
      subject_id: agent.id,
      payload: { from: 'agent', to: 'supervisor' },
    });
    expect((await verify()).ok).toBe(true);
  });

  it('records each Insight CSV export and the knowledge export once; a JSON view is not an export', async () => {
    const before = (await records('export')).length;
    const csv = await t.request('/api/insight/kpis?groupBy=provider&format=csv', { auth: auth.admin! });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const tickets = await t.request('/api/insight/tickets?format=csv', { auth: auth.supervisor! });
    expect(tickets.status).toBe(200);
    expect((await t.request('/api/insight/kpis?groupBy=provider', { auth: auth.admin! })).status).toBe(200);
    const knowledge = await t.request('/api/knowledge/export', { auth: auth.admin! });
    expect(knowledge.status).toBe(200);
    const after = (await records('export')).slice(before);
    expect(after.map((r) => `${r.subject_type}:${r.subject_id}`)).toEqual([
      'insight:kpis-provider',
      'insight:tickets',
      'knowledge:knowledge-base',
    ]);
    expect(after[0]?.payload).toMatchObject({ format: 'csv', query: { groupBy: 'provider' } });
    const v = await verify();
    expect(v).toMatchObject({ ok: true, problem: null });
  });

  it("records a vendor's read of a customer record, not an in-house read", async () => {
    const before = (await records('customer.read_by_vendor')).length;
    expect((await t.request(`/api/customers/${customer}`, { auth: auth.admin! })).status).toBe(200);
    expect((await t.request(`/api/customers/${customer}`, { auth: auth.vendorAgent! })).status).toBe(200);
    // A refused read (no ticket of the Baltic vendor) discloses nothing, so records nothing.
    expect((await t.request(`/api/customers/${customer}`, { auth: auth.vendorAdmin! })).status).toBe(404);
    const after = (await records('customer.read_by_vendor')).slice(before);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ subject_type: 'customer', subject_id: customer, provider_id: manila });
    expect((await verify()).ok).toBe(true);
  });

  it("records a vendor's read of a ticket through the pending table, joined to the chain once by audit.flush", async () => {
    const pending = () => t.shoreline.ctx.db.selectFrom('audit_pending').selectAll().execute();
    const before = (await records('ticket.read_by_vendor')).length;
    expect((await t.request(`/api/tickets/${ticket}`, { auth: auth.admin! })).status).toBe(200);
    expect((await t.request(`/api/tickets/${ticket}`, { auth: auth.vendorAgent! })).status).toBe(200);
    expect((await t.request(`/api/tickets/${ticket}`, { auth: auth.vendorAgent! })).status).toBe(200);
    // Another vendor's refused read, and the vendor's inbox list, record nothing.
    expect((await t.request(`/api/tickets/${ticket}`, { auth: auth.vendorAdmin! })).status).toBe(404);
    expect((await t.request('/api/desk/tickets?view=mine', { auth: auth.vendorAgent! })).status).toBe(200);
    // The request wrote one pending row per read and left the chain alone.
    expect(await pending()).toHaveLength(2);
    expect(await records('ticket.read_by_vendor')).toHaveLength(before);
    // The read queued the organization's flush job for the next minute; it moves them in order, once.
    const flushJobs = await t.shoreline.ctx.db
      .selectFrom('jobs')
      .select('status')
      .where('name', '=', 'audit.flush')
      .execute();
    expect(flushJobs).toEqual([{ status: 'queued' }]);
    await t.shoreline.jobs.runDueJobs();
    expect(await pending()).toHaveLength(2);
    clock.advance(61_000);
    await t.shoreline.jobs.runDueJobs();
    expect(await pending()).toHaveLength(0);
    const after = (await records('ticket.read_by_vendor')).slice(before);
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({ subject_type: 'ticket', subject_id: ticket, provider_id: manila });
    expect(await flushPendingAudit(t.shoreline.ctx.db)).toBe(0);
    expect((await verify()).ok).toBe(true);
  });
});
