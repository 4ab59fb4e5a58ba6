import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normaliseNumericId, rebuildThreads, type ThreadPost } from '@shoreline/core';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/seed.js';
import { socialConnectorsSlot, type TestSocialConnector } from '../../src/modules/social/index.js';
import { fixedClock } from '../../src/platform/clock.js';
import { type Auth, startTestApp, type TestApp } from '../../src/test-support/test-app.js';

const FILE = fileURLToPath(new URL('../../../../../shared/data/twitter-support/sample.csv', import.meta.url));
const present = existsSync(FILE);

describe.skipIf(!present)(`social channel${present ? '' : ' (../shared not found: skipping)'}`, () => {
  let app: TestApp;
  let admin: Auth;
  let vendor: Auth;
  const clock = fixedClock(new Date('2026-12-03T09:00:00Z'));
  let records: Record<string, string>[] = [];

  beforeAll(async () => {
    // RFC 4180 fields (quotes, doubled quotes, newlines inside quotes), read by csv-parse.
    const [header, ...lines] = parse(readFileSync(FILE, 'utf8')) as string[][];
    records = lines
      .filter((l) => l.length > 1)
      .map((l) => Object.fromEntries(header!.map((h, i) => [h, l[i] ?? ''])));
    app = await startTestApp({ demo: true, clock });
    admin = await app.login(DEMO_USERS.admin, DEMO_PASSWORD);
    vendor = await app.login(DEMO_USERS.vendorAdmin, DEMO_PASSWORD);
  }, 120_000);
  afterAll(() => app?.close());

  it('rebuilds the sample’s threads live exactly as the import’s thread rebuild does (float reply ids included)', async () => {
    // Sent in reverse order: within a batch a reply may come before the post it answers.
    // Every other reply link written as a float, as pandas writes an integer column with gaps (`119239.0`).
    const posts = records.map((r, i) => ({
      id: r.tweet_id!,
      inReplyTo: r.in_response_to_tweet_id ? `${r.in_response_to_tweet_id}${i % 2 ? '.0' : ''}` : null,
      inbound: r.inbound === 'True',
      author: r.author_id!,
      at: new Date(r.created_at!).toISOString(),
      text: r.text!,
    }));
    expect(posts.some((p) => p.inReplyTo?.endsWith('.0'))).toBe(true);
    const res = await app.request('/api/social/posts', {
      auth: admin,
      body: { network: 'twitter', posts: [...posts].reverse() },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      posts: { externalId: string; ticketId: string | null }[];
      duplicates: number;
    };
    expect(body.duplicates).toBe(0);

    const oracle = rebuildThreads(
      records.map(
        (r, i): ThreadPost => ({
          id: normaliseNumericId(r.tweet_id!),
          inReplyTo: r.in_response_to_tweet_id ? normaliseNumericId(r.in_response_to_tweet_id) : null,
          inbound: r.inbound === 'True',
          author: r.author_id!,
          at: new Date(r.created_at!),
          text: r.text!,
          line: i + 2,
        }),
      ),
    );
    const ticketOf = new Map(body.posts.map((p) => [p.externalId, p.ticketId]));
    const liveTickets = new Set(body.posts.map((p) => p.ticketId).filter((t) => t !== null));
    expect(liveTickets.size).toBe(oracle.tickets.length);
    for (const t of oracle.tickets) {
      const ids = new Set(t.messages.map((m) => ticketOf.get(m.externalId)));
      expect(ids.size).toBe(1); // every post of the thread on one ticket
      const ticketId = [...ids][0]!;
      expect(ticketId).not.toBeNull();
      const detail = (await (await app.request(`/api/tickets/${ticketId}`, { auth: admin })).json()) as {
        ticket: { channel: string; createdAt: string };
        messages: unknown[];
      };
      expect(detail.ticket.channel).toBe('social');
      expect(detail.messages.length).toBe(t.messages.length);
      expect(detail.ticket.createdAt).toBe(t.createdAt!.toISOString());
    }
    for (const s of oracle.skipped) expect(ticketOf.get(s.rootId)).toBeNull();

    // Delivered again: nothing changes.
    const again = await app.request('/api/social/posts', {
      auth: admin,
      body: { network: 'twitter', posts },
    });
    expect(((await again.json()) as { duplicates: number }).duplicates).toBe(posts.length);
  });

  it('replies through the network connector, threaded to the customer’s post; unknown networks are refused by field', async () => {
    const res = await app.request('/api/social/posts', {
      auth: admin,
      body: {
        network: 'test',
        posts: [
          {
            id: 1.0,
            inbound: true,
            author: 'ayse',
            at: '2026-12-03T08:00:00Z',
            text: 'Siparişim nerede? Üç gündür bekliyorum, lütfen yardım edin.',
            kind: 'dm',
          },
        ],
      },
    });
    const ticketId = ((await res.json()) as { posts: { ticketId: string; externalId: string }[] }).posts[0]!
      .ticketId;
    const sent = await app.request(`/api/social/tickets/${ticketId}/reply`, {
      auth: admin,
      body: { text: 'Merhaba Ayşe, hemen bakıyoruz.' },
    });
    expect(sent.status).toBe(201);
    expect(await sent.json()).toMatchObject({
      externalId: 'test-1',
      inReplyTo: '1',
      kind: 'dm',
      inbound: false,
    });
    const connector = app.shoreline.ctx.instance(socialConnectorsSlot).get('test') as TestSocialConnector;
    expect(connector.sent).toEqual([
      { network: 'test', inReplyTo: '1', to: 'ayse', kind: 'dm', text: 'Merhaba Ayşe, hemen bakıyoruz.' },
    ]);
    // Twitter has no connector here.
    const twitterTicket = (
      await app.shoreline.ctx.db
        .selectFrom('social_posts')
        .select('ticket_id')
        .where('network', '=', 'twitter')
        .where('ticket_id', 'is not', null)
        .executeTakeFirstOrThrow()
    ).ticket_id!;
    const refused = await app.request(`/api/social/tickets/${twitterTicket}/reply`, {
      auth: admin,
      body: { text: 'hi' },
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('network');
    // Vendor staff cannot answer a ticket outside their provider.
    const foreign = await app.request(`/api/social/tickets/${ticketId}/reply`, {
      auth: vendor,
      body: { text: 'x' },
    });
    expect(foreign.status).toBe(404);
    const bad = await app.request('/api/social/posts', {
      auth: admin,
      body: { network: 'Twitter!', posts: [] },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('network');
  });
});
