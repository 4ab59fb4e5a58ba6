import type { Selectable } from 'kysely';
import type { WebhookDeliveriesTable, WebhookEndpointsTable } from './tables.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentEndpoint(row: Selectable<WebhookEndpointsTable>) {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.event_types,
    active: row.active,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

export function presentDelivery(row: Selectable<WebhookDeliveriesTable>) {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id === null ? null : String(row.event_id),
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: iso(row.next_attempt_at),
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    createdAt: iso(row.created_at)!,
    deliveredAt: iso(row.delivered_at),
  };
}
