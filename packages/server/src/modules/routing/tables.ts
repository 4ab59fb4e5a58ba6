import type { WeeklyHours } from '@shoreline/core';
import type { ColumnType } from 'kysely';
import type { Timestamp } from '../../platform/db/columns.js';
import { scopedTables } from '../../platform/scope.js';

/** The organization's ordered routing rules (one row per rule; `position` orders them). */
export interface RoutingRulesTable {
  id: string;
  organization_id: string;
  position: number;
  name: string;
  /** conditions, teamIds, priority, tags, slaPolicyId (core/routing RoutingRule without id and name). */
  definition: ColumnType<unknown, string, string>;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** Which rule routed a live ticket and why: one row per routed ticket, scoped like the ticket. */
export interface RoutingDecisionsTable {
  ticket_id: string;
  organization_id: string;
  provider_id: string | null;
  rule_id: string;
  rule_name: string;
  team_id: string | null;
  basis: string;
  open: boolean;
  opens_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  language: string | null;
  reason: string;
  decided_at: Timestamp;
  /** The pilot split that assigned the ticket an arm, and the arm (null: no split applied). */
  split_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The rule's overflow step, once run: when, where to (null: stayed), why. */
  overflow_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  overflow_team_id: ColumnType<string | null, string | null | undefined, string | null>;
  overflow_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** The arm's key (`in-house`, a Source vendor id; `vendor` on splits of before decision 0037). */
  split_arm: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One arm of a split: its key, whose teams it routes to (null: in house), its weight. */
export interface SplitArmRow {
  readonly key: string;
  readonly providerId: string | null;
  readonly weight: number;
  readonly label?: string;
}

/**
 * A pilot's traffic split: new tickets of the slice (channel, language, tag, weekly hours) created
 * in [starts_at, ends_at) go to one arm's teams (in house or a vendor's) by a seeded hash, by weight.
 */
export interface RoutingSplitsTable {
  id: string;
  organization_id: string;
  name: string;
  channel: string | null;
  language: string | null;
  tag: string | null;
  seed: number;
  arms: ColumnType<SplitArmRow[], string, string>;
  /** Weekly windows in a time zone (core `WeeklyHours`); null: every hour. */
  hours: ColumnType<WeeklyHours | null, string | null, string | null>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  created_at: Timestamp;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    routing_rules: RoutingRulesTable;
    routing_decisions: RoutingDecisionsTable;
    routing_splits: RoutingSplitsTable;
  }
}

/** Rules are the organization's (its admins write them); a decision is scoped like its ticket. */
export const routingScopedTables = scopedTables({
  routing_rules: null,
  routing_decisions: 'provider_id',
  // Splits are the organization's experiments (Source's pilots): no vendor sees one.
  routing_splits: null,
});
