import type { ScopedDb } from '../../platform/scope.js';
import { ticketFacts } from './ticket-facts.js';

/**
 * The ticket token put in the subject of every reply Shoreline sends: `[#tkt_…]`, the ticket's own
 * id (ids are unique and unguessable enough to carry no more meaning than "this ticket"). A reply
 * whose client dropped the threading headers still finds its ticket by it.
 */
export const ticketToken = (ticketId: string) => `[#${ticketId}]`;

const TOKEN = /\[#(tkt_[0-9a-z]{26})\]/g;

/** Ticket ids named by tokens in a subject, in order. */
export function ticketIdsInSubject(subject: string): string[] {
  return [...subject.matchAll(TOKEN)].map((m) => m[1] as string);
}

/** The subject with a ticket token, once. */
export function withTicketToken(subject: string, ticketId: string): string {
  const token = ticketToken(ticketId);
  return subject.includes(token) ? subject : `${subject} ${token}`.trim();
}

/**
 * The ticket a message continues, by these rules in order: (1) In-Reply-To, (2) References from the
 * newest, each looked up among the Message-IDs of mail in and out (`mail_message_ids`); (3) a ticket
 * token in the subject naming a ticket the mailbox's organization has. Null: a new conversation.
 */
export async function findThread(
  s: ScopedDb,
  mail: { inReplyTo: string[]; references: string[]; subject: string },
): Promise<string | null> {
  const ids = [...mail.inReplyTo, ...[...mail.references].reverse()];
  if (ids.length > 0) {
    const rows = await s
      .selectFrom('mail_message_ids')
      .select(['message_id', 'ticket_id'])
      .where('message_id', 'in', ids.slice(0, 100))
      .execute();
    const byId = new Map(rows.map((r) => [r.message_id, r.ticket_id]));
    for (const id of ids) {
      const ticket = byId.get(id);
      if (ticket) return ticket;
    }
  }
  for (const id of ticketIdsInSubject(mail.subject)) {
    if (await ticketFacts(s, id)) return id;
  }
  return null;
}

/** Records a Message-ID of a ticket's mail (idempotent: the first ticket to claim an id keeps it). */
export async function recordMessageId(
  s: ScopedDb,
  row: { messageId: string; ticketId: string; providerId: string | null; direction: 'in' | 'out'; at: Date },
): Promise<void> {
  await s
    .insertInto('mail_message_ids', {
      provider_id: row.providerId,
      message_id: row.messageId,
      ticket_id: row.ticketId,
      direction: row.direction,
      created_at: row.at,
    })
    .onConflict((oc) => oc.columns(['organization_id', 'message_id']).doNothing())
    .execute();
}
