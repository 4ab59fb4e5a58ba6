import type { Selectable } from 'kysely';
import { isoOrNull } from '../../platform/db/columns.js';
import type { SalesLeadsTable } from './tables.js';

export function presentLead(r: Selectable<SalesLeadsTable>) {
  return {
    id: r.id,
    ticketId: r.ticket_id,
    providerId: r.provider_id,
    teamId: r.team_id,
    raisedBy: r.raised_by,
    channel: r.channel,
    language: r.language,
    contact: r.contact,
    interest: r.interest,
    valueMinor: Number(r.value_minor),
    currency: r.currency,
    status: r.status,
    wonMinor: r.won_minor === null ? null : Number(r.won_minor),
    crmReference: r.crm_reference,
    createdAt: isoOrNull(r.created_at)!,
    closedAt: isoOrNull(r.closed_at),
  };
}
