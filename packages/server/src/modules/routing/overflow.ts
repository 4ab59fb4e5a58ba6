import { overflowTarget, type RoutingTicket } from '@shoreline/core';
import type { Clock } from '../../platform/clock.js';
import { enqueueJob } from '../../platform/jobs/index.js';
import type { ScopedDb } from '../../platform/scope.js';
import { ticketService } from '../tickets/index.js';
import { routingTeams, storedRules } from './service.js';

export const OVERFLOW_JOB = 'routing.overflow';

/** Statuses in which a ticket still waits to be taken. */
const WAITING = new Set(['new', 'open']);

/**
 * The routing rule's overflow timer, enqueued with the ticket: a job due `afterSeconds` after
 * routing (the job queue survives restarts and runs once across processes: keyed by the ticket).
 */
export async function scheduleOverflow(
  tx: ScopedDb,
  clock: Clock,
  ticket: { id: string; providerId: string | null },
  afterSeconds: number,
) {
  await enqueueJob(tx.executor, clock, {
    name: OVERFLOW_JOB,
    organizationId: tx.actor.organizationId,
    providerId: ticket.providerId,
    payload: { ticketId: ticket.id },
    runAt: new Date(clock.now().getTime() + afterSeconds * 1000),
    idempotencyKey: `overflow:${ticket.id}`,
    maxAttempts: 5,
  });
}

/**
 * When the wait has passed: a ticket nobody took (no assignee, still new or open, still with the
 * team the rule chose) moves to the rule's least loaded open overflow team; the decision records
 * when, where and why either way (the routing explanation). Run again, it finds the step recorded
 * and does nothing.
 */
export async function runOverflow(s: ScopedDb, clock: Clock, ticketId: string) {
  return s.transaction(async (tx) => {
    const decision = await tx.lockWhere('routing_decisions', 'ticket_id', ticketId);
    if (!decision || decision.overflow_at !== null) return { skipped: 'no decision or already run' };
    const { ticket } = await ticketService.getTicket(tx, ticketId);
    const now = clock.now();
    const record = (teamId: string | null, reason: string) =>
      tx
        .updateTable('routing_decisions')
        .set({ overflow_at: now, overflow_team_id: teamId, overflow_reason: reason })
        .where('ticket_id', '=', ticketId)
        .execute();
    if (
      ticket.assignee !== null ||
      !WAITING.has(String(ticket.status)) ||
      ticket.teamId !== decision.team_id
    ) {
      await record(null, 'taken (or moved) before the wait ended: no overflow');
      return { overflow: false };
    }
    const [rules, teams] = await Promise.all([storedRules(tx), routingTeams(tx, true)]);
    const rule = rules.find((r) => r.id === decision.rule_id);
    if (!rule?.overflow) {
      await record(null, `rule "${decision.rule_name}" no longer has an overflow`);
      return { overflow: false };
    }
    const facts: RoutingTicket = {
      channel: ticket.channel as RoutingTicket['channel'],
      language: (ticket.language as string | null) ?? decision.language,
      subject: ticket.subject as string | null,
      text: null,
      tags: (ticket.tags as string[] | null) ?? [],
    };
    const target = overflowTarget(facts, now, rule, teams, decision.team_id);
    if (target.teamId !== null)
      await ticketService.transferTicket(tx, clock, ticketId, {
        providerId: target.providerId,
        teamId: target.teamId,
      });
    await record(target.teamId, target.reason);
    return { overflow: target.teamId !== null, teamId: target.teamId };
  });
}
