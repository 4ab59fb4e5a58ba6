import type { ColumnType } from 'kysely';
import type { Timestamp } from '../../platform/db/columns.js';
import { scopedTables } from '../../platform/scope.js';

type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;

/** A telephony system allowed to post signed webhooks; its calls belong to its provider (or in house). */
export interface PhoneConnectorsTable {
  id: string;
  organization_id: string;
  provider_id: string | null;
  name: string;
  /** HMAC-SHA256 key of the webhook signature (shown once at creation). */
  secret: string;
  created_at: Timestamp;
}

/** One call as the telephony system reported it, and the ticket it became. */
export interface PhoneCallsTable {
  id: string;
  organization_id: string;
  provider_id: string | null;
  external_id: string;
  ticket_id: string;
  status: string;
  queued_at: NullableTimestamp;
  answered_at: NullableTimestamp;
  abandoned_at: NullableTimestamp;
  ended_at: NullableTimestamp;
  queue_seconds: number | null;
  talk_seconds: number | null;
  wrap_seconds: number | null;
  agent: string | null;
  recording_url: string | null;
  outcome: string | null;
  caller: string | null;
  updated_at: Timestamp;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    phone_connectors: PhoneConnectorsTable;
    phone_calls: PhoneCallsTable;
  }
}

export const phoneScopedTables = scopedTables({
  phone_connectors: 'provider_id',
  phone_calls: 'provider_id',
});
