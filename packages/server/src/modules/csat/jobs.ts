import type { JobDefinition } from '../../platform/jobs/index.js';
import { systemActor } from '../../platform/scope.js';
import { sendCustomerNotice } from '../mail/index.js';
import { ticketService } from '../tickets/index.js';
import { customerLanguage } from './service.js';
import { fill, surveyStrings } from './strings.js';

export const SURVEY_MAIL_JOB = 'csat.mail_survey';

/**
 * E-mails a solved ticket's survey link to its customer, in the ticket's language, through the mail
 * module's outbound path (the relay, threaded into the conversation; kept in embedded mode). Only
 * e-mail tickets with a customer address get one; the mail is keyed by the ticket, so it goes once.
 */
const surveyMailJob: JobDefinition = {
  name: SURVEY_MAIL_JOB,
  maxAttempts: 8,
  timeoutMs: 60_000,
  async handler(payload, ctx) {
    const organizationId = ctx.job.organizationId;
    const ticketId = typeof payload.ticketId === 'string' ? payload.ticketId : null;
    if (!organizationId || !ticketId) return { skipped: 'no ticket' };
    const scoped = ctx.scope(systemActor('csat', organizationId));
    const survey = await scoped
      .selectFrom('csat_surveys')
      .select(['token', 'answered_at'])
      .where('ticket_id', '=', ticketId)
      .executeTakeFirst();
    if (!survey || survey.answered_at !== null) return { skipped: 'answered or none' };
    const detail = await ticketService.getTicket(scoped, ticketId);
    const { ticket } = detail;
    const { t } = surveyStrings(customerLanguage(detail));
    const url = `${new URL(ctx.config.publicUrl).origin}/survey/${survey.token}`;
    const status = await sendCustomerNotice(
      ctx,
      organizationId,
      {
        ticketId,
        key: `csat:${ticketId}`,
        subject: (subject) => fill(t.mailSubject, { subject }).trim(),
        text: fill(t.mailText, { subject: String(ticket.subject ?? ''), url }),
      },
      ctx.job.attempt >= ctx.job.maxAttempts,
    );
    return { status };
  },
};

export const csatJobs: readonly JobDefinition[] = [surveyMailJob];
