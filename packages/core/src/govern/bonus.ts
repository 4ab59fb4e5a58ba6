// Bonuses with a quality gate and a cap. Sources: 360vendormanagement.com, "What is a Pound of
// Carrots Worth?" (define the arithmetic precisely; always cap the exposure); COPC CX Standard
// (no incentive while critical-error accuracy, CSAT or complaints are below their floor).
import { requireWholeNonNegative } from './errors.js';
import { BASIS_POINTS, type Exact, exact, lessExact, roundExact, scaleExact } from './money.js';

/** A measured quality KPI and its floor, in the KPI's integer unit (CSAT in hundredths: 4.20 = 420). */
export interface QualityGate {
  readonly kpi: string;
  readonly measured: number;
  readonly floor: number;
  /** 'higher': below the floor fails (CSAT, QA); 'lower': above it fails (complaints, reopen rate). */
  readonly better: 'higher' | 'lower';
}

export interface BonusTerm {
  readonly termId: string;
  /** Bonus as a share of the period's charges, basis points. */
  readonly bonusBp: number;
  /** Whether the period reached the term's bonus level. */
  readonly earned: boolean;
}

export interface BonusResult {
  /** Rounded once: min(Σ earned bonusBp, capBp) × charges / 10 000; 0 when a gate fails. */
  readonly bonusMinor: number;
  readonly capped: boolean;
  /** The gates that failed (no bonus while any does). */
  readonly blockedBy: readonly string[];
}

/** Whether a gate passes: measured ≥ floor (higher is better) or measured ≤ floor (lower is better). */
export const gatePasses = (gate: QualityGate): boolean =>
  gate.better === 'higher' ? gate.measured >= gate.floor : gate.measured <= gate.floor;

/**
 * The period's bonus: B = charges × min(Σ_{earned} bonusBp_i, capBp) / 10 000, rounded once (half
 * away from zero), and B = 0 while any quality gate fails.
 *
 * @throws {SettlementInputError} a bonusBp or capBp not a whole number ≥ 0.
 * @example bonus(exact(10_000_000), [{ termId: 'fr', bonusBp: 200, earned: true }], 150, [])
 *   // { bonusMinor: 150_000, capped: true, blockedBy: [] }
 */
export function bonus(
  charges: Exact,
  terms: readonly BonusTerm[],
  capBp: number,
  gates: readonly QualityGate[],
): BonusResult {
  requireWholeNonNegative(capBp, 'bonus.capBp');
  for (const t of terms) requireWholeNonNegative(t.bonusBp, `bonus.${t.termId}.bonusBp`);
  const blockedBy = gates.filter((g) => !gatePasses(g)).map((g) => g.kpi);
  const earnedBp = terms.filter((t) => t.earned).reduce((sum, t) => sum + t.bonusBp, 0);
  const capped = earnedBp > capBp;
  if (blockedBy.length > 0 || earnedBp === 0) return { bonusMinor: 0, capped: false, blockedBy };
  const amount = scaleExact(charges, BigInt(Math.min(earnedBp, capBp)), BASIS_POINTS);
  return { bonusMinor: lessExact(amount, exact(0)) ? 0 : roundExact(amount), capped, blockedBy };
}
