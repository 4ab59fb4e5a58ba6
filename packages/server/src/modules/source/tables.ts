import type { ColumnType } from 'kysely';
import type { ScopedTables } from '../../platform/scope.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** A cost scenario (demand, staffing targets, options, dated FX rates); an edit bumps `version`. */
export interface SourceScenariosTable {
  id: string;
  organization_id: string;
  name: string;
  version: number;
  definition: Json<unknown>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A vendor's profile: sites, languages, hours, redundancy, certifications with expiry, references. */
export interface SourceVendorsTable {
  id: string;
  organization_id: string;
  /** The platform provider this vendor is (when already contracted), else null. */
  provider_id: string | null;
  name: string;
  profile: Json<unknown>;
  created_at: Timestamp;
}

/** An RFP scorecard: criteria with the business's weights, the vendors and their normalised prices. */
export interface SourceScorecardsTable {
  id: string;
  organization_id: string;
  name: string;
  criteria: Json<unknown>;
  vendor_ids: Json<string[]>;
  prices: Json<Record<string, number>>;
  created_at: Timestamp;
}

/** One evaluator's score of one vendor on one criterion. */
export interface SourceScoresTable {
  scorecard_id: string;
  organization_id: string;
  vendor_id: string;
  evaluator_id: string;
  criterion: string;
  score: number;
  updated_at: Timestamp;
}

/** A pilot: slice, split, seed and pre-registered metric and sample size (immutable), with counts. */
export interface SourcePilotsTable {
  id: string;
  organization_id: string;
  vendor_id: string;
  name: string;
  definition: Json<unknown>;
  sample_size_per_arm: number;
  vendor_n: number;
  vendor_successes: number;
  in_house_n: number;
  in_house_successes: number;
  created_at: Timestamp;
}

/** A decision record version: assessment, costs, scorecard and pilot results, decision and reasons. */
export interface SourceDecisionsTable {
  id: string;
  organization_id: string;
  version: number;
  body: Json<unknown>;
  decided_by: string;
  created_at: Timestamp;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    source_scenarios: SourceScenariosTable;
    source_vendors: SourceVendorsTable;
    source_scorecards: SourceScorecardsTable;
    source_scores: SourceScoresTable;
    source_pilots: SourcePilotsTable;
    source_decisions: SourceDecisionsTable;
  }
}

/**
 * Sourcing decisions are the organization's own (decision 0021): no table is a provider's, so vendor
 * staff reach none of them at the data layer either — a vendor never sees any scorecard, its own
 * included, nor another vendor's profile or price.
 */
export const sourceScopedTables: ScopedTables = {
  source_scenarios: { providerColumn: null },
  source_vendors: { providerColumn: null },
  source_scorecards: { providerColumn: null },
  source_scores: { providerColumn: null },
  source_pilots: { providerColumn: null },
  source_decisions: { providerColumn: null },
};
