import type { Selectable } from 'kysely';
import type { SocialPostsTable } from './tables.js';

export function presentPost(r: Selectable<SocialPostsTable>) {
  return {
    id: r.id,
    network: r.network,
    externalId: r.external_id,
    inReplyTo: r.in_reply_to,
    kind: r.kind,
    inbound: r.inbound,
    author: r.author,
    at: new Date(r.posted_at).toISOString(),
    ticketId: r.ticket_id,
  };
}
