import type { ColumnType } from 'kysely';
import type { Timestamp } from '../../platform/db/columns.js';
import type { ScopedTables } from '../../platform/scope.js';

type Later<T> = ColumnType<T | null, T | null | undefined, T | null>;

/**
 * A sales lead raised from a conversation (CRM sense: a contact with an interest and an estimated
 * value), with what raised it — the agent or rule, the team and provider, the channel and language —
 * so the outcome the CRM reports back is attributed to them. One lead per ticket.
 */
export interface SalesLeadsTable {
  id: string;
  organization_id: string;
  provider_id: string | null;
  team_id: string | null;
  ticket_id: string;
  /** The user who handed it over, or `rule:<routing rule id>` for a rule. */
  raised_by: string;
  channel: string | null;
  language: string | null;
  contact: string | null;
  interest: string;
  /** Estimated value, integer minor units of `currency`. */
  value_minor: number;
  currency: string;
  status: 'open' | 'won' | 'lost';
  /** The won deal's value (minor units of `currency`) as the CRM reported it; null until won. */
  won_minor: Later<number>;
  crm_reference: Later<string>;
  created_at: Timestamp;
  closed_at: Later<Date>;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    sales_leads: SalesLeadsTable;
  }
}

/** A lead is scoped like the ticket it came from: vendor staff see only their provider's. */
export const salesScopedTables: ScopedTables = {
  sales_leads: { providerColumn: 'provider_id' },
};
