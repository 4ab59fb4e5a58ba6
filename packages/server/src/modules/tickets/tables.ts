import type { ColumnType } from 'kysely';
import type { NullableTimestamp } from '../../platform/db/columns.js';
import { scopedTables, VENDOR_VISIBLE } from '../../platform/scope.js';

/** One conversation, live or imported; unique per (organization, source, external_id). */
export interface TicketsTable {
  id: string;
  organization_id: string;
  provider_id: string | null;
  team_id: string | null;
  source: string;
  external_id: string;
  number: string | null;
  subject: string | null;
  description: string | null;
  channel: string | null;
  status: string | null;
  status_raw: string | null;
  priority: string | null;
  language: string | null;
  topic: string | null;
  tags: string[];
  requester: string | null;
  /** The customer (module customers) of a live ticket; null for imported ones. */
  customer_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The ticket's type (vocabulary.ts TICKET_TYPES); null when not known. Not in the import catalogue. */
  type: ColumnType<string | null, string | null | undefined, string | null>;
  assignee: string | null;
  source_group: string | null;
  support_line: string | null;
  created_at: NullableTimestamp;
  first_response_at: NullableTimestamp;
  solved_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  reopened_at: NullableTimestamp;
  reopen_count: number;
  handoff_count: number;
  first_response_seconds: number | null;
  resolution_seconds: number | null;
  first_response_business_seconds: number | null;
  resolution_business_seconds: number | null;
  sla_breached: boolean | null;
  csat_score: number | null;
  csat_scale: string | null;
  csat_normalised: number | null;
  call_wait_seconds: number | null;
  call_handle_seconds: number | null;
  abandoned: boolean | null;
  quality_flags: string[];
  custom: ColumnType<Record<string, string>, string, string>;
  import_run_id: string | null;
  imported_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface TicketMessagesTable {
  id: string;
  organization_id: string;
  provider_id: string | null;
  ticket_id: string;
  external_id: string;
  author_type: 'customer' | 'agent' | 'system' | 'bot';
  author_id: string | null;
  public: boolean;
  body: string;
  created_at: ColumnType<Date, Date | string, Date | string>;
}

/** Lifecycle steps rebuilt from event logs: status changes, hand-offs, reopenings. */
export interface TicketEventsTable {
  organization_id: string;
  provider_id: string | null;
  ticket_id: string;
  seq: number;
  at: ColumnType<Date, Date | string, Date | string>;
  kind: 'created' | 'status' | 'handoff' | 'reopen' | 'assignment' | 'type';
  status: string | null;
  status_raw: string | null;
  team: string | null;
  support_line: string | null;
  assignee: string | null;
  /** Why, for an escalation (a hand-off to an in-house team); null otherwise. */
  reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** The new type, for a `type` step; null otherwise. */
  ticket_type: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Raised by every write to an organization's tickets (data-version.ts). */
export interface TicketDataVersionsTable {
  organization_id: string;
  version: number;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    ticket_data_versions: TicketDataVersionsTable;
    tickets: TicketsTable;
    ticket_messages: TicketMessagesTable;
    ticket_events: TicketEventsTable;
  }
}

/** How each table is scoped (platform/scope.ts): the column naming its provider. */
export const ticketScopedTables = scopedTables({
  tickets: 'provider_id',
  ticket_messages: 'provider_id',
  ticket_events: 'provider_id',
  // A counter per organization, no content: vendor staff may read it (their KPI columns check it).
  ticket_data_versions: VENDOR_VISIBLE,
});
