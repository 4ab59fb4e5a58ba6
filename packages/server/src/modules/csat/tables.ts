import type { ColumnType } from 'kysely';
import { scopedTables } from '../../platform/scope.js';

/** One survey per solved ticket: its secret link token and, once given, the answer. */
export interface CsatSurveysTable {
  token: string;
  organization_id: string;
  provider_id: string | null;
  ticket_id: string;
  created_at: ColumnType<Date, Date | string, Date | string>;
  answered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  score: number | null;
  scale: string | null;
  comment: string | null;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    csat_surveys: CsatSurveysTable;
  }
}

export const csatScopedTables = scopedTables({
  csat_surveys: 'provider_id',
});
