import { enqueueJob, type JobContext, type JobDefinition } from '../../platform/jobs/index.js';
import { pollMailbox } from './imap.js';
import { flagFailedInbound, processInbound } from './intake.js';
import { prepareReply, SEND_JOB, sendReply } from './outbound.js';
import { PARSE_JOB } from './store.js';

const text = (v: unknown, name: string): string => {
  if (typeof v !== 'string' || v === '') throw new Error(`payload.${name} missing`);
  return v;
};

/**
 * A mail job that works for one organization (every one but the schedule): `work` gets its id, and
 * a job queued without one fails, naming `what` it is.
 */
function organizationJob(
  what: string,
  job: Omit<JobDefinition, 'handler'>,
  work: (payload: Record<string, unknown>, ctx: JobContext, organizationId: string) => Promise<unknown>,
): JobDefinition {
  return {
    ...job,
    async handler(payload, ctx) {
      if (!ctx.job.organizationId) throw new Error(`${what} belongs to an organization`);
      return work(payload, ctx, ctx.job.organizationId);
    },
  };
}

/** Parses one stored message into a ticket or a reply (intake.ts); safe to run again. */
const parseJob = organizationJob(
  'a parse job',
  { name: PARSE_JOB, maxAttempts: 5, timeoutMs: 60_000 },
  async (payload, ctx, organizationId) => {
    const inboundId = text(payload.inboundId, 'inboundId');
    try {
      return await processInbound(ctx, organizationId, inboundId);
    } catch (error) {
      // Retried with backoff; on the last attempt the message is flagged, never dropped.
      if (ctx.job.attempt >= ctx.job.maxAttempts)
        await flagFailedInbound(ctx, organizationId, inboundId, error);
      throw error;
    }
  },
);

/** Prepares (once) and sends an agent's reply; relay failures retry with the queue's backoff. */
const sendJob = organizationJob(
  'a send job',
  { name: SEND_JOB, maxAttempts: 8, timeoutMs: 60_000 },
  async (payload, ctx, organizationId) => {
    const outboundId = await prepareReply(
      ctx,
      organizationId,
      text(payload.ticketId, 'ticketId'),
      text(payload.ticketMessageId, 'ticketMessageId'),
    );
    if (!outboundId) return { status: 'not_email' };
    const status = await sendReply(ctx, organizationId, outboundId, ctx.job.attempt >= ctx.job.maxAttempts);
    return { status, outboundId };
  },
);

export const IMAP_POLL_JOB = 'mail.imap_poll';

/** Polls one mailbox's IMAP folder (imap.ts). */
const imapPollJob = organizationJob(
  'an IMAP poll',
  { name: IMAP_POLL_JOB, maxAttempts: 1, timeoutMs: 120_000 },
  (payload, ctx, organizationId) => pollMailbox(ctx, organizationId, text(payload.mailboxId, 'mailboxId')),
);

/**
 * Every minute, one poll job per mailbox that has IMAP settings (keyed by mailbox and minute, so two
 * processes enqueue it once). An instance-level read: the schedule belongs to no organization.
 */
const imapScheduleJob: JobDefinition = {
  name: 'mail.imap_schedule',
  schedule: { cron: '* * * * *', timeZone: 'UTC' },
  maxAttempts: 1,
  async handler(_payload, ctx) {
    const mailboxes = await ctx.db
      .selectFrom('mailboxes')
      .select(['id', 'organization_id'])
      .where('imap', 'is not', null)
      .execute();
    const minute = ctx.clock.now().toISOString().slice(0, 16);
    for (const m of mailboxes)
      await enqueueJob(ctx.db, ctx.clock, {
        name: IMAP_POLL_JOB,
        organizationId: m.organization_id,
        payload: { mailboxId: m.id },
        idempotencyKey: `${m.id}@${minute}`,
        maxAttempts: 1,
      });
    return { mailboxes: mailboxes.length };
  },
};

export const mailJobs: readonly JobDefinition[] = [parseJob, sendJob, imapPollJob, imapScheduleJob];
