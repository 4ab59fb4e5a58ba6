import type { EventListener, StoredEvent } from '../../platform/events/index.js';
import { appendTimeline, applyPolicy, moveTicket, reapplyPolicy } from './engine.js';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** What picks a ticket's policy, as a created or retyped ticket's event carries it. */
const policyScope = (event: StoredEvent) => ({
  ticketId: event.subjectId,
  organizationId: event.organizationId,
  providerId: event.providerId,
  teamId: str(event.payload.teamId),
  priority: str(event.payload.priority),
  channel: str(event.payload.channel),
});

/**
 * The SLA engine hears a live ticket's life from the tickets module's domain events (it never reads
 * the tickets table): creation applies the policy in force then, messages and status changes go on
 * the ticket's SLA timeline, a transfer moves its scope and calendar, a type change matches the
 * policy again (complaints have their own); each recomputes the due times
 * and schedules the checks (engine.ts). Runs in the listener's transaction, with its cursor.
 */
export const slaListener: EventListener = {
  name: 'sla.timeline',
  eventTypes: [
    'ticket.created',
    'message.received',
    'message.sent',
    'ticket.status_changed',
    'ticket.transferred',
    'ticket.type_changed',
  ],
  async handle(event: StoredEvent, { tx, clock }) {
    const p = event.payload;
    const at = new Date(event.occurredAt).toISOString();
    const org = event.organizationId;
    switch (event.type) {
      case 'ticket.created':
        return applyPolicy(tx, clock, {
          ...policyScope(event),
          segment: str(p.segment),
          type: str(p.type),
          createdAt: new Date(event.occurredAt),
        });
      case 'ticket.type_changed':
        return reapplyPolicy(tx, clock, {
          ...policyScope(event),
          segment: null,
          type: str(p.to),
          createdAt: new Date(str(p.createdAt) ?? event.occurredAt),
        });
      case 'message.received':
        return appendTimeline(tx, clock, org, event.subjectId, { at, kind: 'customer_message' });
      case 'message.sent':
        // Internal notes and bot or system messages do not answer the customer.
        if (p.public === false || p.authorType !== 'agent') return;
        return appendTimeline(tx, clock, org, event.subjectId, { at, kind: 'agent_reply' });
      case 'ticket.status_changed':
        if (typeof p.to !== 'string') return;
        return appendTimeline(tx, clock, org, event.subjectId, { at, kind: 'status', status: p.to });
      case 'ticket.transferred':
        return moveTicket(tx, clock, org, event.subjectId, {
          providerId: str(p.toProviderId),
          teamId: str(p.toTeamId),
        });
    }
  },
};
