import { SLA_METRICS, type SlaState } from '@shoreline/core';
import type { Selectable } from 'kysely';
import type { SlaDefinitionJson, SlaPoliciesTable, TicketSlaTable, TicketSlaTargetsTable } from './tables.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentPolicy(row: Selectable<SlaPoliciesTable>) {
  const definition = (
    typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition
  ) as SlaDefinitionJson;
  return {
    id: row.id,
    version: row.version,
    effectiveFrom: iso(row.effective_from)!,
    definition,
    createdBy: row.created_by,
    reason: row.reason,
    createdAt: iso(row.created_at)!,
  };
}

/** A ticket's SLA on the wire: what the inbox's countdowns start from (`asOf` + remaining seconds). */
export function presentTicketSla(ticketId: string, state: SlaState, asOf: Date) {
  return {
    ticketId,
    policyId: state.policyId,
    policyVersion: state.version,
    pausedSince: iso(state.pausedSince),
    pausedSeconds: state.pausedSeconds,
    asOf: asOf.toISOString(),
    targets: state.targets.map((t) => ({
      metric: t.metric,
      targetSeconds: t.targetSeconds,
      startedAt: t.startedAt.toISOString(),
      dueAt: iso(t.dueAt),
      atRiskAt: iso(t.atRiskAt),
      achievedAt: iso(t.achievedAt),
      status: t.status,
      breached: t.breached,
      remainingSeconds: t.remainingSeconds,
    })),
  };
}

/**
 * The same shape from the engine's stored rows (the inbox's countdowns): `asOf` is when the engine
 * last refreshed the ticket, the instant its remaining seconds and statuses are exact at.
 */
export function presentStoredSla(
  row: Pick<
    Selectable<TicketSlaTable>,
    'ticket_id' | 'policy_id' | 'policy_version' | 'paused_since' | 'paused_seconds' | 'updated_at'
  >,
  targets: readonly Selectable<TicketSlaTargetsTable>[],
) {
  const ordered = [...targets].sort((a, b) => SLA_METRICS.indexOf(a.metric) - SLA_METRICS.indexOf(b.metric));
  return {
    ticketId: row.ticket_id,
    policyId: row.policy_id,
    policyVersion: row.policy_version,
    pausedSince: iso(row.paused_since),
    pausedSeconds: row.paused_seconds,
    asOf: iso(row.updated_at)!,
    targets: ordered.map((t) => ({
      metric: t.metric,
      targetSeconds: t.target_seconds,
      startedAt: iso(t.started_at)!,
      dueAt: iso(t.due_at),
      atRiskAt: iso(t.at_risk_at),
      achievedAt: iso(t.achieved_at),
      status: t.status,
      breached: t.breached,
      remainingSeconds: t.remaining_seconds,
    })),
  };
}
