import type { Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../../platform/db/columns.js';
import { scopedTables } from '../../platform/scope.js';

export interface WebhookEndpointsTable {
  id: string;
  organization_id: string;
  url: string;
  description: string;
  /** Event types delivered; `*` for every type. */
  event_types: string[];
  /** The HMAC key. Kept as is because signing needs it; shown to the admin once, at creation. */
  secret: string;
  active: boolean;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDeliveriesTable {
  id: string;
  organization_id: string;
  endpoint_id: string;
  /** The outbox event delivered; null for a test delivery. */
  event_id: string | null;
  event_type: string;
  /** The exact JSON body sent (and signed) on every attempt. */
  body: string;
  status: DeliveryStatus;
  attempts: Generated<number>;
  next_attempt_at: NullableTimestamp;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Timestamp;
  delivered_at: NullableTimestamp;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    webhook_endpoints: WebhookEndpointsTable;
    webhook_deliveries: WebhookDeliveriesTable;
  }
}

/** The organization's, not a vendor's: vendor staff reach neither table. */
export const webhookScopedTables = scopedTables({
  webhook_endpoints: null,
  webhook_deliveries: null,
});
