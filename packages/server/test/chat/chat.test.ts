import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { listen } from '../../src/main.js';
import { fixedClock } from '../../src/platform/clock.js';
import { type Auth, startTestApp, type TestApp } from '../../src/test-support/test-app.js';
import { ChatSocket } from './socket-client.js';

/**
 * The chat widget's socket against a real server on a loopback port: a Turkish chat routed to the
 * open Turkish team and given to an agent under the chat limit, the transcript as the ticket,
 * resends stored once, reconnects resumed in order, agents' replies and typing pushed, the rating
 * through CSAT; no open team for the language → a message left by e-mail. Thursday 3 December 2026
 * 09:00 UTC is 12:00 in Istanbul (Istanbul Care open 09–18 on weekdays).
 */
describe('chat widget socket', () => {
  let app: TestApp;
  let base: string;
  let server: { close(): Promise<void> };
  let admin: Auth;
  let agent: Auth;
  let vendorAgent: Auth;
  let key: string;
  let teams: Record<string, string>;
  let agentId: string;
  const clock = fixedClock(new Date('2026-12-03T09:00:00Z'));

  beforeAll(async () => {
    app = await startTestApp({
      demo: true,
      clock,
      env: { PORT: '0', HOST: '127.0.0.1', SHORELINE_CHAT_MAX_PER_AGENT: '1' },
    });
    const served = await listen(app.shoreline, app.shoreline.ctx.config);
    server = served;
    base = `http://127.0.0.1:${served.port}`;
    admin = await app.login(DEMO_USERS.admin, DEMO_PASSWORD);
    agent = await app.login(DEMO_USERS.agent, DEMO_PASSWORD);
    vendorAgent = await app.login(DEMO_USERS.vendorAgent, DEMO_PASSWORD);
    const db = app.shoreline.ctx.db;
    teams = Object.fromEntries(
      (await db.selectFrom('teams').select(['id', 'name']).execute()).map((r) => [r.name, r.id]),
    );
    agentId = (
      await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', DEMO_USERS.agent)
        .executeTakeFirstOrThrow()
    ).id;
    // The agent's inbox is open: online (chats go only to agents online now).
    await setAvailability(agent, 'online');
    const res = await app.request('/api/chat/widgets', { body: { name: 'Shop' }, auth: admin });
    expect(res.status).toBe(201);
    const widget = (await res.json()) as { key: string; snippet: string };
    expect(widget.snippet).toContain(`data-shoreline-key="${widget.key}"`);
    expect(widget.snippet).toContain('/widget.js');
    key = widget.key;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await app?.close();
  });

  const setAvailability = async (who: Auth, status: string) =>
    expect(
      (await app.request('/api/desk/me/availability', { method: 'PUT', auth: who, body: { status } })).status,
    ).toBe(200);

  /** The ticket of the chat whose first message had this client id. */
  const ticketOfClient = async (clientId: string) =>
    ticketOf(
      (
        await app.shoreline.ctx.db
          .selectFrom('chat_messages')
          .innerJoin('chat_sessions', 'chat_sessions.id', 'chat_messages.session_id')
          .select('chat_sessions.ticket_id')
          .where('chat_messages.client_id', '=', clientId)
          .executeTakeFirstOrThrow()
      ).ticket_id,
    );

  const ticketOf = async (id: string) =>
    (await (await app.request(`/api/tickets/${id}`, { auth: admin })).json()) as {
      ticket: Record<string, unknown>;
      messages: { authorType: string; body: string; public: boolean }[];
    };

  it('refuses a socket without a known widget key', async () => {
    await expect(ChatSocket.open(base, 'wgt_unknown')).rejects.toThrow('404');
  });

  it('a Turkish chat: routed to the open Turkish team, answered live, resumed after a reconnect, rated', async () => {
    const customer = await ChatSocket.open(base, key);
    customer.send({ t: 'hello' });
    expect(await customer.next('welcome')).toEqual({ t: 'welcome', session: null });
    customer.send({ t: 'suggest', q: 'Siparişim hâlâ gelmedi, kargo nerede acaba?', lang: 'en' });
    expect(await customer.next('suggestions')).toMatchObject({ language: 'tr', open: true, opensAt: null });

    customer.send({
      t: 'start',
      id: 'c1',
      text: 'Merhaba, siparişim üç gündür kargoda bekliyor ve hiçbir bilgi alamıyorum.',
      lang: 'tr',
      email: 'musteri@example.com',
      context: { articlesRead: ['kargo-takibi'], searchText: 'kargo nerede' },
    });
    const { token } = await customer.next('started');
    expect(await customer.next('ack')).toEqual({ t: 'ack', id: 'c1', seq: 1 });
    expect((await customer.next('msg')).m).toMatchObject({ seq: 1, author: 'customer', id: 'c1' });

    const session = await app.shoreline.ctx.db
      .selectFrom('chat_sessions')
      .selectAll()
      .executeTakeFirstOrThrow();
    const ticketId = session.ticket_id;
    const detail = await ticketOf(ticketId);
    expect(detail.ticket).toMatchObject({
      channel: 'chat',
      language: 'tr',
      teamId: teams['Istanbul Care'],
      assignee: agentId,
      requester: 'musteri@example.com',
    });
    // The page's context reaches the agent: an internal note on the ticket, and the chat's own read.
    const note = detail.messages.find((m) => !m.public);
    expect(note?.body).toContain('kargo-takibi');
    expect(note?.body).toContain('kargo nerede');
    const chat = await app.request(`/api/chat/tickets/${ticketId}`, { auth: agent });
    expect(await chat.json()).toMatchObject({
      status: 'open',
      language: 'tr',
      context: { articlesRead: ['kargo-takibi'], searchText: 'kargo nerede' },
    });
    const routing = await app.request(`/api/routing/tickets/${ticketId}`, { auth: admin });
    if (routing.status === 200) expect(await routing.json()).toMatchObject({ open: true });

    // A resend (the widget did not see the ack) is stored once and acknowledged with the same number.
    customer.send({ t: 'msg', id: 'c2', text: 'Sipariş numaram 12345.' });
    customer.send({ t: 'msg', id: 'c2', text: 'Sipariş numaram 12345.' });
    expect(await customer.next('ack')).toEqual({ t: 'ack', id: 'c2', seq: 2 });
    expect(await customer.next('ack')).toEqual({ t: 'ack', id: 'c2', seq: 2 });
    expect((await customer.next('msg')).m).toMatchObject({ seq: 2, text: 'Sipariş numaram 12345.' });
    expect((await ticketOf(ticketId)).messages.filter((m) => m.authorType === 'customer')).toHaveLength(2);

    // The customer types: agents who may read the ticket hear it (push), vendor staff of others do not.
    customer.send({ t: 'typing', on: true });

    // The agent answers from the inbox (the tickets API): the widget gets it live, in order.
    const reply = await app.request(`/api/tickets/${ticketId}/messages`, {
      body: { body: 'Merhaba! Kargonuz yarın teslim edilecek.' },
      auth: agent,
    });
    expect(reply.status).toBe(201);
    expect((await customer.next('msg')).m).toMatchObject({
      seq: 3,
      author: 'agent',
      text: 'Merhaba! Kargonuz yarın teslim edilecek.',
    });
    expect(
      (await app.request(`/api/chat/tickets/${ticketId}/typing`, { body: { on: true }, auth: agent })).status,
    ).toBe(204);
    expect(await customer.next('typing')).toEqual({ t: 'typing', on: true });

    // Away and back: the reconnected widget asks for what came after its last message, in order.
    await customer.close();
    await app.request(`/api/tickets/${ticketId}/messages`, {
      body: { body: 'Başka bir sorunuz var mı?' },
      auth: agent,
    });
    const back = await ChatSocket.open(base, key);
    back.send({ t: 'hello', token, after: 1 });
    expect(await back.next('welcome')).toEqual({ t: 'welcome', session: { status: 'open', language: 'tr' } });
    const seqs = [(await back.next('msg')).m, (await back.next('msg')).m, (await back.next('msg')).m];
    expect(seqs.map((m) => [m.seq, m.author])).toEqual([
      [2, 'customer'],
      [3, 'agent'],
      [4, 'agent'],
    ]);

    back.send({ t: 'end' });
    await back.next('ended');
    expect((await ticketOf(ticketId)).ticket.status).toBe('solved');
    back.send({ t: 'rate', scale: '1-5', score: 5, comment: 'Çok hızlı, teşekkürler' });
    await back.next('rated');
    expect((await ticketOf(ticketId)).ticket).toMatchObject({ csatScore: 5, csatScale: '1-5' });
    back.send({ t: 'rate', scale: '1-5', score: 1 });
    expect(await back.next('error')).toMatchObject({ code: 'conflict' });
    await back.close();

    // Vendor staff of another provider do not see the chat.
    expect((await app.request(`/api/chat/tickets/${ticketId}`, { auth: vendorAgent })).status).toBe(404);
  });

  it('respects the per-agent chat limit: with the only agent at one chat, the next waits unassigned in the team', async () => {
    const first = await ChatSocket.open(base, key);
    first.send({
      t: 'start',
      id: 'a1',
      text: 'Merhaba, faturamda bir hata var gibi görünüyor, yardım eder misiniz?',
      lang: 'tr',
    });
    await first.next('started');
    const second = await ChatSocket.open(base, key);
    second.send({
      t: 'start',
      id: 'b1',
      text: 'İyi günler, şifremi unuttum ve hesabıma giremiyorum, ne yapmalıyım?',
      lang: 'tr',
    });
    await second.next('started');
    const [a, b] = [await ticketOfClient('a1'), await ticketOfClient('b1')];
    expect([a.ticket.assignee, b.ticket.assignee].filter((x) => x === agentId)).toHaveLength(1);
    expect(b.ticket.teamId).toBe(teams['Istanbul Care']);
    await first.close();
    await second.close();
  });

  it('before the chat, suggests published help-center articles for what the customer typed, in its language', async () => {
    const supervisor = await app.login(DEMO_USERS.supervisor, DEMO_PASSWORD);
    const call = async (path: string, auth: Auth, body: unknown) => {
      const res = await app.request(path, { auth, body });
      expect(res.status, path).toBeLessThan(300);
      return (await res.json()) as { id: string; slug: string };
    };
    const { slug } = (await (await app.request('/api/knowledge/settings', { auth: admin })).json()) as {
      slug: string;
    };
    const article = await call('/api/knowledge/articles', agent, {
      slug: 'sifre-sifirlama',
      language: 'tr',
      title: 'Şifremi unuttum',
      body: '**Ayarlar** menüsünü açın, *Şifreyi sıfırla* seçeneğini seçin ve e-postadaki bağlantıyı izleyin.',
    });
    await call(`/api/knowledge/articles/${article.id}/review`, agent, { language: 'tr' });
    await call(`/api/knowledge/articles/${article.id}/publish`, supervisor, { language: 'tr' });

    const customer = await ChatSocket.open(base, key);
    customer.send({ t: 'suggest', q: 'Şifremi unuttum, hesabıma nasıl girebilirim?', lang: 'en' });
    const s = await customer.next('suggestions');
    expect(s.language).toBe('tr');
    expect(s.articles[0]).toMatchObject({
      title: 'Şifremi unuttum',
      url: `http://localhost:3000/help/${slug}/tr/articles/sifre-sifirlama`,
    });
    await customer.close();
  });

  it('no team of the language open: the widget is told so, and the message left becomes an e-mail ticket', async () => {
    const customer = await ChatSocket.open(base, key);
    const text = 'שלום, ההזמנה שלי עדיין לא הגיעה ואני מחכה כבר שבוע שלם, מה קורה?';
    customer.send({ t: 'suggest', q: text, lang: 'he' });
    expect(await customer.next('suggestions')).toMatchObject({ language: 'he', open: false });
    customer.send({ t: 'start', id: 'h1', text, lang: 'he' });
    expect(await customer.next('unavailable')).toMatchObject({ language: 'he' });
    customer.send({ t: 'leave', id: 'h1', text, lang: 'he', email: 'lakoach@example.com' });
    await customer.next('left');
    const left = await app.shoreline.ctx.db
      .selectFrom('tickets')
      .selectAll()
      .where('requester', '=', 'lakoach@example.com')
      .executeTakeFirstOrThrow();
    expect(left).toMatchObject({ channel: 'email', language: 'he' });
    // A frame that breaks the protocol is answered with the field and the reason.
    customer.send({ t: 'leave', id: 'h2', text, lang: 'he', email: 'not-an-address' } as never);
    expect(await customer.next('error')).toMatchObject({ code: 'validation_failed', field: 'email' });
    await customer.close();
  });

  it('gives a chat only to an agent online now: away, or an inbox that stopped renewing it, does not count', async () => {
    // Free the agent (limit 1): solve their open chats.
    const solveAgentsOpenChats = async () => {
      const open = await app.shoreline.ctx.db
        .selectFrom('tickets')
        .select('id')
        .where('assignee', '=', agentId)
        .where('status', 'in', ['new', 'open'])
        .execute();
      for (const t of open)
        await app.request(`/api/tickets/${t.id}/status`, {
          method: 'PATCH',
          auth: admin,
          body: { status: 'solved' },
        });
    };
    await solveAgentsOpenChats();
    const assigneeOf = async (clientId: string, text: string) => {
      const socket = await ChatSocket.open(base, key);
      socket.send({ t: 'start', id: clientId, text, lang: 'tr' });
      await socket.next('started');
      await socket.close();
      return (await ticketOfClient(clientId)).ticket.assignee;
    };
    await setAvailability(agent, 'away');
    expect(
      await assigneeOf('p1', 'Merhaba, kargo takip numaram çalışmıyor, yardımcı olur musunuz?'),
    ).toBeNull();
    const supervisor = await app.login(DEMO_USERS.supervisor, DEMO_PASSWORD);
    const people = (await (await app.request('/api/desk/agents', { auth: supervisor })).json()) as {
      items: { id: string; availability: string }[];
    };
    expect(people.items.find((p) => p.id === agentId)?.availability).toBe('away');

    await setAvailability(agent, 'online');
    expect(await assigneeOf('p2', 'Merhaba, faturamdaki tutar yanlış görünüyor, kontrol eder misiniz?')).toBe(
      agentId,
    );
    await solveAgentsOpenChats();

    // The tab closed: no renewal for longer than the timeout.
    clock.advance(91_000);
    expect(
      await assigneeOf('p3', 'İyi günler, siparişimi iptal etmek istiyorum, nasıl yapabilirim acaba?'),
    ).toBeNull();
  });
});
