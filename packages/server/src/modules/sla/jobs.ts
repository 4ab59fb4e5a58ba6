import { recordEvent } from '../../platform/events/index.js';
import type { JobContext, JobDefinition } from '../../platform/jobs/job-definition.js';
import { systemActor } from '../../platform/scope.js';
import { ticketService } from '../tickets/index.js';
import { lockRow, refresh, resolutionOutcome, SLA_CHECK_JOB } from './engine.js';

/**
 * Runs at an at-risk or due instant of one ticket (and when an outcome changed): recomputes the
 * state at the clock's now and records what became true and was not yet recorded, once per target
 * cycle: `sla.at_risk`, `sla.breached` (pushed to the browser like ticket events: subject `ticket`,
 * the ticket's provider). A job whose instant a later event moved finds nothing new and does nothing.
 * The resolution outcome goes to the ticket's `sla_breached` through the tickets service, which is
 * what Insight's SLA KPI reads for imported and live tickets alike.
 */
async function checkTicket(payload: Record<string, unknown>, ctx: JobContext) {
  const ticketId = String(payload.ticketId ?? '');
  const organizationId = ctx.job.organizationId;
  if (!organizationId || !ticketId) return { skipped: 'no ticket' };
  const scoped = ctx.scope(systemActor('sla', organizationId));
  return scoped.transaction(async (s) => {
    const db = s.executor;
    const row = await lockRow(db, organizationId, ticketId);
    if (!row) return { skipped: 'no SLA' };
    const now = ctx.clock.now();
    const state = await refresh(db, ctx.clock, row);
    const stored = await db
      .selectFrom('ticket_sla_targets')
      .selectAll()
      .where('ticket_id', '=', ticketId)
      .execute();
    const raised: string[] = [];
    for (const t of state.targets) {
      const r = stored.find((x) => x.metric === t.metric);
      if (!r) continue;
      const base = {
        organizationId,
        providerId: row.provider_id,
        subjectType: 'ticket',
        subjectId: ticketId,
        actorId: 'system:sla',
      };
      const payloadOf = () => ({
        metric: t.metric,
        targetSeconds: t.targetSeconds,
        dueAt: t.dueAt?.toISOString() ?? null,
        atRiskAt: t.atRiskAt?.toISOString() ?? null,
        policyId: row.policy_id,
        policyVersion: row.policy_version,
      });
      const live = t.status === 'running' || t.status === 'breached';
      /** Records the target's event once: the column it sets keeps the next run from raising it again. */
      const raise = async (
        kind: 'at_risk' | 'breached',
        occurredAt: Date,
        set: { at_risk_raised_at: Date } | { breached_raised_at: Date },
      ) => {
        await recordEvent(db, { ...base, type: `sla.${kind}`, occurredAt, payload: payloadOf() });
        await db
          .updateTable('ticket_sla_targets')
          .set(set)
          .where('ticket_id', '=', ticketId)
          .where('metric', '=', t.metric)
          .execute();
        raised.push(`${t.metric}:${kind}`);
      };
      if (live && t.atRiskAt && t.atRiskAt <= now && r.at_risk_raised_at === null)
        await raise('at_risk', t.atRiskAt, { at_risk_raised_at: now });
      if (t.breached && r.breached_raised_at === null)
        await raise('breached', t.dueAt ?? now, { breached_raised_at: now });
    }
    const outcome = resolutionOutcome(state);
    if (outcome !== row.outcome_synced) {
      await ticketService.recordSlaOutcome(s, ctx.clock, ticketId, outcome);
      await db
        .updateTable('ticket_sla')
        .set({ outcome_synced: outcome })
        .where('ticket_id', '=', ticketId)
        .execute();
    }
    return { raised, outcome };
  });
}

export const slaJobs: JobDefinition[] = [{ name: SLA_CHECK_JOB, handler: checkTicket, maxAttempts: 8 }];
