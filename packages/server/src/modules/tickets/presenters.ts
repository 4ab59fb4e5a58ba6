import { TICKET_WIRE_FIELDS } from '@shoreline/core';
import type { Selectable } from 'kysely';
import type { TicketEventsTable, TicketMessagesTable, TicketsTable } from './tables.js';
import type { TicketType } from './vocabulary.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A ticket on the wire: every field of the catalogue (core/tickets/fields.ts) that has a wire name. */
export function presentTicket(row: Selectable<TicketsTable>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const r = row as unknown as Record<string, unknown>;
  for (const f of TICKET_WIRE_FIELDS) {
    const v = r[f.column] ?? null;
    if (f.type === 'instant') out[f.wire] = iso(v as Date | string | null);
    else if (f.type === 'json') out[f.wire] = typeof v === 'string' ? JSON.parse(v) : (v ?? {});
    else out[f.wire] = v;
  }
  // Live only (not in the import catalogue): the ticket's type.
  out.type = row.type ?? null;
  return out;
}

export function presentMessage(m: Selectable<TicketMessagesTable>) {
  return {
    id: m.id,
    authorType: m.author_type,
    authorId: m.author_id,
    public: m.public,
    body: m.body,
    createdAt: new Date(m.created_at).toISOString(),
  };
}

export function presentHistoryStep(e: Selectable<TicketEventsTable>) {
  return {
    seq: e.seq,
    at: new Date(e.at).toISOString(),
    kind: e.kind,
    status: e.status,
    team: e.team,
    supportLine: e.support_line,
    assignee: e.assignee,
    reason: e.reason ?? null,
    ticketType: (e.ticket_type ?? null) as TicketType | null,
  };
}

/** A ticket with its conversation (oldest first) and history (in order): what opening a ticket shows. */
export function presentTicketDetail(
  ticket: Selectable<TicketsTable>,
  messages: readonly Selectable<TicketMessagesTable>[],
  history: readonly Selectable<TicketEventsTable>[],
) {
  return {
    ticket: presentTicket(ticket),
    // The customer it is about (module customers: their history beside the ticket); not in the
    // ticket's field catalogue, which is also the import's column order.
    customerId: ticket.customer_id ?? null,
    messages: messages.map(presentMessage),
    history: history.map(presentHistoryStep),
  };
}
