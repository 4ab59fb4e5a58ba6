import type { StoredEvent } from '../../platform/events/index.js';

/** The JSON body a receiver gets for a domain event (docs/webhooks.md). */
export function webhookBody(event: StoredEvent): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    occurredAt: event.occurredAt.toISOString(),
    organizationId: event.organizationId,
    providerId: event.providerId,
    subject: { type: event.subjectType, id: event.subjectId },
    actorId: event.actorId,
    payload: event.payload,
  });
}

/** The body of a "send test event" delivery: the same shape, with a `webhook.test` type. */
export function testBody(organizationId: string, endpointId: string, at: Date): string {
  return JSON.stringify({
    id: null,
    type: 'webhook.test',
    occurredAt: at.toISOString(),
    organizationId,
    providerId: null,
    subject: { type: 'webhook_endpoint', id: endpointId },
    actorId: null,
    payload: { message: 'This is a test delivery from Shoreline.' },
  });
}
