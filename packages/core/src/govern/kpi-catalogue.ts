// The one catalogue of KPI definitions contract terms name (issue 11). Each definition says what is
// measured, in which integer unit, and which way is better. Sources: COPC CX Standard 7.0 (service
// level, abandonment, forecast accuracy), ITIL 4 service level management (response and resolution
// within a target), ISO 18295-1:2017 (customer contact centres: CSAT, complaints).

export const KPI_IDS = [
  'first_response_within',
  'resolution_within',
  'service_level_answered_within',
  'abandonment_rate',
  'csat',
  'reopen_rate',
  'qa_score',
  'forecast_accuracy',
] as const;
export type KpiId = (typeof KPI_IDS)[number];

export interface KpiDefinition {
  readonly id: KpiId;
  /** What the level counts, in words (the contract's definition). */
  readonly definition: string;
  /** The integer unit of levels: basis points of records, or hundredths of a score. */
  readonly unit: 'basis_points' | 'hundredths';
  readonly better: 'higher' | 'lower';
  /** Whether the term needs a target in seconds (the T of "within T"). */
  readonly needsTargetSeconds: boolean;
  /** The SLA engine metric the term configures for live tickets, if any (decision 0017). */
  readonly slaMetric: 'first_response' | 'resolution' | null;
}

/** @example KPI_CATALOGUE.resolution_within.slaMetric // 'resolution' */
export const KPI_CATALOGUE: Readonly<Record<KpiId, KpiDefinition>> = {
  first_response_within: {
    id: 'first_response_within',
    definition: 'share of tickets in scope whose first public reply came within T seconds of creation',
    unit: 'basis_points',
    better: 'higher',
    needsTargetSeconds: true,
    slaMetric: 'first_response',
  },
  resolution_within: {
    id: 'resolution_within',
    definition:
      "share of solved tickets in scope solved within T seconds of creation (the source's own solve time)",
    unit: 'basis_points',
    better: 'higher',
    needsTargetSeconds: true,
    slaMetric: 'resolution',
  },
  service_level_answered_within: {
    id: 'service_level_answered_within',
    definition: 'share of offered calls answered within T seconds, per interval or per period',
    unit: 'basis_points',
    better: 'higher',
    needsTargetSeconds: true,
    slaMetric: null,
  },
  abandonment_rate: {
    id: 'abandonment_rate',
    definition: 'share of offered calls abandoned by the caller before an answer',
    unit: 'basis_points',
    better: 'lower',
    needsTargetSeconds: false,
    slaMetric: null,
  },
  csat: {
    id: 'csat',
    definition: 'mean customer satisfaction on a 1–5 scale, in hundredths (4.20 = 420)',
    unit: 'hundredths',
    better: 'higher',
    needsTargetSeconds: false,
    slaMetric: null,
  },
  reopen_rate: {
    id: 'reopen_rate',
    definition: 'share of solved tickets reopened at least once',
    unit: 'basis_points',
    better: 'lower',
    needsTargetSeconds: false,
    slaMetric: null,
  },
  qa_score: {
    id: 'qa_score',
    definition: 'mean quality-assurance evaluation score, 0–100, in hundredths',
    unit: 'hundredths',
    better: 'higher',
    needsTargetSeconds: false,
    slaMetric: null,
  },
  forecast_accuracy: {
    id: 'forecast_accuracy',
    definition:
      "share of intervals whose actual volume was inside the agreed band around the client's forecast",
    unit: 'basis_points',
    better: 'higher',
    needsTargetSeconds: false,
    slaMetric: null,
  },
};

/** Whether a measured level meets `level` for a KPI (≥ when higher is better, ≤ when lower). */
export function meetsLevel(kpi: KpiId, measured: number, level: number): boolean {
  return KPI_CATALOGUE[kpi].better === 'higher' ? measured >= level : measured <= level;
}
