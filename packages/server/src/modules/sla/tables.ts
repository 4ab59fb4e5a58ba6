import type { z } from '@hono/zod-openapi';
import type { SlaMetric, SlaTargetStatus } from '@shoreline/core';
import type { ColumnType } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../../platform/db/columns.js';
import { scopedTables } from '../../platform/scope.js';
import type { SlaDefinition } from './schemas.js';

/** What a policy version says, stored as one JSON document (validated by `SlaDefinition`). */
export type SlaDefinitionJson = z.output<typeof SlaDefinition>;

/** One version of a policy; a policy is every row with its `id`. Versions are never edited. */
export interface SlaPoliciesTable {
  id: string;
  version: number;
  organization_id: string;
  effective_from: Timestamp;
  definition: Json<SlaDefinitionJson>;
  created_by: string | null;
  reason: string;
  created_at: Timestamp;
}

/** Closed days of a team calendar (local dates in the team's zone): the SLA engine's, see decision 0017. */
export interface SlaHolidaysTable {
  organization_id: string;
  team_id: string;
  day: string;
  name: string;
}

/** A line of a ticket's timeline as the SLA engine keeps it (from the tickets module's domain events). */
export interface TimelineJson {
  at: string;
  kind: 'customer_message' | 'agent_reply' | 'status';
  status?: string;
}

/** A live ticket's SLA: the policy applied at its creation, its timeline, where it stands. */
export interface TicketSlaTable {
  ticket_id: string;
  organization_id: string;
  /** The ticket's provider, kept in step on transfer: vendor staff see only their provider's rows. */
  provider_id: string | null;
  team_id: string | null;
  priority: string | null;
  channel: string | null;
  segment: string | null;
  /** The ticket's type when the policy was (re)applied (complaints get their own policy). */
  ticket_type: ColumnType<string | null, string | null | undefined, string | null>;
  ticket_created_at: Timestamp;
  policy_id: string;
  policy_version: number;
  /** The applied targets, pause statuses and at-risk rule (core `AppliedSla`), frozen at creation. */
  applied: Json<{
    targets: Record<string, number>;
    pauseStatuses: string[];
    atRisk: SlaDefinitionJson['atRisk'];
  }>;
  timeline: Json<TimelineJson[]>;
  paused_since: NullableTimestamp;
  paused_seconds: number;
  /** What the tickets row's `sla_breached` was last set to: true, false, or null (not decided). */
  outcome_synced: boolean | null;
  /**
   * The earliest due instant of a target not yet met (running, or breached and still owed); null
   * when none runs (all met, cancelled or paused). Orders the inbox's "breaching soon" view.
   */
  next_due_at: NullableTimestamp;
  updated_at: Timestamp;
}

/** One target of a ticket's SLA (the latest cycle for next response). */
export interface TicketSlaTargetsTable {
  ticket_id: string;
  organization_id: string;
  provider_id: string | null;
  metric: SlaMetric;
  target_seconds: number;
  started_at: Timestamp;
  due_at: NullableTimestamp;
  at_risk_at: NullableTimestamp;
  achieved_at: NullableTimestamp;
  status: SlaTargetStatus;
  breached: boolean;
  remaining_seconds: number;
  /** When `sla.at_risk` / `sla.breached` were recorded for this cycle (once each). */
  at_risk_raised_at: NullableTimestamp;
  breached_raised_at: NullableTimestamp;
  updated_at: Timestamp;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    sla_policies: SlaPoliciesTable;
    sla_holidays: SlaHolidaysTable;
    ticket_sla: TicketSlaTable;
    ticket_sla_targets: TicketSlaTargetsTable;
  }
}

/** Policies and calendars are the organization's (admins); a ticket's SLA is scoped like the ticket. */
export const slaScopedTables = scopedTables({
  sla_policies: null,
  sla_holidays: null,
  ticket_sla: 'provider_id',
  ticket_sla_targets: 'provider_id',
});
