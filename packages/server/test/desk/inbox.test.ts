import { textSearchConfig } from '@shoreline/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { searchTickets } from '../../src/modules/tickets/index.js';
import { fixedClock } from '../../src/platform/clock.js';
import { systemActor } from '../../src/platform/scope.js';
import { SseReader } from '../../src/test-support/sse-client.js';
import { type Auth, startTestApp, type TestApp } from '../../src/test-support/test-app.js';

type Json = Record<string, unknown>;
type Ticket = { id: string; providerId: string | null; teamId: string | null; status: string };

/**
 * The agent inbox as agents meet it: their own queues (a vendor's never holds in-house work), an
 * escalation from a vendor to the in-house team with its reason in the history, pushed to the
 * in-house side only; search in each language; macros; one action on many tickets.
 */
describe('desk: the agent inbox', () => {
  let t: TestApp;
  let admin: Auth;
  let agent: Auth;
  let vendorAgent: Auth;
  let teams: { id: string; name: string; providerId: string }[];
  const clock = fixedClock(new Date('2026-03-02T09:00:00Z'));
  const json = async <T = Json>(res: Response) => (await res.json()) as T;
  const team = (name: string) => teams.find((x) => x.name === name)!;
  const open = async (body: Json) => {
    clock.advance(1_000);
    const res = await t.request('/api/tickets', { auth: admin, body });
    expect(res.status, await res.clone().text()).toBe(201);
    return json<Ticket>(res);
  };
  const view = async (auth: Auth, name: string, extra = '') =>
    json<{ items: Ticket[]; next: string | null }>(
      await t.request(`/api/desk/tickets?view=${name}${extra}`, { auth }),
    );

  let inHouse: Ticket[];
  let manila: Ticket[];
  beforeAll(async () => {
    t = await startTestApp({ demo: true, clock });
    admin = await t.login(DEMO_USERS.admin, DEMO_PASSWORD);
    agent = await t.login(DEMO_USERS.agent, DEMO_PASSWORD);
    vendorAgent = await t.login(DEMO_USERS.vendorAgent, DEMO_PASSWORD);
    teams = (await json<{ items: typeof teams }>(await t.request('/api/teams', { auth: admin }))).items;
    inHouse = [];
    manila = [];
    for (let i = 0; i < 3; i++)
      inHouse.push(
        await open({
          subject: `Fatura ${i}`,
          channel: 'email',
          language: 'tr',
          teamId: team('Istanbul Care').id,
        }),
      );
    for (let i = 0; i < 5; i++)
      manila.push(
        await open({
          subject: `Parcel ${i} lost`,
          channel: 'email',
          language: 'en',
          requester: `Maria Cruz ${i} <maria${i}@example.ph>`,
          teamId: team('Manila Follow-the-sun').id,
        }),
      );
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it("shows each agent their own provider's queue, with counts, page by page", async () => {
    const vendorViews = await json<{ views: { view: string; count: number }[] }>(
      await t.request('/api/desk/views', { auth: vendorAgent }),
    );
    expect(vendorViews.views.map((v) => v.view)).toEqual([
      'mine',
      'team',
      'unassigned',
      'breaching',
      'pending',
    ]);
    expect(vendorViews.views.find((v) => v.view === 'unassigned')?.count).toBe(5);
    const agentViews = await json<{ views: { view: string; count: number }[] }>(
      await t.request('/api/desk/views', { auth: agent }),
    );
    expect(agentViews.views.find((v) => v.view === 'unassigned')?.count).toBe(3);
    // The supervisors' view is theirs: an agent asking for it meets a 404.
    expect((await t.request('/api/desk/tickets?view=all', { auth: agent })).status).toBe(404);
    expect((await view(admin, 'all')).items.length).toBe(8);

    // Keyset pages, oldest first, no repeats, no gaps.
    const first = await view(vendorAgent, 'unassigned', '&limit=2');
    expect(first.items.map((x) => x.id)).toEqual(manila.slice(0, 2).map((x) => x.id));
    const second = await view(vendorAgent, 'unassigned', `&limit=2&cursor=${first.next}`);
    const third = await view(vendorAgent, 'unassigned', `&limit=2&cursor=${second.next}`);
    expect([...second.items, ...third.items].map((x) => x.id)).toEqual(manila.slice(2).map((x) => x.id));
    expect(third.next).toBeNull();
    const bad = await t.request('/api/desk/tickets?view=mine&cursor=nonsense', { auth: vendorAgent });
    expect(bad.status).toBe(400);
    expect((await json(bad)).field).toBe('query.cursor');

    // Mine and my team's queue.
    expect(
      (
        await t.request(`/api/tickets/${manila[0]!.id}/assignee`, {
          method: 'PATCH',
          auth: admin,
          body: {
            assignee: (await t.request('/api/me', { auth: vendorAgent }).then(json<{ id: string }>)).id,
          },
        })
      ).status,
    ).toBe(200);
    expect((await view(vendorAgent, 'mine')).items.map((x) => x.id)).toEqual([manila[0]!.id]);
    expect((await view(vendorAgent, 'team')).items).toEqual([]);
    const join = await t.request('/api/desk/me/teams', {
      method: 'PUT',
      auth: vendorAgent,
      body: { teamIds: [team('Manila Follow-the-sun').id] },
    });
    expect(join.status).toBe(200);
    expect((await view(vendorAgent, 'team')).items.length).toBe(5);
    // A team of another provider is out of reach: 404 naming it.
    const foreign = await t.request('/api/desk/me/teams', {
      method: 'PUT',
      auth: vendorAgent,
      body: { teamIds: [team('Istanbul Care').id] },
    });
    expect(foreign.status).toBe(404);
    expect((await json(foreign)).field).toBe('teamIds.0');
  });

  it('escalates from the vendor to the in-house team: the reason stays in the history, the in-house side is told live', async () => {
    const inHouseStream = new SseReader(await t.request('/api/events/stream', { auth: agent }));
    const vendorStream = new SseReader(await t.request('/api/events/stream', { auth: vendorAgent }));
    expect((await inHouseStream.next()).event).toBe('ready');
    expect((await vendorStream.next()).event).toBe('ready');
    const ticket = manila[4]!;
    // A vendor may not name an in-house team (it never learns their ids) …
    const named = await t.request(`/api/tickets/${ticket.id}/escalate`, {
      auth: vendorAgent,
      body: { teamId: team('Budapest Billing').id, reason: 'refund above my limit' },
    });
    expect(named.status).toBe(404);
    // … the ticket goes to an in-house team for its language and channel (both work English e-mail:
    // the first by name).
    const res = await t.request(`/api/tickets/${ticket.id}/escalate`, {
      auth: vendorAgent,
      body: { reason: 'Refund above 500 EUR needs the client' },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const moved = await json<Ticket>(res);
    expect(moved.teamId).toBe(team('Budapest Billing').id);
    const arrived = await inHouseStream.until((m) => m.event === 'ticket.escalated');
    const payload = JSON.parse(arrived.at(-1)!.data) as { subjectId: string; payload: { reason: string } };
    expect(payload).toMatchObject({
      subjectId: ticket.id,
      payload: { reason: 'Refund above 500 EUR needs the client' },
    });
    // The vendor no longer reaches it; the in-house agent finds it in the queue with the hand-off.
    expect((await t.request(`/api/tickets/${ticket.id}`, { auth: vendorAgent })).status).toBe(404);
    expect((await view(agent, 'unassigned')).items.map((x) => x.id)).toContain(ticket.id);
    const detail = await json<{ history: { kind: string; team: string | null; reason: string | null }[] }>(
      await t.request(`/api/tickets/${ticket.id}`, { auth: agent }),
    );
    expect(detail.history.at(-1)).toMatchObject({
      kind: 'handoff',
      team: 'Budapest Billing',
      reason: 'Refund above 500 EUR needs the client',
    });
    // The vendor's stream carried nothing of it after the move (a sentinel on its own ticket proves the stream is live).
    await t.request(`/api/tickets/${manila[1]!.id}/tags`, {
      method: 'PATCH',
      auth: vendorAgent,
      body: { add: ['sentinel'] },
    });
    const seen = await vendorStream.until((m) => m.event === 'ticket.tagged');
    expect(seen.some((m) => m.event === 'ticket.escalated')).toBe(false);
    await inHouseStream.close();
    await vendorStream.close();
  });

  it('search answers the same newest matches whether the newest window or the full index finds them', async () => {
    const org = await t.shoreline.ctx.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
    const s = t.shoreline.ctx.scope(systemActor('test', org.id));
    for (const q of ['parcel', 'fatura', 'lost'])
      for (const limit of [1, 2, 3, 4, 50]) {
        const byIndex = (await searchTickets(s, q, limit, 0)).map((x) => x.id);
        expect(byIndex.length).toBeGreaterThan(0);
        for (const window of [1, 2, 3, 5, 1000])
          expect(
            (await searchTickets(s, q, limit, window)).map((x) => x.id),
            `${q} ${limit} ${window}`,
          ).toEqual(byIndex);
      }
  });

  it('finds tickets by words in each language, by requester and by number, within scope', async () => {
    const tr = await open({
      subject: 'Faturalarımı göremiyorum',
      channel: 'email',
      language: 'tr',
      teamId: team('Istanbul Care').id,
      message: { body: 'Hesabımda ödeme görünmüyor' },
    });
    const hu = await open({
      subject: 'Nem látom a számláimat',
      channel: 'email',
      language: 'hu',
      teamId: team('Budapest Billing').id,
    });
    const he = await open({
      subject: 'לא קיבלתי את החבילה',
      channel: 'email',
      language: 'he',
      teamId: team('Istanbul Care').id,
    });
    const lv = await open({
      subject: 'Nevaru atrast rēķinu',
      channel: 'email',
      language: 'lv',
      teamId: team('Riga Multilingual').id,
    });
    const find = async (auth: Auth, q: string) =>
      (
        await json<{ items: Ticket[] }>(
          await t.request(`/api/desk/search?q=${encodeURIComponent(q)}`, { auth }),
        )
      ).items.map((x) => x.id);
    // Stemmed: another form of the word finds it (Turkish "fatura", Hungarian "számla").
    expect(await find(admin, 'fatura')).toContain(tr.id);
    expect(await find(admin, 'ödeme')).toContain(tr.id); // in the message body
    expect(await find(admin, 'számla')).toContain(hu.id);
    // Hebrew and Latvian: exact words (simple configuration).
    expect(await find(admin, 'החבילה')).toContain(he.id);
    expect(await find(admin, 'rēķinu')).toContain(lv.id);
    // Trigram: part of a requester's name or address.
    expect(await find(admin, 'maria3@exam')).toEqual([manila[3]!.id]);
    expect(await find(admin, 'Cruz 2')).toEqual([manila[2]!.id]);
    // Vendor staff find only their provider's tickets.
    expect(await find(vendorAgent, 'fatura')).toEqual([]);
    expect(await find(vendorAgent, 'parcel')).not.toContain(manila[4]!.id); // escalated away
    expect((await find(vendorAgent, 'parcel')).length).toBe(4);
    // The database's configuration per language is core's.
    const configs = await t.shoreline.ctx.db
      .selectNoFrom(() =>
        (['en', 'tr-TR', 'hu', 'he', 'lv', 'xx'] as const).map((l) =>
          sql<string>`shoreline_text_config(${l})::text`.as(l.replace('-', '_')),
        ),
      )
      .executeTakeFirstOrThrow();
    expect(Object.values(configs)).toEqual(['en', 'tr-TR', 'hu', 'he', 'lv', 'xx'].map(textSearchConfig));
    const empty = await t.request('/api/desk/search?q=', { auth: admin });
    expect(empty.status).toBe(400);
    expect((await json(empty)).field).toBe('query.q');
  });

  it('renders a macro in the ticket’s language with its placeholders; only in-house supervisors write them', async () => {
    const created = await t.request('/api/desk/macros', {
      auth: admin,
      body: {
        name: 'Refund sent',
        bodies: {
          en: 'Hello {{customer.name}}, the refund for {{ticket.number}} is on its way. {{agent.name}}',
          tr: 'Merhaba {{customer.name}}, {{ticket.number}} için iade yolda. {{agent.name}}',
        },
        actions: { status: 'solved', addTags: ['refund'] },
      },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const macro = await json<{ id: string }>(created);
    const refused = await t.request('/api/desk/macros', {
      auth: vendorAgent,
      body: { name: 'Mine', bodies: { en: 'x' } },
    });
    expect(refused.status).toBe(404);
    const rendered = await json<{ body: string; language: string; actions: Json }>(
      await t.request(`/api/desk/tickets/${manila[2]!.id}/macros/${macro.id}`, { auth: vendorAgent }),
    );
    expect(rendered.language).toBe('en');
    expect(rendered.body).toBe(
      `Hello Maria Cruz 2, the refund for ${manila[2]!.id} is on its way. Jose Santos`,
    );
    expect(rendered.actions).toEqual({ status: 'solved', addTags: ['refund'] });
    const turkish = await json<{ body: string; language: string; missing: string[] }>(
      await t.request(`/api/desk/tickets/${inHouse[0]!.id}/macros/${macro.id}`, { auth: agent }),
    );
    expect(turkish.language).toBe('tr');
    expect(turkish.body.startsWith('Merhaba {{customer.name}},')).toBe(true);
    expect(turkish.missing).toEqual(['customer.name']);
    const invalid = await t.request('/api/desk/macros', {
      auth: admin,
      body: { name: 'x', bodies: { 'not a tag': 'x' } },
    });
    expect(invalid.status).toBe(400);
  });

  it('applies one action to many tickets: per-ticket results, a foreign ticket refuses the whole request', async () => {
    const ids = inHouse.map((x) => x.id);
    // Close is refused for a ticket that is not solved: that one is reported, the others solve.
    await t.request(`/api/tickets/${ids[0]}/status`, {
      method: 'PATCH',
      auth: agent,
      body: { status: 'solved' },
    });
    const res = await t.request('/api/tickets/bulk', {
      auth: agent,
      body: { ticketIds: ids, action: { kind: 'status', status: 'closed' } },
    });
    expect(res.status).toBe(200);
    const { results } = await json<{ results: { id: string; ok: boolean; code?: string }[] }>(res);
    expect(results.map((r) => [r.ok, r.code ?? null])).toEqual([
      [true, null],
      [false, 'invalid_transition'],
      [false, 'invalid_transition'],
    ]);
    const priority = await t.request('/api/tickets/bulk', {
      auth: agent,
      body: { ticketIds: ids.slice(1), action: { kind: 'priority', priority: 'urgent' } },
    });
    expect(
      (await json<{ results: { ticket: { priority: string } }[] }>(priority)).results.map(
        (r) => r.ticket.priority,
      ),
    ).toEqual(['urgent', 'urgent']);
    const foreign = await t.request('/api/tickets/bulk', {
      auth: vendorAgent,
      body: { ticketIds: [manila[1]!.id, ids[1]], action: { kind: 'tags', add: ['x'] } },
    });
    expect(foreign.status).toBe(404);
    expect((await json(foreign)).field).toBe('ticketIds.1');
    const untouched = await json<{ ticket: { tags: string[] } }>(
      await t.request(`/api/tickets/${manila[1]!.id}`, { auth: vendorAgent }),
    );
    expect(untouched.ticket.tags).not.toContain('x');
    const one = await t.request(`/api/tickets/${ids[1]}/priority`, {
      method: 'PATCH',
      auth: agent,
      body: { priority: 'low' },
    });
    expect((await json<{ priority: string }>(one)).priority).toBe('low');
  });
});
