import type { Selectable } from 'kysely';
import type { SalesLeadsTable } from './tables.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

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
    createdAt: iso(r.created_at)!,
    closedAt: iso(r.closed_at),
  };
}
