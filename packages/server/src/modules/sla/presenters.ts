import type { SlaState } from '@shoreline/core';
import type { Selectable } from 'kysely';
import type { SlaDefinitionJson, SlaPoliciesTable } from './tables.js';

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
