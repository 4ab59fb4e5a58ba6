import type { z } from '@hono/zod-openapi';
import { normaliseNumericId } from '@shoreline/core';
import type { Selectable } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import { AppError, oneOrNotFound } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import type { ScopedDb } from '../../platform/scope.js';
import { createRoutedTicket } from '../routing/index.js';
import { ticketService } from '../tickets/index.js';
import type { SocialConnector } from './connectors.js';
import { authorizeSocial } from './policy.js';
import { presentPost } from './presenters.js';
import type { SocialIngestRequest } from './schemas.js';
import type { SocialPostsTable } from './tables.js';

type PostRow = Selectable<SocialPostsTable>;
interface IncomingPost {
  readonly externalId: string;
  readonly inReplyTo: string | null;
  readonly kind: 'post' | 'dm';
  readonly inbound: boolean;
  readonly author: string;
  readonly at: Date;
  readonly text: string;
}

const byExternalId = (tx: ScopedDb, network: string, externalId: string) =>
  tx.findMatching('social_posts', { network, external_id: externalId });

/**
 * Stores one post and threads it live, as core/insight/threads.ts `rebuildThreads` does for a whole
 * file: a reply joins its parent's ticket (or its parent's brand-started thread, which is no ticket);
 * a root — replying to nothing, or to a post we never saw — opens a routed `social` ticket when the
 * customer wrote it, and nothing when the brand did. The ticket and its messages carry the posts'
 * own instants (never later than now).
 */
async function storePost(
  s: ScopedDb,
  clock: Clock,
  network: string,
  p: IncomingPost,
): Promise<PostRow | null> {
  return s.transaction(async (tx) => {
    if (await byExternalId(tx, network, p.externalId)) return null;
    const parent = p.inReplyTo === null ? undefined : await byExternalId(tx, network, p.inReplyTo);
    const at = new Date(Math.min(p.at.getTime(), clock.now().getTime()));
    const then: Clock = { now: () => at };
    let ticketId: string | null = parent ? parent.ticket_id : null;
    let providerId: string | null = parent ? parent.provider_id : tx.actor.providerId;
    if (!parent && p.inbound) {
      const { ticket } = await createRoutedTicket(tx, then, {
        subject: p.text.slice(0, 120) || `${network} ${p.kind}`,
        channel: 'social',
        requester: p.author,
        message: { body: p.text, authorType: 'customer' },
      });
      ticketId = ticket.id;
      providerId = ticket.providerId as string | null;
    } else if (ticketId !== null) {
      await ticketService.appendMessage(tx, then, ticketId, {
        body: p.text,
        authorType: p.inbound ? 'customer' : 'agent',
      });
    }
    return tx
      .insertInto('social_posts', {
        id: newId('spo', at.getTime()),
        provider_id: providerId,
        network,
        external_id: p.externalId,
        in_reply_to: p.inReplyTo,
        kind: p.kind,
        inbound: p.inbound,
        author: p.author,
        body: p.text,
        posted_at: p.at,
        ticket_id: ticketId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

/**
 * Ingests posts and direct messages with their reply links. Within a batch a parent is stored before
 * its replies whatever the order given (then by time), so a thread sent at once is rebuilt whole;
 * a post already stored is counted as a duplicate and changes nothing (at-least-once delivery).
 */
export async function ingest(s: ScopedDb, clock: Clock, input: z.output<typeof SocialIngestRequest>) {
  authorizeSocial(s.actor, 'social.ingest');
  const posts: IncomingPost[] = input.posts
    .map((p) => ({
      externalId: normaliseNumericId(p.id),
      inReplyTo: p.inReplyTo ? normaliseNumericId(p.inReplyTo) : null,
      kind: p.kind,
      inbound: p.inbound,
      author: p.author,
      at: new Date(p.at),
      text: p.text,
    }))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.externalId.localeCompare(b.externalId));
  const inBatch = new Map(posts.map((p) => [p.externalId, p]));
  const done = new Set<string>();
  const stored: PostRow[] = [];
  let duplicates = 0;
  const visit = async (p: IncomingPost): Promise<void> => {
    if (done.has(p.externalId)) return;
    done.add(p.externalId);
    const parent = p.inReplyTo === null ? undefined : inBatch.get(p.inReplyTo);
    if (parent) await visit(parent);
    const row = await storePost(s, clock, input.network, p);
    if (row) stored.push(row);
    else duplicates++;
  };
  for (const p of posts) await visit(p);
  return { posts: stored.map(presentPost), duplicates };
}

/**
 * An agent's answer to a social ticket: sent through the network's connector as a reply to the
 * customer's latest post (public or DM, like it), then kept as the brand's post and the ticket's
 * agent message.
 */
export async function reply(
  s: ScopedDb,
  clock: Clock,
  connectors: ReadonlyMap<string, SocialConnector>,
  ticketId: string,
  text: string,
) {
  authorizeSocial(s.actor, 'social.reply');
  const last = await oneOrNotFound(
    s
      .selectFrom('social_posts')
      .selectAll()
      .where('ticket_id', '=', ticketId)
      .where('inbound', '=', true)
      .orderBy('posted_at', 'desc')
      .limit(1),
    'social ticket',
  );
  const connector = connectors.get(last.network);
  if (!connector) throw new AppError('validation_failed', `no connector sends to ${last.network}`, 'network');
  const sent = await connector.send({
    network: last.network,
    inReplyTo: last.external_id,
    to: last.author,
    kind: last.kind,
    text,
  });
  return s.transaction(async (tx) => {
    const now = clock.now();
    await ticketService.appendMessage(tx, clock, ticketId, { body: text, authorType: 'agent' });
    const row = await tx.insertRow('social_posts', {
      id: newId('spo', now.getTime()),
      provider_id: last.provider_id,
      network: last.network,
      external_id: sent.id,
      in_reply_to: last.external_id,
      kind: last.kind,
      inbound: false,
      author: tx.actor.userId,
      body: text,
      posted_at: now,
      ticket_id: ticketId,
    });
    return presentPost(row);
  });
}
