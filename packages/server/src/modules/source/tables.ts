import type { ColumnType } from 'kysely';
import type { Json, Timestamp } from '../../platform/db/columns.js';
import { scopedTables } from '../../platform/scope.js';

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
  /** Handle times (seconds) typed in per arm for a median metric of a pilot not routed. */
  vendor_values: ColumnType<number[], never, string>;
  in_house_values: ColumnType<number[], never, string>;
  /** Routing's split that sends the slice's new tickets to the arms (null: counts are entered). */
  routing_split_id: ColumnType<string | null, string | null | undefined, string | null>;
  starts_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  ends_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Timestamp;
}

/** A selection process (long list → RFI → … → decision): its stages and vendors (core `Selection`). */
export interface SourceSelectionsTable {
  id: string;
  organization_id: string;
  name: string;
  scorecard_id: string | null;
  state: Json<unknown>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** File contents, once per organization and SHA-256 (as mail's `mail_blobs`). */
export interface SourceBlobsTable {
  organization_id: string;
  sha256: string;
  size_bytes: number;
  content: Uint8Array;
  created_at: Timestamp;
}

/**
 * An evidence file: a certificate, an audit report, an RFI/RFP document or answer. `provider_id` is
 * the vendor's platform provider (when it has one), so that vendor's staff see its own files and
 * no other vendor's.
 */
export interface SourceEvidenceTable {
  id: string;
  organization_id: string;
  provider_id: string | null;
  vendor_id: string | null;
  selection_id: string | null;
  kind: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  expires_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** The expiry milestone (days before) last reminded of (core `dueReminder`), or null. */
  last_reminder_days: ColumnType<number | null, number | null | undefined, number | null>;
  uploaded_by: string;
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
    source_selections: SourceSelectionsTable;
    source_blobs: SourceBlobsTable;
    source_evidence: SourceEvidenceTable;
  }
}

/**
 * Sourcing decisions are the organization's own (decision 0021): no table is a provider's, so vendor
 * staff reach none of them at the data layer either — a vendor never sees any scorecard, its own
 * included, nor another vendor's profile or price.
 */
export const sourceScopedTables = scopedTables({
  source_scenarios: null,
  source_vendors: null,
  source_scorecards: null,
  source_scores: null,
  source_pilots: null,
  source_decisions: null,
  source_selections: null,
  // Read only after the evidence row was found in the caller's scope (as mail's blobs).
  source_blobs: null,
  // The one Source table vendor staff reach: their own vendor's evidence files (decision 0028).
  source_evidence: 'provider_id',
});
