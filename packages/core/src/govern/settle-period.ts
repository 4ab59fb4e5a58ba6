// A provider's settlement for one period: charges, the at-risk pool, service credits (allocation,
// escalation, caps, forecast relief), earn-back and bonus, with a mid-period contract change settled
// by the days each version was in force.
// Sources: Wavestone, "Service credits: the at-risk amount and pool allocation" (at-risk amount as a
// share of monthly charges; allocation across critical service levels summing past 100 %, each credit
// capped by the at-risk amount); Kit Burden, "Service Level Regimes – Key Issues" (fixed and
// percentage credit models); sourcingmag.com (escalate repeats up to a cap). Arithmetic and worked
// examples: docs/govern-worked-examples.md.
import { type BonusResult, type BonusTerm, bonus, type QualityGate } from './bonus.js';
import { requireWholeNonNegative, SettlementInputError } from './errors.js';
import { escalationPercent } from './history.js';
import {
  addExact,
  BASIS_POINTS,
  type Exact,
  exact,
  lessExact,
  minExact,
  roundExact,
  scaleExact,
} from './money.js';

/** How a missed critical service level turns into a credit (before escalation and caps). */
export type CreditFormula =
  /** at-risk × allocation. */
  | { readonly kind: 'allocation' }
  /** A fixed sum per miss (not prorated: a miss is a miss). */
  | { readonly kind: 'fixed'; readonly amountMinor: number }
  /** at-risk × allocation × min(1, points below the minimum × bpPerPoint / 10 000). */
  | { readonly kind: 'per_point'; readonly bpPerPoint: number };

/** A critical service level as the version in force states it. */
export interface CriticalServiceLevel {
  readonly termId: string;
  /** Share of the at-risk pool, basis points; the allocations may sum past 10 000 (often 15–25 000). */
  readonly allocationBp: number;
  readonly formula: CreditFormula;
}

/** A term's measured outcome within one segment. */
export interface TermOutcome {
  readonly termId: string;
  readonly missed: boolean;
  /** Whole points below the minimum (per_point credits only). */
  readonly pointsBelow?: number;
  /** Suspended by forecast relief (forecastRelief) or an agreed exclusion: no credit. */
  readonly relieved?: boolean;
}

/** The days of the period one contract version was in force, and what it says. */
export interface SettlementSegment {
  readonly version: number;
  readonly days: number;
  /** The version's monthly fixed charge (seats, FTEs, platform fee): prorated by days / daysInPeriod. */
  readonly fixedMonthlyMinor: number;
  /** Measured volume × rate within these days (contacts, minutes, hours, resolutions): not prorated. */
  readonly variableMinor: number;
  /** At-risk amount as a share of the segment's charges, basis points. */
  readonly atRiskBp: number;
  readonly terms: readonly CriticalServiceLevel[];
  readonly outcomes: readonly TermOutcome[];
}

export interface SettlementInput {
  readonly daysInPeriod: number;
  readonly segments: readonly SettlementSegment[];
  /** Escalation ladder in percent, e.g. [100, 150, 200]. */
  readonly escalationPercent: readonly number[];
  /** Per term: months missed in a row just before this period (consecutiveMissesBefore). */
  readonly priorConsecutiveMisses?: Readonly<Record<string, number>>;
  /** Earn-backs due this period (earnBack), minor units, by term. */
  readonly earnBackMinor?: Readonly<Record<string, number>>;
  readonly bonus?: {
    readonly terms: readonly BonusTerm[];
    readonly capBp: number;
    readonly gates: readonly QualityGate[];
  };
}

export interface CreditLine {
  readonly version: number;
  readonly termId: string;
  readonly multiplierPercent: number;
  /** Before the per-line cap, rounded once. */
  readonly uncappedMinor: number;
  /** min(uncapped, the segment's at-risk), rounded once. */
  readonly creditMinor: number;
  readonly lineCapped: boolean;
  readonly relieved: boolean;
}

export interface Settlement {
  readonly chargesMinor: number;
  readonly atRiskMinor: number;
  readonly creditLines: readonly CreditLine[];
  /** ≤ 0: brings Σ credit lines down to the at-risk amount when they exceed it. */
  readonly poolCapAdjustmentMinor: number;
  readonly creditsMinor: number;
  readonly earnBackMinor: number;
  readonly bonus: BonusResult;
  /** charges − credits + earn-back + bonus. */
  readonly netMinor: number;
}

/**
 * Settles one period. With D = daysInPeriod and, per segment s (a version in force for d_s days):
 *   charges_s = fixed_s · d_s / D + variable_s                      (exact)
 *   atRisk_s  = charges_s · atRiskBp_s / 10 000                      (exact)
 *   credit_{s,i} = min(atRisk_s, base_{s,i} · esc_i / 100), 0 if met or relieved, where
 *     base = atRisk_s · alloc_i / 10 000 (allocation), amount (fixed), or
 *            atRisk_s · alloc_i / 10 000 · min(1, points · bpPerPoint / 10 000) (per_point),
 *     esc_i = ladder[min(prior consecutive misses of i, len − 1)]
 *   charges = round(Σ charges_s); atRisk = round(Σ atRisk_s); each credit line = round(credit_{s,i});
 *   credits = min(Σ lines, atRisk); bonus on the exact Σ charges_s (bonus()); net = charges − credits
 *   + earn-back + bonus. Every printed figure is rounded once, half away from zero (roundRatio).
 *
 * @throws {SettlementInputError} days not summing to daysInPeriod, a term outcome naming no term of
 *   its segment, or a figure not a whole number ≥ 0.
 * @example settlePeriod({ daysInPeriod: 31, escalationPercent: [100], segments: [{ version: 1, days: 31,
 *   fixedMonthlyMinor: 10_000_000, variableMinor: 0, atRiskBp: 1_000,
 *   terms: [{ termId: 'a', allocationBp: 8_000, formula: { kind: 'allocation' } }],
 *   outcomes: [{ termId: 'a', missed: true }] }] }).creditsMinor // 800_000
 */
export function settlePeriod(input: SettlementInput): Settlement {
  requireWholeNonNegative(input.daysInPeriod, 'daysInPeriod');
  const totalDays = input.segments.reduce((sum, s) => sum + s.days, 0);
  if (totalDays !== input.daysInPeriod) {
    throw new SettlementInputError(
      'segments',
      `days sum to ${totalDays}, the period has ${input.daysInPeriod}`,
    );
  }
  const period = BigInt(input.daysInPeriod);
  let charges = exact(0);
  let atRisk = exact(0);
  const creditLines: CreditLine[] = [];
  input.segments.forEach((segment, s) => {
    requireWholeNonNegative(segment.days, `segments.${s}.days`);
    requireWholeNonNegative(segment.fixedMonthlyMinor, `segments.${s}.fixedMonthlyMinor`);
    requireWholeNonNegative(segment.variableMinor, `segments.${s}.variableMinor`);
    requireWholeNonNegative(segment.atRiskBp, `segments.${s}.atRiskBp`);
    const segmentCharges = addExact(
      scaleExact(exact(segment.fixedMonthlyMinor), BigInt(segment.days), period),
      exact(segment.variableMinor),
    );
    const segmentAtRisk = scaleExact(segmentCharges, BigInt(segment.atRiskBp), BASIS_POINTS);
    charges = addExact(charges, segmentCharges);
    atRisk = addExact(atRisk, segmentAtRisk);
    for (const outcome of segment.outcomes) {
      const term = segment.terms.find((t) => t.termId === outcome.termId);
      if (!term) throw new SettlementInputError(`segments.${s}.outcomes`, `no term ${outcome.termId}`);
      if (!outcome.missed) continue;
      requireWholeNonNegative(term.allocationBp, `terms.${term.termId}.allocationBp`);
      const multiplier = escalationPercent(
        input.escalationPercent,
        input.priorConsecutiveMisses?.[term.termId] ?? 0,
      );
      const base = creditBase(term, outcome, segmentAtRisk);
      const escalated = scaleExact(base, BigInt(multiplier), 100n);
      const capped = minExact(escalated, segmentAtRisk);
      const relieved = outcome.relieved === true;
      creditLines.push({
        version: segment.version,
        termId: term.termId,
        multiplierPercent: multiplier,
        uncappedMinor: roundExact(escalated),
        creditMinor: relieved ? 0 : roundExact(capped),
        lineCapped: lessExact(segmentAtRisk, escalated),
        relieved,
      });
    }
  });
  const chargesMinor = roundExact(charges);
  const atRiskMinor = roundExact(atRisk);
  const linesMinor = creditLines.reduce((sum, line) => sum + line.creditMinor, 0);
  const creditsMinor = Math.min(linesMinor, atRiskMinor);
  const earnBackMinor = Object.values(input.earnBackMinor ?? {}).reduce((sum, v) => sum + v, 0);
  const bonusResult = input.bonus
    ? bonus(charges, input.bonus.terms, input.bonus.capBp, input.bonus.gates)
    : { bonusMinor: 0, capped: false, blockedBy: [] };
  return {
    chargesMinor,
    atRiskMinor,
    creditLines,
    poolCapAdjustmentMinor: creditsMinor - linesMinor,
    creditsMinor,
    earnBackMinor,
    bonus: bonusResult,
    netMinor: chargesMinor - creditsMinor + earnBackMinor + bonusResult.bonusMinor,
  };
}

function creditBase(term: CriticalServiceLevel, outcome: TermOutcome, segmentAtRisk: Exact): Exact {
  const allocated = scaleExact(segmentAtRisk, BigInt(term.allocationBp), BASIS_POINTS);
  switch (term.formula.kind) {
    case 'allocation':
      return allocated;
    case 'fixed':
      requireWholeNonNegative(term.formula.amountMinor, `terms.${term.termId}.amountMinor`);
      return exact(term.formula.amountMinor);
    case 'per_point': {
      const points = outcome.pointsBelow ?? 0;
      requireWholeNonNegative(points, `outcomes.${term.termId}.pointsBelow`);
      const share = BigInt(Math.min(points * term.formula.bpPerPoint, 10_000));
      return scaleExact(allocated, share, BASIS_POINTS);
    }
  }
}
