import type { Channel, ImportedTicket, TicketPriority, TicketStatus } from '../ticket.js';
import { lookup } from './json-fields.js';

/** A vendor's code tables: its status, priority and channel codes in our vocabulary. */
export interface VendorCodes {
  readonly status: Readonly<Record<string, TicketStatus>>;
  readonly priority: Readonly<Record<string, TicketPriority>>;
  readonly channel: Readonly<Record<string, Channel>>;
}

/** The lower-case channel words several vendors use alike (Zendesk `via.channel`, Zammad article types). */
export const CHANNEL_WORDS: Readonly<Record<string, Channel>> = {
  email: 'email',
  web: 'web_form',
  chat: 'chat',
  twitter: 'social',
  facebook: 'social',
};

/**
 * Sets a ticket's status (keeping the vendor's raw code), priority and channel from the vendor's
 * codes read through its tables: no code is none, a status or priority code the table lacks is
 * none too (the raw status stays, so the import can report it), a channel it lacks is `other`.
 */
export function applyCodes(
  t: ImportedTicket,
  codes: VendorCodes,
  status: string | null,
  priority: string | null,
  channel: string | null,
): void {
  t.statusRaw = status;
  t.status = lookup(codes.status, status);
  t.priority = lookup(codes.priority, priority);
  t.channel = lookup(codes.channel, channel, 'other');
}
