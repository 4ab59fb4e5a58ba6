// Warnings for incentive schemes that invite gaming, from the design rules in
// ../shared/reference/govern/governance-practice.md §5.2 (360vendormanagement.com, "What is a Pound
// of Carrots Worth?"; COPC CX Standard metric families): speed is never paid alone, a guardrail
// metric (reopen rate, abandonment / short abandons, CSAT, QA) stands beside every paid speed metric,
// a bonus has a quality gate, and exposure is capped.
import type { KpiId } from './kpi-catalogue.js';

const SPEED: ReadonlySet<KpiId> = new Set([
  'first_response_within',
  'resolution_within',
  'service_level_answered_within',
]);
const GUARDRAIL: ReadonlySet<KpiId> = new Set(['reopen_rate', 'abandonment_rate', 'csat', 'qa_score']);

export interface SchemeTerm {
  readonly id: string;
  readonly kpi: KpiId;
  readonly kind: 'critical' | 'key';
  readonly bonusBp: number;
}

export interface SchemeWarning {
  readonly code:
    | 'speed_without_guardrail'
    | 'bonus_without_quality_gate'
    | 'bonus_without_cap'
    | 'service_level_without_abandonment';
  /** The term the warning is about, or null for the whole scheme. */
  readonly termId: string | null;
}

/**
 * The gaming warnings of a scheme: a speed term that carries money (a critical level or a bonus)
 * with no guardrail term measured beside it; a service level paid without an abandonment term
 * (short abandons game it); a bonus with no quality gate; bonuses with no cap.
 */
export function schemeWarnings(scheme: {
  readonly terms: readonly SchemeTerm[];
  readonly qualityGates: readonly { readonly kpi: string }[];
  readonly bonusCapBp: number;
}): SchemeWarning[] {
  const out: SchemeWarning[] = [];
  const measured = new Set<string>([
    ...scheme.terms.map((t) => t.kpi),
    ...scheme.qualityGates.map((g) => g.kpi),
  ]);
  const hasGuardrail = [...measured].some((k) => GUARDRAIL.has(k as KpiId));
  const paysBonus = scheme.terms.some((t) => t.bonusBp > 0);
  for (const t of scheme.terms) {
    const paid = t.kind === 'critical' || t.bonusBp > 0;
    if (!paid || !SPEED.has(t.kpi)) continue;
    if (!hasGuardrail) out.push({ code: 'speed_without_guardrail', termId: t.id });
    if (t.kpi === 'service_level_answered_within' && !measured.has('abandonment_rate'))
      out.push({ code: 'service_level_without_abandonment', termId: t.id });
  }
  if (paysBonus && scheme.qualityGates.length === 0)
    out.push({ code: 'bonus_without_quality_gate', termId: null });
  if (paysBonus && scheme.bonusCapBp === 0) out.push({ code: 'bonus_without_cap', termId: null });
  return out;
}
