import { randomBytes } from 'node:crypto';
import type { EventListener } from '../../platform/events/index.js';
import { enqueueJob } from '../../platform/jobs/index.js';
import { SURVEY_MAIL_JOB } from './jobs.js';

/**
 * A survey for every ticket the first time it is solved (one per ticket: a reopened and solved
 * again ticket keeps its survey), with an unguessable token for the customer's link, and the job
 * that e-mails the link (an e-mail ticket's customer), in the same transaction.
 */
export const csatListener: EventListener = {
  name: 'csat.survey',
  eventTypes: ['ticket.status_changed'],
  async handle(event, { tx, clock }) {
    if (event.payload.to !== 'solved') return;
    const made = await tx
      .insertInto('csat_surveys')
      .values({
        token: randomBytes(24).toString('base64url'),
        organization_id: event.organizationId,
        provider_id: event.providerId,
        ticket_id: event.subjectId,
        created_at: clock.now(),
      })
      .onConflict((oc) => oc.column('ticket_id').doNothing())
      .returning('token')
      .executeTakeFirst();
    if (!made) return;
    await enqueueJob(tx, clock, {
      name: SURVEY_MAIL_JOB,
      organizationId: event.organizationId,
      providerId: event.providerId,
      payload: { ticketId: event.subjectId },
      idempotencyKey: event.subjectId,
      maxAttempts: 8,
    });
  },
};
