// The columns of an interval file (one row per interval, as in shared/reference/staffing/
// intervals_year.csv): the one list both readers of it use, the CLI's `shoreline staff`
// (server plan/cli/staff-csv.ts) and the browser planner's upload (web plan/intervalCsv.ts).
// A format, not a formula: the meaning of each column is documented in docs/maths/staffing.md and
// follows the inputs of Erlang C / Erlang A staffing (Gans, Koole & Mandelbaum 2003,
// "Telephone call centers: tutorial, review, and research prospects", MSOM 5(2)).

export const REQUIRED_INTERVAL_COLUMNS = [
  'interval_start',
  'volume',
  'aht_sec',
  'interval_min',
  'target_answer_sec',
  'sl_target',
  'shrinkage',
  'max_occupancy',
] as const;

export const OPTIONAL_INTERVAL_COLUMNS = [
  'patience_sec',
  'asa_target_sec',
  'max_abandon',
  'min_agents',
] as const;

export type IntervalColumn =
  | (typeof REQUIRED_INTERVAL_COLUMNS)[number]
  | (typeof OPTIONAL_INTERVAL_COLUMNS)[number];

/** The columns holding numbers: every column but `interval_start`, required ones first. */
export type NumericIntervalColumn = Exclude<IntervalColumn, 'interval_start'>;
export const NUMERIC_INTERVAL_COLUMNS: readonly NumericIntervalColumn[] = [
  ...REQUIRED_INTERVAL_COLUMNS.slice(1), // interval_start is the first
  ...OPTIONAL_INTERVAL_COLUMNS,
] as NumericIntervalColumn[];
