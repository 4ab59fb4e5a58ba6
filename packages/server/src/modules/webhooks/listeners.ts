import type { EventListener } from '../../platform/events/index.js';
import { newId } from '../../platform/ids.js';
import { deliverDueWebhooks } from './deliver.js';
import { webhookBody } from './payload.js';

/**
 * Webhooks as one listener: each domain event becomes a pending delivery for every active endpoint
 * of its organization subscribed to its type, written in the listener's transaction (so exactly one
 * per endpoint and event, however often the event is handed over). Sending happens in `tick`.
 */
export const webhookListener: EventListener = {
  name: 'webhooks.fan_out',
  eventTypes: ['*'],
  async handle(event, { tx, clock }) {
    const endpoints = await tx
      .selectFrom('webhook_endpoints')
      .select(['id', 'event_types'])
      .where('organization_id', '=', event.organizationId)
      .where('active', '=', true)
      .execute();
    const now = clock.now();
    const body = webhookBody(event);
    const rows = endpoints
      .filter((e) => e.event_types.includes('*') || e.event_types.includes(event.type))
      .map((e) => ({
        id: newId('whd', now.getTime()),
        organization_id: event.organizationId,
        endpoint_id: e.id,
        event_id: event.id,
        event_type: event.type,
        body,
        status: 'pending' as const,
        next_attempt_at: now,
        created_at: now,
      }));
    if (rows.length === 0) return;
    await tx
      .insertInto('webhook_deliveries')
      .values(rows)
      .onConflict((oc) => oc.columns(['endpoint_id', 'event_id']).doNothing())
      .execute();
  },
  async tick({ database, clock, config }) {
    while (
      (await deliverDueWebhooks(database.db, clock, { allowPrivate: config.webhookAllowPrivate })) > 0
    ) {}
  },
};
