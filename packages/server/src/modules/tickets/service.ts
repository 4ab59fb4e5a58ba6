import {
  type AuthorType,
  businessSeconds,
  type Channel,
  type CsatScale,
  type LifecycleState,
  NEW_TICKET,
  normaliseCsat,
  type TicketPriority,
  type TicketStatus,
  transition,
} from '@shoreline/core';
import { type Selectable, sql } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import { type DomainEvent, publishTransient, recordEvent } from '../../platform/events/index.js';
import { AppError, oneOrNotFound } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import type { ScopedDb } from '../../platform/scope.js';
import { recordAuditLater } from '../audit/index.js';
import { type DirectoryTeam, directoryFor, organizationDirectory } from '../identity/index.js';
import { bumpTicketDataVersion } from './data-version.js';
import { presentMessage, presentTicket, presentTicketDetail } from './presenters.js';
import type { TicketEventsTable, TicketsTable } from './tables.js';
import type { TicketType } from './vocabulary.js';

/** `source` of tickets created live (not imported); their external id is their own id. */
export const LIVE_SOURCE = 'live';

type TicketRow = Selectable<TicketsTable>;

export interface NewTicket {
  subject: string;
  description?: string | null | undefined;
  channel: Channel;
  priority?: TicketPriority | null | undefined;
  /** What kind of case, when the channel or a rule knows it (default: none). */
  type?: TicketType | null | undefined;
  language?: string | null | undefined;
  requester?: string | null | undefined;
  /** The customer it is about (module customers). */
  customerId?: string | null | undefined;
  /** Defaults to the caller's provider (vendor staff) or none. */
  providerId?: string | null | undefined;
  teamId?: string | null | undefined;
  tags?: readonly string[] | undefined;
  /** The customer's first message, when the ticket starts with one. */
  message?: NewMessage | undefined;
}

export interface NewMessage {
  body: string;
  authorType: AuthorType;
  /** False for an internal note; default true. */
  public?: boolean | undefined;
}

/**
 * Runs one ticket write: `fn` in a transaction, then the organization's data version raised in the
 * same transaction (KPI caches see the change exactly when it commits) — unless `changedTickets`
 * says the write changed no `tickets` row, the only table the version keys (data-version.ts): the
 * version is one row per organization, locked from the bump until commit, so every bump queues the
 * organization's other writers behind this commit (decision 0034).
 */
async function write<R>(
  s: ScopedDb,
  fn: (tx: ScopedDb) => Promise<R>,
  changedTickets: (result: R) => boolean = () => true,
): Promise<R> {
  return s.transaction(async (tx) => {
    const result = await fn(tx);
    if (changedTickets(result)) await bumpTicketDataVersion(tx.executor, tx.actor.organizationId);
    return result;
  });
}

function event(tx: ScopedDb, at: Date, type: string, ticket: TicketRow, payload: Record<string, unknown>) {
  const e: DomainEvent = {
    type,
    organizationId: ticket.organization_id,
    providerId: ticket.provider_id,
    subjectType: 'ticket',
    subjectId: ticket.id,
    actorId: tx.actor.userId,
    occurredAt: at,
    payload,
  };
  return recordEvent(tx.executor, e);
}

/** The ticket, locked for the rest of the transaction; not found when outside the caller's scope. */
async function lockTicket(tx: ScopedDb, id: string): Promise<TicketRow> {
  const row = await oneOrNotFound(
    tx.selectFrom('tickets').selectAll().where('id', '=', id).forUpdate(),
    'ticket',
  );
  return row;
}

/** Appends a step to the ticket's history (`ticket_events`), numbered after the last one. */
async function addHistory(
  tx: ScopedDb,
  ticket: TicketRow,
  at: Date,
  step: Pick<TicketEventsTable, 'kind'> &
    Partial<Pick<TicketEventsTable, 'status' | 'team' | 'assignee'>> & {
      reason?: string | null;
      ticketType?: string | null;
    },
): Promise<void> {
  const last = await tx
    .selectFrom('ticket_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('ticket_id', '=', ticket.id)
    .executeTakeFirst();
  await tx
    .insertInto('ticket_events', {
      provider_id: ticket.provider_id,
      ticket_id: ticket.id,
      seq: Number(last?.seq ?? 0) + 1,
      at,
      kind: step.kind,
      status: step.status ?? null,
      status_raw: step.status ?? null,
      team: step.team ?? null,
      support_line: null,
      assignee: step.assignee ?? null,
      reason: step.reason ?? null,
      ticket_type: step.ticketType ?? null,
    })
    .execute();
}

/**
 * Where a ticket goes: the provider and team named, checked against what the caller sees. A
 * provider outside the caller's reach (another organization's, or for vendor staff another
 * provider's) answers 404 naming `providerId`, as if it did not exist.
 */
async function placement(
  tx: ScopedDb,
  providerId: string | null | undefined,
  teamId: string | null | undefined,
): Promise<{ providerId: string | null; team: DirectoryTeam | null }> {
  const directory = await directoryFor(tx);
  const team = teamId ? (directory.teams.find((t) => t.id === teamId) ?? null) : null;
  if (teamId && !team) throw new AppError('not_found', 'team not found', 'teamId');
  const provider = providerId ?? team?.providerId ?? tx.actor.providerId;
  if (provider !== null && !directory.providers.some((p) => p.id === provider))
    throw new AppError('not_found', 'provider not found', 'providerId');
  if (team && team.providerId !== provider)
    throw new AppError('validation_failed', 'the team must belong to the provider', 'teamId');
  return { providerId: provider, team };
}

const secondsBetween = (from: Date | null, to: Date) =>
  from === null ? null : Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

async function teamCalendar(tx: ScopedDb, teamId: string | null) {
  if (teamId === null) return null;
  return (await directoryFor(tx)).teams.find((t) => t.id === teamId)?.calendar ?? null;
}

/** Opens a ticket (live: source `live`), with its first message when given. Emits `ticket.created` (and `message.received`). */
export async function createTicket(s: ScopedDb, clock: Clock, input: NewTicket) {
  return write(s, async (tx) => {
    const now = clock.now();
    const { providerId, team } = await placement(tx, input.providerId, input.teamId);
    const id = newId('tkt', now.getTime());
    const ticket = await tx.insertRow('tickets', {
      id,
      provider_id: providerId,
      team_id: team?.id ?? null,
      source: LIVE_SOURCE,
      external_id: id,
      subject: input.subject,
      description: input.description ?? input.message?.body ?? null,
      channel: input.channel,
      status: NEW_TICKET.status,
      status_raw: NEW_TICKET.status,
      priority: input.priority ?? null,
      type: input.type ?? null,
      language: input.language ?? null,
      requester: input.requester ?? null,
      customer_id: input.customerId ?? null,
      tags: [...new Set(input.tags ?? [])],
      quality_flags: [],
      custom: '{}',
      created_at: now,
      imported_at: now,
    });
    await addHistory(tx, ticket, now, { kind: 'created', status: 'new', team: team?.name ?? null });
    await event(tx, now, 'ticket.created', ticket, {
      channel: ticket.channel,
      priority: ticket.priority,
      type: ticket.type,
      teamId: ticket.team_id,
    });
    if (input.message) await insertMessage(tx, ticket, now, input.message);
    return presentTicket(ticket);
  });
}

async function insertMessage(tx: ScopedDb, ticket: TicketRow, at: Date, m: NewMessage) {
  const id = newId('msg', at.getTime());
  const row = await tx.insertRow('ticket_messages', {
    id,
    provider_id: ticket.provider_id,
    ticket_id: ticket.id,
    external_id: id,
    author_type: m.authorType,
    author_id: m.authorType === 'agent' ? tx.actor.userId : null,
    public: m.public ?? true,
    body: m.body,
    created_at: at,
  });
  const fromCustomer = m.authorType === 'customer';
  const payload = { messageId: row.id, authorType: row.author_type, public: row.public };
  await event(tx, at, fromCustomer ? 'message.received' : 'message.sent', ticket, payload);
  // Also said at commit, before the outbox event is past its horizon (decision 0011): a live
  // conversation (the chat widget) reads the message itself, so it need not wait for the outbox.
  await publishTransient(tx.executor, {
    type: 'message.committed',
    organizationId: ticket.organization_id,
    providerId: ticket.provider_id,
    subjectType: 'ticket',
    subjectId: ticket.id,
    payload,
  });
  return row;
}

/**
 * Adds a message. The first public agent reply stamps the first response (calendar and business
 * seconds on the team's hours). Emits `message.received` (from the customer) or `message.sent`.
 * Only that stamp changes the ticket's row, so only then is the data version raised: a chat's
 * messages do not serialize on it (decision 0034).
 */
export async function appendMessage(s: ScopedDb, clock: Clock, ticketId: string, input: NewMessage) {
  const written = await write(
    s,
    async (tx) => {
      const now = clock.now();
      const ticket = await lockTicket(tx, ticketId);
      if (ticket.status === 'closed' || ticket.status === 'merged')
        throw new AppError('invalid_transition', `a ${ticket.status} ticket takes no messages`, 'status');
      const row = await insertMessage(tx, ticket, now, input);
      if (input.authorType === 'agent' && row.public && ticket.first_response_at === null) {
        const created = ticket.created_at === null ? null : new Date(ticket.created_at);
        const calendar = await teamCalendar(tx, ticket.team_id);
        await tx
          .updateTable('tickets')
          .set({
            first_response_at: now,
            first_response_seconds: secondsBetween(created, now),
            first_response_business_seconds:
              created && calendar ? businessSeconds(created, now, calendar) : null,
          })
          .where('id', '=', ticket.id)
          .execute();
        return { message: presentMessage(row), stamped: true };
      }
      return { message: presentMessage(row), stamped: false };
    },
    (r) => r.stamped,
  );
  return written.message;
}

/**
 * Moves a ticket to another status, by the lifecycle table (core/tickets/lifecycle.ts). A refused
 * step answers `invalid_transition` naming `status`, with the reason. Emits `ticket.status_changed`.
 */
export async function changeStatus(s: ScopedDb, clock: Clock, ticketId: string, to: TicketStatus) {
  return write(s, async (tx) => {
    const ticket = await lockTicket(tx, ticketId);
    return applyStatus(tx, clock.now(), ticket, to, {});
  });
}

async function applyStatus(
  tx: ScopedDb,
  now: Date,
  ticket: TicketRow,
  to: TicketStatus,
  extra: Record<string, unknown>,
) {
  const from = (ticket.status ?? 'open') as TicketStatus;
  const state: LifecycleState = {
    status: from,
    solvedAt: ticket.solved_at === null ? null : new Date(ticket.solved_at),
    closedAt: ticket.closed_at === null ? null : new Date(ticket.closed_at),
    reopenedAt: ticket.reopened_at === null ? null : new Date(ticket.reopened_at),
    reopenCount: ticket.reopen_count,
  };
  const result = transition(state, to, now);
  if (!result.ok)
    throw new AppError('invalid_transition', result.refusal.reason, 'status', [
      { field: 'status', code: result.refusal.code, message: result.refusal.reason },
    ]);
  const next = result.state;
  const created = ticket.created_at === null ? null : new Date(ticket.created_at);
  const solving = to === 'solved';
  const calendar = solving ? await teamCalendar(tx, ticket.team_id) : null;
  const updated = await tx.updateOrNotFound('tickets', ticket.id, 'ticket', {
    status: next.status,
    status_raw: next.status,
    solved_at: next.solvedAt,
    closed_at: next.closedAt,
    reopened_at: next.reopenedAt,
    reopen_count: next.reopenCount,
    ...(solving
      ? {
          resolution_seconds: secondsBetween(created, now),
          resolution_business_seconds: created && calendar ? businessSeconds(created, now, calendar) : null,
        }
      : {}),
  });
  await addHistory(tx, updated, now, { kind: result.reopened ? 'reopen' : 'status', status: to });
  await event(tx, now, 'ticket.status_changed', updated, { from, to, reopened: result.reopened, ...extra });
  return presentTicket(updated);
}

/** Assigns the ticket to an agent (null: unassigns). Emits `ticket.assigned`. */
export async function assignTicket(s: ScopedDb, clock: Clock, ticketId: string, assignee: string | null) {
  return write(s, async (tx) => {
    const now = clock.now();
    const ticket = await lockTicket(tx, ticketId);
    const updated = await tx.updateOrNotFound('tickets', ticket.id, 'ticket', { assignee });
    await addHistory(tx, updated, now, { kind: 'assignment', assignee });
    await event(tx, now, 'ticket.assigned', updated, { from: ticket.assignee, to: assignee });
    return presentTicket(updated);
  });
}

/**
 * Hands the ticket to another team or provider (a hand-off, counted in `handoff_count`); its
 * messages and history move with it, so the new provider's staff see the whole conversation and the
 * old one's no longer do. Vendor staff cannot send a ticket to another provider: that provider is
 * outside their reach and answers 404 naming `providerId`. Emits `ticket.transferred`.
 */
export async function transferTicket(
  s: ScopedDb,
  clock: Clock,
  ticketId: string,
  input: { providerId?: string | null | undefined; teamId?: string | null | undefined },
) {
  return write(s, async (tx) => {
    const now = clock.now();
    const ticket = await lockTicket(tx, ticketId);
    const target = await placement(
      tx,
      input.providerId ?? (input.teamId ? undefined : ticket.provider_id),
      input.teamId,
    );
    if (target.providerId === ticket.provider_id && (target.team?.id ?? null) === ticket.team_id)
      throw new AppError(
        'validation_failed',
        'the ticket is already there',
        input.teamId ? 'teamId' : 'providerId',
      );
    const updated = await tx.updateOrNotFound('tickets', ticket.id, 'ticket', {
      provider_id: target.providerId,
      team_id: target.team?.id ?? null,
      handoff_count: ticket.handoff_count + 1,
    });
    await tx
      .updateTable('ticket_messages')
      .set({ provider_id: target.providerId })
      .where('ticket_id', '=', ticket.id)
      .execute();
    await tx
      .updateTable('ticket_events')
      .set({ provider_id: target.providerId })
      .where('ticket_id', '=', ticket.id)
      .execute();
    await addHistory(tx, updated, now, { kind: 'handoff', team: target.team?.name ?? null });
    const payload = {
      fromProviderId: ticket.provider_id,
      toProviderId: target.providerId,
      fromTeamId: ticket.team_id,
      toTeamId: target.team?.id ?? null,
    };
    await event(tx, now, 'ticket.transferred', updated, payload);
    return presentTicket(updated);
  });
}

/** Adds and removes tags (kept sorted, without repeats). Emits `ticket.tagged` with what changed. */
export async function tagTicket(
  s: ScopedDb,
  clock: Clock,
  ticketId: string,
  input: { add?: readonly string[] | undefined; remove?: readonly string[] | undefined },
) {
  return write(s, async (tx) => {
    const now = clock.now();
    const ticket = await lockTicket(tx, ticketId);
    const remove = new Set(input.remove ?? []);
    const tags = [...new Set([...ticket.tags, ...(input.add ?? [])])].filter((t) => !remove.has(t)).sort();
    const added = tags.filter((t) => !ticket.tags.includes(t));
    const removed = ticket.tags.filter((t) => !tags.includes(t));
    const updated = await tx.updateOrNotFound('tickets', ticket.id, 'ticket', { tags });
    await event(tx, now, 'ticket.tagged', updated, { added, removed, tags });
    return presentTicket(updated);
  });
}

/**
 * Merges a ticket into another (a duplicate of the same request): its messages are copied to the
 * target, it becomes `merged` (by the lifecycle table: an unsolved ticket only), and both must be
 * within the caller's reach. Emits `ticket.merged` on the merged ticket and its status change.
 */
export async function mergeTicket(s: ScopedDb, clock: Clock, ticketId: string, intoId: string) {
  return write(s, async (tx) => {
    const now = clock.now();
    const ticket = await lockTicket(tx, ticketId);
    if (ticketId === intoId)
      throw new AppError('validation_failed', 'a ticket cannot be merged into itself', 'into');
    const into = await tx.lockWhere('tickets', 'id', intoId);
    if (!into) throw new AppError('not_found', 'ticket not found', 'into');
    if (into.status === 'closed' || into.status === 'merged')
      throw new AppError('invalid_transition', `a ${into.status} ticket takes no merged messages`, 'into');
    const merged = await applyStatus(tx, now, ticket, 'merged', { into: into.id });
    const messages = await tx.rowsWhere('ticket_messages', 'ticket_id', ticket.id);
    if (messages.length > 0)
      await tx
        .insertInto(
          'ticket_messages',
          messages.map((m) => ({
            id: newId('msg', now.getTime()),
            provider_id: into.provider_id,
            ticket_id: into.id,
            external_id: `merged:${ticket.id}:${m.external_id}`,
            author_type: m.author_type,
            author_id: m.author_id,
            public: m.public,
            body: m.body,
            created_at: m.created_at,
          })),
        )
        .execute();
    await event(tx, now, 'ticket.merged', ticket, { into: into.id, messagesCopied: messages.length });
    return merged;
  });
}

/**
 * Records whether the ticket met its resolution target (`sla_breached`: true missed, false met,
 * null undecided), as the SLA engine measured it: Insight's SLA KPI reads the same column for
 * imported and live tickets. Raises the data version (KPI caches); the SLA module's own events
 * (`sla.breached`) say what happened, so this records none.
 */
export async function recordSlaOutcome(
  s: ScopedDb,
  _clock: Clock,
  ticketId: string,
  breached: boolean | null,
) {
  return write(s, async (tx) => {
    const ticket = await lockTicket(tx, ticketId);
    if (ticket.sla_breached === breached) return;
    await tx.updateTable('tickets').set({ sla_breached: breached }).where('id', '=', ticket.id).execute();
  });
}

/**
 * Records a phone call's measures on its ticket (the columns Insight's call KPIs read: abandonment,
 * handle time, queue wait), as the phone channel learns them. Nothing changes when they are the same.
 */
export async function recordCallOutcome(
  s: ScopedDb,
  ticketId: string,
  facts: { waitSeconds: number | null; handleSeconds: number | null; abandoned: boolean | null },
) {
  return write(s, async (tx) => {
    const ticket = await lockTicket(tx, ticketId);
    if (
      ticket.call_wait_seconds === facts.waitSeconds &&
      ticket.call_handle_seconds === facts.handleSeconds &&
      ticket.abandoned === facts.abandoned
    )
      return;
    await tx
      .updateTable('tickets')
      .set({
        call_wait_seconds: facts.waitSeconds,
        call_handle_seconds: facts.handleSeconds,
        abandoned: facts.abandoned,
      })
      .where('id', '=', ticket.id)
      .execute();
  });
}

/**
 * Records the customer's satisfaction rating on the ticket (the columns Insight's CSAT KPIs read),
 * normalised to [0, 1] by core's `normaliseCsat`.
 *
 * @throws RangeError when the score lies outside its scale (callers validate first).
 */
export async function recordCsat(s: ScopedDb, ticketId: string, rating: { score: number; scale: CsatScale }) {
  return write(s, async (tx) => {
    const ticket = await lockTicket(tx, ticketId);
    await tx
      .updateTable('tickets')
      .set({ csat_score: rating.score, csat_scale: rating.scale, csat_normalised: normaliseCsat(rating) })
      .where('id', '=', ticket.id)
      .execute();
  });
}

/** A ticket's public conversation, oldest first: what the customer sees (the chat's transcript). */
export async function publicMessages(s: ScopedDb, ticketId: string) {
  const rows = await s
    .selectFrom('ticket_messages')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .where('public', '=', true)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(presentMessage);
}

/** One ticket with its conversation and history, for the caller's scope. */
export async function getTicket(s: ScopedDb, ticketId: string) {
  const ticket = await s.findOrNotFound('tickets', ticketId, 'ticket');
  const [messages, history] = await Promise.all([
    s
      .selectFrom('ticket_messages')
      .selectAll()
      .where('ticket_id', '=', ticketId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    s.selectFrom('ticket_events').selectAll().where('ticket_id', '=', ticketId).orderBy('seq').execute(),
  ]);
  return presentTicketDetail(ticket, messages, history);
}

/**
 * A ticket opened by a person (GET /api/tickets/{id}). Vendor staff reading a ticket (personal data)
 * is governance evidence (issue 11, GDPR art. 28; decision 0039): recorded as
 * `ticket.read_by_vendor`, through the audit log's pending table (one insert, no lock on the chain),
 * joined to the chain by the audit.flush job. In-house reads, refused reads and lists are not recorded.
 */
export async function readTicket(s: ScopedDb, clock: Clock, ticketId: string) {
  const detail = await getTicket(s, ticketId);
  if (s.actor.providerId !== null)
    await recordAuditLater(s, clock, {
      action: 'ticket.read_by_vendor',
      subjectType: 'ticket',
      subjectId: ticketId,
      providerId: s.actor.providerId,
    });
  return detail;
}

/** Sets the priority (null: none). Emits `ticket.priority_changed`. */
export async function changePriority(
  s: ScopedDb,
  clock: Clock,
  ticketId: string,
  priority: TicketPriority | null,
) {
  return write(s, async (tx) => {
    const now = clock.now();
    const ticket = await lockTicket(tx, ticketId);
    const updated = await tx.updateOrNotFound('tickets', ticket.id, 'ticket', { priority });
    await event(tx, now, 'ticket.priority_changed', updated, { from: ticket.priority, to: priority });
    return presentTicket(updated);
  });
}

/**
 * Sets the ticket's type (null: not known), a step in its history. Emits `ticket.type_changed` with
 * what the SLA engine re-matches on (it never reads the tickets table): a complaint gets the
 * complaint policy's targets, counted from the ticket's creation.
 */
export async function changeType(s: ScopedDb, clock: Clock, ticketId: string, type: TicketType | null) {
  return write(s, async (tx) => {
    const now = clock.now();
    const ticket = await lockTicket(tx, ticketId);
    if (ticket.type === type) return presentTicket(ticket);
    const updated = await tx.updateOrNotFound('tickets', ticket.id, 'ticket', { type });
    await addHistory(tx, updated, now, { kind: 'type', ticketType: type });
    await event(tx, now, 'ticket.type_changed', updated, {
      from: ticket.type,
      to: type,
      channel: updated.channel,
      priority: updated.priority,
      teamId: updated.team_id,
      createdAt: new Date(updated.created_at ?? now).toISOString(),
    });
    return presentTicket(updated);
  });
}

/**
 * Escalates a ticket to an in-house team, with the reason: the hand-off a vendor agent makes when a
 * case needs the client's own staff (a refund above their authority, a legal question). Unlike a
 * transfer, vendor staff may do it although the in-house provider is outside their reach. In-house
 * staff may name the team (`teamId`, one of the in-house provider's); otherwise, and always for
 * vendor staff (who never learn in-house ids), the in-house team that works the ticket's language
 * and channel is chosen, else the first in-house team by name. The ticket, its messages and
 * history move to that provider (the vendor no longer sees it); the hand-off and its reason stay in
 * the history. Emits `ticket.escalated` (pushed to the in-house provider's readers).
 */
export async function escalateTicket(
  s: ScopedDb,
  clock: Clock,
  ticketId: string,
  input: { teamId?: string | undefined; reason: string },
) {
  return write(s, async (tx) => {
    const now = clock.now();
    const ticket = await lockTicket(tx, ticketId);
    // The whole organization's directory: in-house teams are escalation targets for everyone.
    const directory = await organizationDirectory(tx.executor as never, tx.actor.organizationId);
    const inHouse = new Set(directory.providers.filter((p) => p.kind === 'in_house').map((p) => p.id));
    const targets = directory.teams.filter((t) => inHouse.has(t.providerId));
    const team =
      input.teamId !== undefined
        ? tx.actor.providerId === null
          ? targets.find((t) => t.id === input.teamId)
          : undefined
        : escalationTarget(targets, ticket);
    if (!team) throw new AppError('not_found', 'in-house team not found', 'teamId');
    if (ticket.team_id === team.id)
      throw new AppError('validation_failed', 'the ticket is already with this team', 'teamId');
    // The history step first, while the ticket is still within a vendor caller's scope.
    await addHistory(tx, ticket, now, { kind: 'handoff', team: team.name, reason: input.reason });
    const updated = await tx.updateOrNotFound('tickets', ticket.id, 'ticket', {
      provider_id: team.providerId,
      team_id: team.id,
      assignee: null,
      handoff_count: ticket.handoff_count + 1,
    });
    for (const table of ['ticket_messages', 'ticket_events'] as const)
      await tx
        .updateTable(table)
        .set({ provider_id: team.providerId })
        .where('ticket_id', '=', ticket.id)
        .execute();
    await event(tx, now, 'ticket.escalated', updated, {
      fromProviderId: ticket.provider_id,
      toProviderId: team.providerId,
      fromTeamId: ticket.team_id,
      toTeamId: team.id,
      reason: input.reason,
    });
    return presentTicket(updated);
  });
}

/** The in-house team for a ticket: one working its language and channel, else one of either, else the first. */
function escalationTarget(teams: readonly DirectoryTeam[], ticket: TicketRow): DirectoryTeam | undefined {
  const language = ticket.language?.split('-')[0]?.toLowerCase() ?? null;
  const speaks = (t: DirectoryTeam) => language !== null && t.languages.includes(language);
  const works = (t: DirectoryTeam) => ticket.channel !== null && t.channels.includes(ticket.channel);
  return teams.find((t) => speaks(t) && works(t)) ?? teams.find(speaks) ?? teams.find(works) ?? teams[0];
}

/** What one bulk action does to each ticket. */
export type BulkAction =
  | { kind: 'status'; status: TicketStatus }
  | { kind: 'assign'; assignee: string | null }
  | { kind: 'priority'; priority: TicketPriority | null }
  | { kind: 'tags'; add?: readonly string[] | undefined; remove?: readonly string[] | undefined };

export type BulkResult =
  | { id: string; ok: true; ticket: Record<string, unknown> }
  | { id: string; ok: false; code: string; field: string | null; message: string };

/**
 * Applies one action to several tickets in one transaction, each through the same use case as one
 * at a time, each in its own savepoint: a ticket the action cannot apply to (a refused status
 * step) is reported and rolled back alone, the others commit together. A ticket outside the
 * caller's reach fails the whole request with 404 naming its position (`ticketIds.3`), before
 * anything is written, like any other reference to something the caller cannot see.
 */
export async function bulkApply(s: ScopedDb, clock: Clock, ticketIds: readonly string[], action: BulkAction) {
  return s.transaction(async (tx) => {
    const unique = [...new Set(ticketIds)];
    const found = new Set(
      (await tx.selectFrom('tickets').select('id').where('id', 'in', unique).execute()).map((r) => r.id),
    );
    const unknown = ticketIds.findIndex((id) => !found.has(id));
    if (unknown >= 0) throw new AppError('not_found', 'ticket not found', `ticketIds.${unknown}`);
    const results: BulkResult[] = [];
    for (const [i, id] of unique.entries()) {
      const savepoint = sql.raw(`bulk_${i}`);
      await sql`savepoint ${savepoint}`.execute(tx.executor);
      try {
        const ticket = await applyOne(tx, clock, id, action);
        await sql`release savepoint ${savepoint}`.execute(tx.executor);
        results.push({ id, ok: true, ticket });
      } catch (err) {
        await sql`rollback to savepoint ${savepoint}`.execute(tx.executor);
        if (!(err instanceof AppError)) throw err;
        results.push({ id, ok: false, code: err.code, field: err.field ?? null, message: err.message });
      }
    }
    return results;
  });
}

function applyOne(tx: ScopedDb, clock: Clock, id: string, action: BulkAction) {
  switch (action.kind) {
    case 'status':
      return changeStatus(tx, clock, id, action.status);
    case 'assign':
      return assignTicket(tx, clock, id, action.assignee);
    case 'priority':
      return changePriority(tx, clock, id, action.priority);
    case 'tags':
      return tagTicket(tx, clock, id, action);
  }
}

/** The ticket's id, provider and language if the caller may see it; not found otherwise (cheap: no conversation). */
export async function ticketReach(s: ScopedDb, ticketId: string) {
  const row = await oneOrNotFound(
    s
      .selectFrom('tickets')
      .select(['id', 'provider_id', 'language', 'number', 'external_id', 'subject', 'requester', 'status'])
      .where('id', '=', ticketId),
    'ticket',
  );
  return row;
}

/**
 * What routing's replay reads of the tickets created in [from, to), live or imported, oldest first,
 * at most `limit`: the facts a rule looks at, never the whole row.
 */
export async function routingFactsBetween(s: ScopedDb, from: Date, to: Date, limit: number) {
  const rows = await s
    .selectFrom('tickets')
    .select(['id', 'channel', 'language', 'subject', 'description', 'tags', 'created_at'])
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    language: r.language,
    subject: r.subject,
    description: r.description,
    tags: r.tags,
    createdAt: new Date(r.created_at!),
  }));
}

/**
 * The outcomes of the given tickets that an experiment compares (Source's pilots): solved or not,
 * reopened or not, the satisfaction score on a 0–1 scale, and handle time (the call's, else the
 * time to resolution). Read in pages of 5,000 ids.
 */
export async function outcomesOf(s: ScopedDb, ids: readonly string[]) {
  const out: {
    id: string;
    solved: boolean;
    reopened: boolean;
    csat: number | null;
    handleSeconds: number | null;
  }[] = [];
  for (let at = 0; at < ids.length; at += 5000) {
    const rows = await s
      .selectFrom('tickets')
      .select([
        'id',
        'solved_at',
        'closed_at',
        'reopen_count',
        'csat_normalised',
        'call_handle_seconds',
        'resolution_seconds',
      ])
      .where('id', 'in', ids.slice(at, at + 5000))
      .execute();
    for (const r of rows) {
      out.push({
        id: r.id,
        solved: r.solved_at !== null || r.closed_at !== null,
        reopened: r.reopen_count > 0,
        csat: r.csat_normalised === null ? null : Number(r.csat_normalised),
        handleSeconds: r.call_handle_seconds ?? r.resolution_seconds,
      });
    }
  }
  return out;
}
