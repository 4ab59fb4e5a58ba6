import type { RoutingDecision } from '@shoreline/core';
import type { Selectable } from 'kysely';
import { isoOrNull } from '../../platform/db/columns.js';
import type { RoutingDecisionsTable, RoutingRulesTable } from './tables.js';

const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export function presentRule(row: Selectable<RoutingRulesTable>) {
  return {
    id: row.id,
    position: row.position,
    name: row.name,
    ...parse<Record<string, unknown>>(row.definition),
    updatedAt: isoOrNull(row.updated_at)!,
  } as {
    id: string;
    position: number;
    name: string;
    conditions: Record<string, string[]>;
    teamIds: string[];
    priority?: string;
    type?: string;
    tags?: string[];
    slaPolicyId?: string;
    overflow?: { afterSeconds: number; teamIds: string[] };
    updatedAt: string;
  };
}

export function presentDecisionRow(row: Selectable<RoutingDecisionsTable>) {
  return {
    ticketId: row.ticket_id,
    ruleId: row.rule_id,
    ruleName: row.rule_name,
    teamId: row.team_id,
    providerId: row.provider_id,
    basis: row.basis as RoutingDecision['basis'],
    open: row.open,
    opensAt: isoOrNull(row.opens_at),
    language: row.language,
    reason: row.reason,
    overflow: row.overflow_at
      ? { at: isoOrNull(row.overflow_at)!, teamId: row.overflow_team_id, reason: row.overflow_reason ?? '' }
      : null,
  };
}

export function presentDecision(ticketId: string, language: string | null, d: RoutingDecision) {
  return {
    ticketId,
    ruleId: d.ruleId,
    ruleName: d.ruleName,
    teamId: d.teamId,
    providerId: d.providerId,
    basis: d.basis,
    open: d.open,
    opensAt: d.opensAt?.toISOString() ?? null,
    language,
    reason: d.reason,
  };
}
