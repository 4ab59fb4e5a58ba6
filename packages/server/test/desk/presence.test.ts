import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { openDatabase } from '../../src/platform/db/connect.js';
import type { DatabaseTarget } from '../../src/test-support/databases.js';
import { SseReader } from '../../src/test-support/sse-client.js';
import { type Auth, startTestApp, type TestApp } from '../../src/test-support/test-app.js';

type Presence = { items: { name: string; mode: string }[] };

/**
 * The collision warning across server processes: two app instances on one database (two pools on
 * PostgreSQL; one PGlite shared in-process otherwise). Presence lives in a table, so an agent on
 * instance A and one on instance B see each other, and B's browsers hear of A's agent by the
 * database's NOTIFY, scoped like the ticket.
 */
describe('desk: presence on a ticket across two app instances', () => {
  let a: TestApp;
  let b: TestApp;
  let ticketId: string;
  let inHouseTicketId: string;
  const auth: Record<string, Auth> = {};
  const json = async <T>(res: Response) => (await res.json()) as T;

  beforeAll(async () => {
    a = await startTestApp({ demo: true });
    const shared = a.shoreline.ctx.database;
    const sameDatabase: DatabaseTarget = shared.pool
      ? {
          kind: 'postgres',
          open: () =>
            openDatabase({
              url: (shared.pool as unknown as { options: { connectionString: string } }).options
                .connectionString,
            }),
        }
      : // The same PGlite, not closed by B (A closes it).
        { kind: 'pglite', open: async () => ({ ...shared, close: async () => {} }) };
    b = await startTestApp({ target: sameDatabase });
    auth.adminA = await a.login(DEMO_USERS.admin, DEMO_PASSWORD);
    auth.agentB = await b.login(DEMO_USERS.agent, DEMO_PASSWORD);
    auth.vendorB = await b.login(DEMO_USERS.vendorAgent, DEMO_PASSWORD);
    const teams = (
      await json<{ items: { id: string; name: string }[] }>(
        await a.request('/api/teams', { auth: auth.adminA }),
      )
    ).items;
    const open = async (team: string) =>
      (
        await json<{ id: string }>(
          await a.request('/api/tickets', {
            auth: auth.adminA!,
            body: { subject: 'Both of us?', channel: 'chat', teamId: teams.find((t) => t.name === team)!.id },
          }),
        )
      ).id;
    ticketId = await open('Manila Follow-the-sun');
    inHouseTicketId = await open('Istanbul Care');
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('warns each agent of the other, on different instances, and tells browsers live', async () => {
    const agentStream = new SseReader(await b.request('/api/events/stream', { auth: auth.agentB }));
    const vendorStream = new SseReader(await b.request('/api/events/stream', { auth: auth.vendorB }));
    expect((await agentStream.next()).event).toBe('ready');
    expect((await vendorStream.next()).event).toBe('ready');

    // The admin opens the vendor's ticket on A: nobody else is there yet.
    const first = await a.request(`/api/desk/tickets/${ticketId}/presence`, {
      auth: auth.adminA,
      body: { mode: 'viewing' },
    });
    expect(await json<Presence>(first)).toEqual({ items: [] });
    // Browsers on B that may see the ticket hear of it (the vendor's agent and the in-house agent).
    for (const stream of [agentStream, vendorStream]) {
      const [event] = (await stream.until((m) => m.event === 'desk.presence')).slice(-1);
      expect(JSON.parse(event!.data)).toMatchObject({
        subjectId: ticketId,
        payload: { present: [{ name: 'Ayşe Demir', mode: 'viewing' }] },
      });
    }
    // The vendor's agent opens it on B and starts replying: each sees the other.
    const second = await b.request(`/api/desk/tickets/${ticketId}/presence`, {
      auth: auth.vendorB,
      body: { mode: 'replying' },
    });
    expect(await json<Presence>(second)).toEqual({ items: [{ name: 'Ayşe Demir', mode: 'viewing' }] });
    const again = await a.request(`/api/desk/tickets/${ticketId}/presence`, {
      auth: auth.adminA,
      body: { mode: 'viewing' },
    });
    expect(await json<Presence>(again)).toEqual({ items: [{ name: 'Jose Santos', mode: 'replying' }] });

    // Presence on an in-house ticket never reaches the vendor's browser, and the vendor cannot
    // announce itself there (404: the ticket is outside its reach).
    await a.request(`/api/desk/tickets/${inHouseTicketId}/presence`, {
      auth: auth.adminA,
      body: { mode: 'viewing' },
    });
    const refused = await b.request(`/api/desk/tickets/${inHouseTicketId}/presence`, {
      auth: auth.vendorB,
      body: { mode: 'viewing' },
    });
    expect(refused.status).toBe(404);
    // Leaving: the others hear that only the vendor's agent is left on the first ticket.
    expect(
      (await a.request(`/api/desk/tickets/${ticketId}/presence`, { method: 'DELETE', auth: auth.adminA }))
        .status,
    ).toBe(204);
    const vendorSaw = await vendorStream.until(
      (m) => m.event === 'desk.presence' && JSON.parse(m.data).payload.present.length === 1,
    );
    expect(vendorSaw.map((m) => JSON.parse(m.data).subjectId)).not.toContain(inHouseTicketId);
    expect(JSON.parse(vendorSaw.at(-1)!.data).payload.present).toEqual([
      { name: 'Jose Santos', mode: 'replying' },
    ]);
    const agentSaw = await agentStream.until(
      (m) => m.event === 'desk.presence' && JSON.parse(m.data).subjectId === inHouseTicketId,
    );
    expect(agentSaw.length).toBeGreaterThan(0);
    await agentStream.close();
    await vendorStream.close();
  });
});
