import type { z } from '@hono/zod-openapi';
import { type LeadFacts, leadsReport } from '@shoreline/core';
import { useCasesOf } from '../../platform/access.js';
import type { Clock } from '../../platform/clock.js';
import { recordEvent } from '../../platform/events/index.js';
import { AppError } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import type { ScopedDb } from '../../platform/scope.js';
import { ticketService } from '../tickets/index.js';
import { authorizeSales } from './policy.js';
import { presentLead } from './presenters.js';
import type { LeadCreate, LeadOutcome, LeadsReportQuery } from './schemas.js';

type Lead = ReturnType<typeof presentLead>;

const salesUseCase = useCasesOf(authorizeSales);

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Records the lead's event (the CRM's webhook) in the caller's transaction; returns the lead. */
async function leadEvent(tx: ScopedDb, type: 'lead.created' | 'lead.closed', lead: Lead, now: Date) {
  await recordEvent(tx.executor, {
    type,
    organizationId: tx.actor.organizationId,
    providerId: lead.providerId,
    subjectType: 'lead',
    subjectId: lead.id,
    actorId: tx.actor.userId,
    occurredAt: now,
    payload: lead,
  });
  return lead;
}

/**
 * Hands a conversation to sales: a lead carrying the ticket's contact, team, provider, channel and
 * language and who raised it, and a `lead.created` event in the same transaction (webhooks send it
 * to the CRM). One lead per ticket: a second answers `conflict`. A ticket outside the caller's scope
 * answers `not_found`, so vendor agents raise leads only from their provider's conversations.
 */
export const handOff = salesUseCase(
  'sales.hand_off',
  (
    s,
    clock: Clock,
    ticketId: string,
    input: z.output<typeof LeadCreate>,
    raisedBy: string = s.actor.userId,
  ) =>
    s.transaction(async (tx) => {
      const { ticket } = await ticketService.getTicket(tx, ticketId);
      const now = clock.now();
      const row = {
        id: newId('lead', now.getTime()),
        provider_id: str(ticket.providerId),
        team_id: str(ticket.teamId),
        ticket_id: ticketId,
        raised_by: raisedBy,
        channel: str(ticket.channel),
        language: str(ticket.language),
        contact: str(ticket.requester),
        interest: input.interest,
        value_minor: input.valueMinor,
        currency: input.currency,
        status: 'open' as const,
        created_at: now,
      };
      const inserted = await tx
        .insertInto('sales_leads', row)
        .onConflict((oc) => oc.column('ticket_id').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!inserted) throw new AppError('conflict', 'this conversation is already a lead', 'ticketId');
      return leadEvent(tx, 'lead.created', presentLead(inserted), now);
    }),
);

/** The CRM's answer: won (with the deal's value, default the estimate) or lost; once. */
export const recordOutcome = salesUseCase(
  'sales.record_outcome',
  (s, clock: Clock, leadId: string, input: z.output<typeof LeadOutcome>) =>
    s.transaction(async (tx) => {
      const current = await tx.findOrNotFound('sales_leads', leadId, 'lead');
      if (current.status !== 'open')
        throw new AppError('invalid_transition', `this lead is already ${current.status}`, 'outcome');
      const now = clock.now();
      const updated = await tx.updateOrNotFound('sales_leads', leadId, 'lead', {
        status: input.outcome,
        won_minor: input.outcome === 'won' ? (input.valueMinor ?? Number(current.value_minor)) : null,
        crm_reference: input.crmReference ?? null,
        closed_at: now,
      });
      return leadEvent(tx, 'lead.closed', presentLead(updated), now);
    }),
);

export const listLeads = salesUseCase('sales.read', async (s) => {
  const rows = await s.latest('sales_leads', 'created_at', 500);
  return rows.map(presentLead);
});

/** Leads raised in the range, attributed to one dimension (core/sales/leads-report.ts), in scope. */
export const report = salesUseCase('sales.read', async (s, query: z.output<typeof LeadsReportQuery>) => {
  const rows = await s
    .selectFrom('sales_leads')
    .selectAll()
    .$if(query.from !== undefined, (q) => q.where('created_at', '>=', new Date(query.from!)))
    .$if(query.to !== undefined, (q) => q.where('created_at', '<', new Date(query.to!)))
    .execute();
  const facts: LeadFacts[] = rows.map((r) => ({
    team: r.team_id,
    provider: r.provider_id,
    channel: r.channel,
    language: r.language,
    raisedBy: r.raised_by,
    currency: r.currency,
    status: r.status,
    valueMinor: Number(r.value_minor),
    wonMinor: r.won_minor === null ? null : Number(r.won_minor),
  }));
  return { by: query.by, rows: leadsReport(facts, query.by) };
});
