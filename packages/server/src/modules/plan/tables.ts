import type { ColumnType, JSONColumnType } from 'kysely';
import { scopedTables } from '../../platform/scope.js';
import type { SavedPlanInput, SavedPlanResult, SentForecast } from './saved/schemas.js';

/** A saved plan: its inputs, the job that builds it, and (once built) its result. */
export interface PlansTable {
  id: string;
  organization_id: string;
  name: string;
  horizon_days: number;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  input: JSONColumnType<SavedPlanInput, string, string>;
  result: ColumnType<SavedPlanResult | null, string | null | undefined, string | null>;
  /** Why it failed, in the field's words ("history.values: …"). */
  problem: ColumnType<string | null, string | null | undefined, string | null>;
  job_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string;
  /** The forecasts sent to vendors from this plan, oldest first (decision 0059). */
  forecasts_sent: ColumnType<SentForecast[], string | undefined, string>;
  /** Bumped on every change (a rename, a rebuild). */
  version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | string, Date | string>;
  updated_at: ColumnType<Date, Date | string, Date | string>;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    plans: PlansTable;
  }
}

// A plan covers every provider's volume and cost (the organization's own figures), so it has no
// provider column and vendor staff reach none of it (decision 0033).
export const planScopedTables = scopedTables({
  plans: null,
});
