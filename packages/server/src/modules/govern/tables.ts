import type { ColumnType } from 'kysely';
import type { Json, Timestamp } from '../../platform/db/columns.js';
import { scopedTables } from '../../platform/scope.js';
import type { ContractDocumentJson } from './schemas-types.js';

/** A contract with one provider; what it says lives in its versions. */
export interface ContractsTable {
  id: string;
  organization_id: string;
  provider_id: string;
  /** The SLA engine policy the contract's response and resolution terms configure (decision 0017). */
  sla_policy_id: string | null;
  created_at: Timestamp;
}

/** One version of a contract: never edited; a change is a new row with its effective date, reason, approver. */
export interface ContractVersionsTable {
  contract_id: string;
  version: number;
  organization_id: string;
  provider_id: string;
  /** First day (local date, YYYY-MM-DD) the version is in force. */
  effective_from: string;
  reason: string;
  approved_by: string;
  document: Json<ContractDocumentJson>;
  created_by: string;
  created_at: Timestamp;
}

/** A computed statement per contract and month; recomputing replaces it (the audit log keeps each). */
export interface SettlementsTable {
  contract_id: string;
  period: string;
  organization_id: string;
  provider_id: string;
  statement: Json<Record<string, unknown>>;
  computed_at: Timestamp;
}

/** Review meetings, corrective actions and escalations of a contract (the governance register). */
export interface GovernanceItemsTable {
  id: string;
  organization_id: string;
  contract_id: string;
  provider_id: string;
  kind: 'review' | 'action' | 'escalation' | 'obligation' | 'runbook_step' | 'export_test';
  title: string;
  owner: string;
  /** The meeting's day, or the day an action or escalation is due (YYYY-MM-DD). */
  due_on: string;
  review_kind: 'operational' | 'performance' | 'business' | null;
  /** An escalation's rung on the ladder (core ESCALATION_LADDER). */
  level: number | null;
  status: ColumnType<'open' | 'done', 'open' | 'done' | undefined, 'open' | 'done'>;
  evidence: ColumnType<string, string | undefined, string>;
  /** What opened it automatically (e.g. `chronic:R:2025-01`), so a recomputation opens it once. */
  source: string | null;
  created_at: Timestamp;
  closed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** A run of the canonical export's round trip (export-check.ts) and what it found. */
export interface ExportChecksTable {
  id: string;
  organization_id: string;
  job_id: string | null;
  checked_at: Timestamp;
  passed: boolean;
  evidence: ColumnType<unknown, string, string>;
}

/** A forecast the client gave the vendor: never edited, a late change is a newer row (decision 0039). */
export interface ClientForecastsTable {
  id: string;
  organization_id: string;
  provider_id: string;
  /** First and last day (YYYY-MM-DD, inclusive) the forecast covers. */
  period_from: ColumnType<string, string, string>;
  period_to: ColumnType<string, string, string>;
  queue: string | null;
  channel: string | null;
  language: string | null;
  volume: number;
  note: ColumnType<string, string | undefined, string>;
  /** The saved plan whose split it was sent from (decision 0059); null when typed in by hand. */
  plan_id: ColumnType<string | null, string | null | undefined, string | null>;
  /**
   * Its volume on each day from period_from to period_to (a saved plan's, decision 0063), adding up to
   * `volume`; null when typed in as one number over the range (the relief counts it pro rata by day).
   */
  daily_volumes: ColumnType<number[] | null, string | null | undefined, string | null>;
  /** The IANA zone whose local days `period_from`–`period_to` are (decision 0065; 'UTC' before it). */
  time_zone: ColumnType<string, string | undefined, string>;
  logged_by: string;
  logged_at: Timestamp;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    export_checks: ExportChecksTable;
    client_forecasts: ClientForecastsTable;
    governance_items: GovernanceItemsTable;
    contracts: ContractsTable;
    contract_versions: ContractVersionsTable;
    settlements: SettlementsTable;
  }
}

/** Vendor staff see their own provider's contracts and settlements (read-only: policy.ts). */
export const governScopedTables = scopedTables({
  contracts: 'provider_id',
  contract_versions: 'provider_id',
  settlements: 'provider_id',
  governance_items: 'provider_id',
  client_forecasts: 'provider_id',
  // The organization's whole export: in-house administrators only (govern.manage).
  export_checks: null,
});
