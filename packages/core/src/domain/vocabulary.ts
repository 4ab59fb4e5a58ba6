/**
 * Shoreline's one domain vocabulary: the closed sets every module, the API's zod schemas, the
 * canonical import/export format and the web app name values from. A value stored in the database
 * is one of these words; the web app shows it through its message catalogs.
 */

/**
 * The channel a conversation arrived on. `web_form` is a contact form on a web site or portal;
 * `api` a ticket created by another system; `other` anything the source names that is none of these
 * (a ticket is never left without a channel only because its source uses another word).
 */
export const CHANNELS = ['email', 'chat', 'phone', 'social', 'web_form', 'api', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Words older data and mappings used for a channel, and the channel they mean. Until 2026-12 the
 * import model called web forms `web`; migration `tickets_channel_web_form` rewrote stored tickets, this keeps old
 * mapping files and canonical exports importable.
 */
export const CHANNEL_ALIASES: Readonly<Record<string, Channel>> = { web: 'web_form' };

/** A channel word in canonical or legacy spelling, or null when it is not one. */
export function channelNamed(word: string): Channel | null {
  if ((CHANNELS as readonly string[]).includes(word)) return word as Channel;
  return CHANNEL_ALIASES[word] ?? null;
}

/**
 * A ticket's status. `new` until someone works on it; `open` being worked; `pending` waiting on
 * the customer; `on_hold` waiting on a third party; `solved` answered (may reopen); `closed` final;
 * `spam` and `merged` leave the queue without an answer. Which status may follow which is
 * core/tickets/lifecycle.ts.
 */
export const TICKET_STATUSES = [
  'new',
  'open',
  'pending',
  'on_hold',
  'solved',
  'closed',
  'spam',
  'merged',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** What a signed-in person may do: admin (everything), supervisor (teams' work), agent (own work). */
export const ROLES = ['admin', 'supervisor', 'agent'] as const;
export type Role = (typeof ROLES)[number];

/** Who wrote a message. */
export const AUTHOR_TYPES = ['customer', 'agent', 'system', 'bot'] as const;
export type AuthorType = (typeof AUTHOR_TYPES)[number];

/** Kinds of step in a ticket's recorded life (`ticket_events.kind`). */
export const TICKET_EVENT_KINDS = ['created', 'status', 'handoff', 'reopen', 'assignment', 'type'] as const;
export type TicketEventKind = (typeof TICKET_EVENT_KINDS)[number];
