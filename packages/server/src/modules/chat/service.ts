import { createHash, randomBytes } from 'node:crypto';
import type { z } from '@hono/zod-openapi';
import { useCasesOf } from '../../platform/access.js';
import type { Clock } from '../../platform/clock.js';
import { publishTransient } from '../../platform/events/index.js';
import { AppError, oneOrNotFound } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import type { ModuleContext } from '../../platform/module.js';
import { type ScopedDb, systemActor } from '../../platform/scope.js';
import { answerForTicket } from '../csat/index.js';
import { availabilityOf } from '../desk/index.js';
import { staffFor } from '../identity/index.js';
import { helpCenterSlug, markHelpCenterContact, searchArticles } from '../knowledge/index.js';
import { createRoutedTicket, detectLanguageOrNull, previewRoute } from '../routing/index.js';
import { queueCount, ticketService } from '../tickets/index.js';
import { authorizeChat } from './policy.js';
import { presentSession, presentWidget } from './presenters.js';
import type { ChatArticleHint, ChatClientFrame, ChatWidgetCreate, ChatWireMessage } from './schemas.js';
import { WIDGET_LANGUAGES } from './schemas.js';
import type { ChatContext } from './tables.js';

type Frame<T extends ChatClientFrame['t']> = Extract<ChatClientFrame, { t: T }>;

/** A chat the widget holds: enough to act for it without reading it again. */
export interface LiveSession {
  readonly id: string;
  readonly organizationId: string;
  readonly ticketId: string;
  readonly providerId: string | null;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The widget's actor: the system acting for the organization whose widget key the page carries. */
export const widgetScope = (ctx: ModuleContext, organizationId: string): ScopedDb =>
  ctx.scope(systemActor('chat', organizationId));

export async function widgetByKey(ctx: ModuleContext, key: string) {
  const row = await ctx.db
    .selectFrom('chat_widgets')
    .select(['key', 'organization_id'])
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? { key: row.key, organizationId: row.organization_id } : null;
}

export function uiLanguage(lang: string): string {
  const base = lang.toLowerCase().split('-')[0] ?? 'en';
  return (WIDGET_LANGUAGES as readonly string[]).includes(base) ? base : 'en';
}

/** The language routing reads: detected from the text, else the widget's. */
function chatLanguage(textToRead: string, lang: string): string {
  return detectLanguageOrNull(textToRead) ?? uiLanguage(lang);
}

/**
 * Before a chat starts: help-center articles for what the customer typed (Knowledge's search, public
 * articles, in the text's language), and whether a team that works that language on chat is open now
 * (the routing rules' own answer).
 */
export async function suggest(ctx: ModuleContext, organizationId: string, frame: Frame<'suggest'>) {
  const s = widgetScope(ctx, organizationId);
  const language = chatLanguage(frame.q, frame.lang);
  const decision = await previewRoute(s, ctx.clock, {
    channel: 'chat',
    language,
    subject: frame.q,
    text: frame.q,
    tags: [],
    segment: null,
  });
  let articles: ChatArticleHint[] = [];
  if (frame.q.length >= 3) {
    const slug = await helpCenterSlug(s);
    if (slug) {
      const origin = new URL(ctx.config.publicUrl).origin;
      const hits = await searchArticles(s, { q: frame.q, language, limit: 3, includeInternal: false });
      articles = hits.map((h) => ({
        title: h.title,
        snippet: h.snippet,
        url: `${origin}/help/${slug}/${h.language}/articles/${h.slug}`,
      }));
    }
  }
  const open = decision.teamId !== null && decision.open;
  return {
    language,
    open,
    opensAt: open ? null : (decision.opensAt?.toISOString() ?? null),
    articles,
  };
}

function subjectOf(text: string): string {
  const line = text.split('\n')[0]!.trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/** What the agent reads first: where the customer came from and what they already read. */
function contextNote(context: ChatContext | undefined, ui: string): string | null {
  if (!context) return null;
  const lines = [`Chat widget (${ui})`];
  if (context.searchText) lines.push(`Searched the help center for: ${context.searchText}`);
  if (context.articlesRead?.length) lines.push(`Articles read: ${context.articlesRead.join(', ')}`);
  if (context.page) lines.push(`Page: ${context.page}`);
  return lines.length > 1 ? lines.join('\n') : null;
}

/** A chat (or a message left) from the help center: its session counted as a contact (decision 0038). */
async function helpCenterContact(
  tx: ScopedDb,
  clock: Clock,
  context: ChatContext | undefined,
  ticket: { id: string; providerId: string | null },
) {
  if (context?.helpSession)
    await markHelpCenterContact(tx, clock, context.helpSession, {
      id: ticket.id,
      providerId: ticket.providerId,
    });
}

/**
 * Starts a chat: when a team that works the language is open, a routed `chat` ticket whose first
 * message is the customer's, the page's context as an internal note, an agent under the chat
 * concurrency limit assigned, and the session with its resume secret. Otherwise `unavailable`
 * with when the first such team opens (the widget then offers to leave a message).
 */
export async function startChat(
  ctx: ModuleContext,
  organizationId: string,
  widgetKey: string,
  frame: Frame<'start'>,
): Promise<
  | { kind: 'started'; token: string; session: LiveSession }
  | { kind: 'unavailable'; language: string; opensAt: string | null }
> {
  const { clock } = ctx;
  const s = widgetScope(ctx, organizationId);
  const ui = uiLanguage(frame.lang);
  const language = chatLanguage(frame.text, frame.lang);
  const facts = {
    channel: 'chat' as const,
    language,
    subject: frame.text,
    text: frame.text,
    tags: [],
    segment: null,
  };
  const preview = await previewRoute(s, clock, facts);
  if (preview.teamId === null || !preview.open)
    return { kind: 'unavailable', language, opensAt: preview.opensAt?.toISOString() ?? null };
  const token = randomBytes(24).toString('base64url');
  const session = await s.transaction(async (tx) => {
    const { ticket } = await createRoutedTicket(tx, clock, {
      subject: subjectOf(frame.text),
      channel: 'chat',
      language,
      requester: frame.email ?? frame.name ?? null,
      message: { body: frame.text, authorType: 'customer' },
    });
    const note = contextNote(frame.context, ui);
    if (note)
      await ticketService.appendMessage(tx, clock, ticket.id, {
        body: note,
        authorType: 'system',
        public: false,
      });
    await helpCenterContact(tx, clock, frame.context, ticket);
    const id = newId('cht', clock.now().getTime());
    await tx
      .insertInto('chat_sessions', {
        id,
        provider_id: ticket.providerId,
        widget_key: widgetKey,
        ticket_id: ticket.id,
        token_hash: sha256(token),
        language,
        ui_language: ui,
        status: 'open',
        context: JSON.stringify(frame.context ?? {}),
        created_at: clock.now(),
      })
      .execute();
    const [first] = await ticketService.publicMessages(tx, ticket.id);
    await tx
      .insertInto('chat_messages', {
        session_id: id,
        seq: 1,
        provider_id: ticket.providerId,
        ticket_message_id: first!.id,
        client_id: frame.id,
      })
      .execute();
    await assignUnderLimit(tx, ctx, ticket);
    return { id, organizationId, ticketId: ticket.id, providerId: ticket.providerId };
  });
  return { kind: 'started', token, session };
}

/**
 * Gives the chat to the agent of the team's provider with the fewest open chats, among those who
 * are online now (their inbox renewed it within the desk's timeout: signed out, away or a closed
 * tab does not count) and under the per-agent chat limit; with nobody so, it waits in the team's queue.
 */
async function assignUnderLimit(
  tx: ScopedDb,
  ctx: ModuleContext,
  ticket: { id: string; providerId: string | null; teamId: string | null },
) {
  if (ticket.teamId === null) return;
  const staff = (await staffFor(tx)).filter(
    (u) => u.role === 'agent' && (u.providerId === ticket.providerId || u.providerId === null),
  );
  const availability = await availabilityOf(
    tx,
    ctx.clock,
    staff.map((u) => u.id),
  );
  const agents = staff.filter((u) => availability.get(u.id) === 'online');
  let best: { id: string; load: number } | null = null;
  for (const a of agents) {
    const load = await queueCount(
      tx,
      { kind: 'open', assignee: a.id, channel: 'chat' },
      ctx.config.chatMaxPerAgent,
    );
    if (load < ctx.config.chatMaxPerAgent && (best === null || load < best.load)) best = { id: a.id, load };
  }
  if (best) await ticketService.assignTicket(tx, ctx.clock, ticket.id, best.id);
}

/** The chat a resume secret opens, or null (unknown, or another organization's widget). */
export async function sessionByToken(ctx: ModuleContext, organizationId: string, token: string) {
  const row = await ctx.db
    .selectFrom('chat_sessions')
    .select(['id', 'organization_id', 'ticket_id', 'provider_id', 'status', 'language'])
    .where('token_hash', '=', sha256(token))
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return row
    ? {
        session: {
          id: row.id,
          organizationId: row.organization_id,
          ticketId: row.ticket_id,
          providerId: row.provider_id,
        } as LiveSession,
        status: row.status,
        language: row.language,
      }
    : null;
}

/**
 * A customer's message, stored once however often it is sent: a resent client id answers the
 * sequence number it already has. Appended to the ticket (the transcript) with its sequence number
 * in one transaction.
 */
export async function customerMessage(
  ctx: ModuleContext,
  live: LiveSession,
  clientId: string,
  text: string,
): Promise<{ seq: number; duplicate: boolean }> {
  const s = widgetScope(ctx, live.organizationId);
  return s.transaction(async (tx) => {
    const session = await tx
      .selectFrom('chat_sessions')
      .select(['status', 'provider_id'])
      .where('id', '=', live.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const seen = await tx
      .selectFrom('chat_messages')
      .select('seq')
      .where('session_id', '=', live.id)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    if (seen) return { seq: seen.seq, duplicate: true };
    if (session.status !== 'open') throw new AppError('invalid_transition', 'this chat has ended', 'status');
    // The session row is locked: numbers are taken one at a time. The ticket write locks only this
    // chat's ticket: a customer's message changes no ticket row, so it raises no organization-wide
    // data version (decision 0034). Agents' replies are numbered when delivered (messagesAfter).
    const top = await tx
      .selectFrom('chat_messages')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('session_id', '=', live.id)
      .executeTakeFirst();
    const seq = Number(top?.seq ?? 0) + 1;
    const message = await ticketService.appendMessage(tx, ctx.clock, live.ticketId, {
      body: text,
      authorType: 'customer',
    });
    await tx
      .insertInto('chat_messages', {
        session_id: live.id,
        seq,
        provider_id: session.provider_id,
        ticket_message_id: message.id,
        client_id: clientId,
      })
      .execute();
    return { seq, duplicate: false };
  });
}

/**
 * Numbers the agents' public replies the chat has not numbered yet, in the ticket's order: the
 * transcript is the ticket, so a reply from the inbox joins the chat here. Returns the transcript.
 */
async function numberAgentMessages(tx: ScopedDb, live: LiveSession, providerId: string | null) {
  const [messages, numbered] = await Promise.all([
    ticketService.publicMessages(tx, live.ticketId),
    tx
      .selectFrom('chat_messages')
      .select(['seq', 'ticket_message_id', 'client_id'])
      .where('session_id', '=', live.id)
      .orderBy('seq')
      .execute(),
  ]);
  const known = new Set(numbered.map((n) => n.ticket_message_id));
  const fresh = messages.filter((m) => m.authorType === 'agent' && !known.has(m.id));
  let seq = numbered.at(-1)?.seq ?? 0;
  const added = fresh.map((m) => ({
    session_id: live.id,
    seq: ++seq,
    provider_id: providerId,
    ticket_message_id: m.id,
    client_id: null,
  }));
  if (added.length > 0) await tx.insertInto('chat_messages', added).execute();
  return { messages, numbered: [...numbered, ...added], last: seq };
}

/** The chat's messages after `after`, in order (the agents' new replies numbered first). */
export async function messagesAfter(
  ctx: ModuleContext,
  live: LiveSession,
  after: number,
): Promise<ChatWireMessage[]> {
  const s = widgetScope(ctx, live.organizationId);
  return s.transaction(async (tx) => {
    const session = await tx
      .selectFrom('chat_sessions')
      .select('provider_id')
      .where('id', '=', live.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const { messages, numbered } = await numberAgentMessages(tx, live, session.provider_id);
    const byId = new Map(messages.map((m) => [m.id, m]));
    const out: ChatWireMessage[] = [];
    for (const n of numbered) {
      const m = byId.get(n.ticket_message_id);
      if (n.seq <= after || !m) continue;
      out.push({
        seq: n.seq,
        author: m.authorType === 'customer' ? 'customer' : 'agent',
        text: m.body,
        at: m.createdAt,
        id: n.client_id,
      });
    }
    return out;
  });
}

/** The customer's typing, pushed to the agents who may read the ticket (not stored). */
export async function customerTyping(ctx: ModuleContext, live: LiveSession, on: boolean) {
  await publishTransient(ctx.db, {
    type: 'chat.typing',
    organizationId: live.organizationId,
    providerId: live.providerId,
    subjectType: 'ticket',
    subjectId: live.ticketId,
    payload: { author: 'customer', on },
  });
}

/** No team is open for the language: the message becomes an e-mail ticket, routed, answered by e-mail. */
export async function leaveMessage(ctx: ModuleContext, organizationId: string, frame: Frame<'leave'>) {
  const s = widgetScope(ctx, organizationId);
  const ui = uiLanguage(frame.lang);
  const language = chatLanguage(frame.text, frame.lang);
  await s.transaction(async (tx) => {
    const { ticket } = await createRoutedTicket(tx, ctx.clock, {
      subject: subjectOf(frame.text),
      channel: 'email',
      language,
      requester: frame.email,
      tags: ['chat-offline'],
      message: { body: frame.text, authorType: 'customer' },
    });
    const note = contextNote(frame.context, ui);
    if (note)
      await ticketService.appendMessage(tx, ctx.clock, ticket.id, {
        body: note,
        authorType: 'system',
        public: false,
      });
    await helpCenterContact(tx, ctx.clock, frame.context, ticket);
  });
}

/** The customer ends the chat: the ticket is solved (its CSAT survey follows) and the session closed. */
export async function endChat(ctx: ModuleContext, live: LiveSession) {
  const s = widgetScope(ctx, live.organizationId);
  await s.transaction(async (tx) => {
    const row = await tx
      .updateTable('chat_sessions')
      .set({ status: 'ended', ended_at: ctx.clock.now() })
      .where('id', '=', live.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(row.numUpdatedRows) === 0) return;
    const { ticket } = await ticketService.getTicket(tx, live.ticketId);
    if (ticket.status !== 'solved' && ticket.status !== 'closed')
      await ticketService.changeStatus(tx, ctx.clock, live.ticketId, 'solved');
  });
}

/** The agent solved the ticket: the chat is over for the widget too. */
export async function markEnded(ctx: ModuleContext, live: LiveSession) {
  await widgetScope(ctx, live.organizationId)
    .updateTable('chat_sessions')
    .set({ status: 'ended', ended_at: ctx.clock.now() })
    .where('id', '=', live.id)
    .where('status', '=', 'open')
    .execute();
}

/** The customer's rating at the chat's end: the CSAT module's one answer per ticket. */
export async function rateChat(ctx: ModuleContext, live: LiveSession, frame: Frame<'rate'>) {
  await answerForTicket(ctx, ctx.clock, live.organizationId, live.ticketId, {
    scale: frame.scale,
    score: frame.score,
    ...(frame.comment ? { comment: frame.comment } : {}),
  });
}

// ---- The agents' and admins' side (signed in, scoped) ----

const chatUseCase = useCasesOf(authorizeChat);

export const listWidgets = chatUseCase('chat.manage_widgets', async (s, publicUrl: string) => {
  const rows = await s.selectFrom('chat_widgets').selectAll().orderBy('created_at').execute();
  return { items: rows.map((r) => presentWidget(r, publicUrl)) };
});

export const createWidget = chatUseCase(
  'chat.manage_widgets',
  async (s, clock: Clock, publicUrl: string, input: z.output<typeof ChatWidgetCreate>) => {
    const row = {
      key: `wgt_${randomBytes(12).toString('base64url')}`,
      name: input.name,
      created_at: clock.now(),
    };
    await s.insertInto('chat_widgets', row).execute();
    return presentWidget({ ...row, organization_id: s.actor.organizationId }, publicUrl);
  },
);

/** The chat behind a ticket, with the context the page gave (what the customer read first). */
export const sessionOfTicket = chatUseCase('chat.read', async (s, ticketId: string) => {
  const row = await s.findOrNotFound('chat_sessions', ticketId, 'chat', 'ticket_id');
  return presentSession(row);
});

/** An agent typing in a chat's ticket: pushed to the widget (every process with the chat's socket). */
export const agentTyping = chatUseCase('chat.type', async (s, ticketId: string, on: boolean) => {
  const row = await oneOrNotFound(
    s.selectFrom('chat_sessions').select(['provider_id']).where('ticket_id', '=', ticketId),
    'chat',
  );
  await publishTransient(s.executor, {
    type: 'chat.typing',
    organizationId: s.actor.organizationId,
    providerId: row.provider_id,
    subjectType: 'ticket',
    subjectId: ticketId,
    payload: { author: 'agent', on },
  });
});
