import type { ScopedDb } from '../../platform/scope.js';
import { ticketService } from '../tickets/index.js';

/** What mail needs to know of a ticket, read through the tickets module (its wire shape). */
export interface TicketFacts {
  id: string;
  status: string | null;
  channel: string | null;
  providerId: string | null;
  teamId: string | null;
  requester: string | null;
  language: string | null;
  subject: string | null;
}

/** The ticket as the caller sees it, or null when it is outside the scope or does not exist. */
export async function ticketFacts(s: ScopedDb, ticketId: string): Promise<TicketFacts | null> {
  try {
    const { ticket } = await ticketService.getTicket(s, ticketId);
    const t = ticket as Record<string, unknown>;
    const str = (k: string) => (typeof t[k] === 'string' ? (t[k] as string) : null);
    return {
      id: ticketId,
      status: str('status'),
      channel: str('channel'),
      providerId: str('providerId'),
      teamId: str('teamId'),
      requester: str('requester'),
      language: str('language'),
      subject: str('subject'),
    };
  } catch {
    return null;
  }
}
