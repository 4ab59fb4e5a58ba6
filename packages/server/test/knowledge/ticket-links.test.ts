import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { leaveMessage } from '../../src/modules/chat/service.js';
import { fixedClock } from '../../src/platform/clock.js';
import type { Auth, TestApp } from '../../src/test-support/test-app.js';
import { helpCenterWithArticle } from './support.js';

const HOUR = 3_600_000;

/**
 * Decision 0038, issue 13's knowledge use: a chat from the help center counts as a contact like the
 * contact form; an article lists the tickets it served (read before the contact, inserted into a
 * reply) — vendor staff only their provider's; the gaps report names topics without an article and
 * counts only the caller's tickets; a solved ticket without an article on its topic offers a draft,
 * personal data removed. The demo's own tickets are seeded an hour before everything here.
 */
describe('knowledge: tickets beside articles, gaps, drafts from tickets', () => {
  const t0 = new Date('2026-03-02T09:00:00Z');
  const clock = fixedClock(t0);
  const range = `from=${new Date(t0.getTime() + HOUR / 2).toISOString()}&to=${new Date(t0.getTime() + 48 * HOUR).toISOString()}`;
  let t: TestApp;
  let admin: Auth;
  let vendor: Auth;
  let agent: Auth;
  let articleId: string;
  const ids: Record<string, string> = {};

  /** A visitor reads the refund article; answers their session cookie. */
  const reader = async () => {
    const res = await t.request('/help/linked/en/articles/refunds');
    expect(res.status).toBe(200);
    return res.headers.get('set-cookie')!.split(';')[0]!;
  };
  const ticket = async (auth: Auth, subject: string, body: string) => {
    const res = await t.request('/api/tickets', {
      auth,
      body: { subject, channel: 'email', language: 'en', message: { body } },
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };

  beforeAll(async () => {
    ({ t, admin, articleId } = await helpCenterWithArticle(
      'linked',
      { slug: 'refunds', title: 'Ask for a refund', body: 'Refunds are paid within 14 days of the return.' },
      clock,
    ));
    clock.advance(HOUR);
    vendor = await t.login(DEMO_USERS.vendorAdmin, DEMO_PASSWORD);
    agent = await t.login(DEMO_USERS.agent, DEMO_PASSWORD);
    const chat = await t.request('/api/chat/widgets', { auth: admin, body: { name: 'Help center' } });
    const { key } = (await chat.json()) as { key: string };
    await t.request('/api/knowledge/settings', {
      auth: admin,
      method: 'PATCH',
      body: { chatWidgetKey: key },
    });

    // Visitor A reads, then writes through the contact form.
    const a = await reader();
    const form = await t.request('/help/linked/en/contact', {
      method: 'POST',
      rawBody: new URLSearchParams({
        name: 'A',
        email: 'a@example.com',
        subject: 'Refund not received',
        message: 'Where is my money?',
      }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: a },
    });
    expect(form.status).toBeLessThan(400);
    // Visitor B reads, then asks through the chat (no team open: the message is left, still a contact).
    const b = await reader();
    const context = (await (
      await t.request('/help/linked/en/chat-context', { headers: { cookie: b } })
    ).json()) as {
      helpSession: string;
      articlesRead: string[];
    };
    expect(context.helpSession).toBe(b.split('=')[1]);
    const { organization_id } = await t.shoreline.ctx.db
      .selectFrom('knowledge_settings')
      .select('organization_id')
      .where('slug', '=', 'linked')
      .executeTakeFirstOrThrow();
    await leaveMessage(t.shoreline.ctx, organization_id, {
      t: 'leave',
      id: 'm1',
      text: 'My refund did not arrive',
      lang: 'en',
      email: 'b@example.com',
      context,
    });
    // Visitor C only reads.
    await reader();
    const sessions = await t.shoreline.ctx.db
      .selectFrom('knowledge_sessions')
      .select(['ticket_id'])
      .where('organization_id', '=', organization_id)
      .orderBy('started_at')
      .execute();
    expect(sessions).toHaveLength(3);
    ids.form = sessions[0]!.ticket_id!;
    ids.chat = sessions[1]!.ticket_id!;
    expect(sessions[2]!.ticket_id).toBeNull();
    ids.vendor = await ticket(vendor, 'Refund request', 'I want my money back');
    ids.parcel = await ticket(
      agent,
      'Where is my parcel?',
      'Hello, my parcel never came. Call me on +90 532 123 45 67 or write to ayse@example.com',
    );
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('counts a chat from the help center as a contact, as the contact form', async () => {
    clock.advance(HOUR);
    const res = await t.request(`/api/knowledge/deflection?${range}`, { auth: admin });
    const report = (await res.json()) as { failed: number; byArticle: unknown[]; pending: number };
    expect(report).toMatchObject({
      failed: 2,
      pending: 1,
      byArticle: [{ articleId, deflected: 0, failed: 2 }],
    });
  });

  it('lists the tickets an article served; vendor staff see only their own', async () => {
    expect(
      (
        await t.request(`/api/knowledge/articles/${articleId}/tickets`, {
          auth: vendor,
          body: { ticketId: ids.form },
        })
      ).status,
    ).toBe(404);
    for (const auth of [vendor, admin]) {
      const own = auth === vendor ? ids.vendor : ids.parcel;
      const res = await t.request(`/api/knowledge/articles/${articleId}/tickets`, {
        auth,
        body: { ticketId: own },
      });
      expect(res.status).toBe(204);
    }
    const all = (await (
      await t.request(`/api/knowledge/articles/${articleId}/tickets`, { auth: admin })
    ).json()) as {
      read: number;
      inserted: number;
      tickets: { id: string; kinds: string[] }[];
    };
    expect({ read: all.read, inserted: all.inserted }).toEqual({ read: 2, inserted: 2 });
    expect(Object.fromEntries(all.tickets.map((x) => [x.id, x.kinds]))).toEqual({
      [ids.form!]: ['read'],
      [ids.chat!]: ['read'],
      [ids.vendor!]: ['inserted'],
      [ids.parcel!]: ['inserted'],
    });
    const theirs = (await (
      await t.request(`/api/knowledge/articles/${articleId}/tickets`, { auth: vendor })
    ).json()) as {
      read: number;
      tickets: { id: string }[];
    };
    expect(theirs.read).toBe(0);
    expect(theirs.tickets.map((x) => x.id)).toEqual([ids.vendor]);
  });

  it('reports the gaps: refunds covered but failing, parcels without an article; vendor staff count their tickets', async () => {
    const gaps = (await (await t.request(`/api/knowledge/gaps?${range}`, { auth: admin })).json()) as {
      deflectionShown: boolean;
      rows: {
        topic: string;
        language: string;
        tickets: number;
        reason: string | null;
        failed: number | null;
      }[];
      topics: { topic: string; tickets: number; share: number; selfServiceRate: number | null }[];
    };
    expect(gaps, JSON.stringify(gaps)).toHaveProperty('deflectionShown', true);
    expect(gaps.rows.map((r) => [r.topic, r.language, r.tickets, r.failed, r.reason])).toEqual([
      ['refund', 'en', 3, 2, null],
      ['delivery', 'en', 1, 0, 'no_article'],
    ]);
    expect(gaps.topics).toEqual([
      { topic: 'refund', tickets: 3, share: 0.75, deflected: 0, failed: 2, selfServiceRate: 0 },
      { topic: 'delivery', tickets: 1, share: 0.25, deflected: 0, failed: 0, selfServiceRate: null },
    ]);
    const theirs = (await (
      await t.request(`/api/knowledge/gaps?${range}`, { auth: vendor })
    ).json()) as typeof gaps;
    expect(theirs.deflectionShown).toBe(false);
    expect(theirs.rows).toEqual([
      expect.objectContaining({ topic: 'refund', tickets: 1, deflected: null, failed: null, reason: null }),
    ]);
  });

  it('offers an article from a solved ticket whose topic has none, with personal data removed', async () => {
    const draft = async (id: string) =>
      (await (await t.request(`/api/knowledge/tickets/${id}/article-draft`, { auth: agent })).json()) as {
        suggest: boolean;
        topic: string | null;
        title: string;
        body: string;
        slug: string;
      };
    expect((await draft(ids.parcel!)).suggest).toBe(false); // not solved yet
    await t.request(`/api/tickets/${ids.parcel}/messages`, {
      auth: agent,
      body: {
        body: 'Hi Ayşe,\n\nParcels arrive within 3 days; track them under Orders.\n\nBest regards,\nAgent',
        authorType: 'agent',
      },
    });
    await t.request(`/api/tickets/${ids.parcel}/status`, {
      auth: agent,
      method: 'PATCH',
      body: { status: 'solved' },
    });
    expect(await draft(ids.parcel!)).toMatchObject({
      suggest: true,
      topic: 'delivery',
      title: 'Where is my parcel?',
      slug: 'where-is-my-parcel',
      body: '> Hello, my parcel never came. Call me on [phone] or write to [email]\n\nParcels arrive within 3 days; track them under Orders.\n',
    });
    // The refund topic has an article: no suggestion, even solved.
    await t.request(`/api/tickets/${ids.vendor}/messages`, {
      auth: vendor,
      body: { body: 'Done, within 14 days.', authorType: 'agent' },
    });
    await t.request(`/api/tickets/${ids.vendor}/status`, {
      auth: vendor,
      method: 'PATCH',
      body: { status: 'solved' },
    });
    expect(await draft(ids.vendor!)).toMatchObject({ suggest: false, topic: 'refund' });
  });
});
