import { randomBytes } from 'node:crypto';
import type { EventListener } from '../../platform/events/index.js';

/**
 * A survey for every ticket the first time it is solved (one per ticket: a reopened and solved
 * again ticket keeps its survey), with an unguessable token for the customer's link.
 */
export const csatListener: EventListener = {
  name: 'csat.survey',
  eventTypes: ['ticket.status_changed'],
  async handle(event, { tx, clock }) {
    if (event.payload.to !== 'solved') return;
    await tx
      .insertInto('csat_surveys')
      .values({
        token: randomBytes(24).toString('base64url'),
        organization_id: event.organizationId,
        provider_id: event.providerId,
        ticket_id: event.subjectId,
        created_at: clock.now(),
      })
      .onConflict((oc) => oc.column('ticket_id').doNothing())
      .execute();
  },
};
