import type { JobDefinition } from '../../platform/jobs/index.js';
import { systemActor } from '../../platform/scope.js';
import { OVERFLOW_JOB, runOverflow } from './overflow.js';

/** A rule's overflow step, due when its wait has passed (overflow.ts); safe to run again. */
const overflowJob: JobDefinition = {
  name: OVERFLOW_JOB,
  maxAttempts: 5,
  async handler(payload, ctx) {
    const organizationId = ctx.job.organizationId;
    const ticketId = typeof payload.ticketId === 'string' ? payload.ticketId : null;
    if (!organizationId || !ticketId) return { skipped: 'no ticket' };
    return runOverflow(ctx.scope(systemActor('routing', organizationId)), ctx.clock, ticketId);
  },
};

export const routingJobs: readonly JobDefinition[] = [overflowJob];
