import type { EventListener } from '../../platform/events/index.js';
import { enqueueJob } from '../../platform/jobs/index.js';
import { SEND_JOB } from './outbound.js';

/**
 * An agent's public reply becomes an e-mail: each `message.sent` of an agent's public message
 * enqueues the send job (once per message: the idempotency key), in the listener's transaction.
 * The job decides whether the ticket is an e-mail ticket.
 */
export const outboundListener: EventListener = {
  name: 'mail.outbound',
  eventTypes: ['message.sent'],
  async handle(event, { tx, clock }) {
    const payload = event.payload as { messageId?: string; authorType?: string; public?: boolean };
    if (payload.authorType !== 'agent' || payload.public !== true || !payload.messageId) return;
    await enqueueJob(tx, clock, {
      name: SEND_JOB,
      organizationId: event.organizationId,
      providerId: event.providerId,
      payload: { ticketId: event.subjectId, ticketMessageId: payload.messageId },
      idempotencyKey: payload.messageId,
      maxAttempts: 8,
    });
  },
};
