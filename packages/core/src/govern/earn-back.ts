// Earn-back. Source: slaw.ca, "Service Level Earn-Backs in Outsourcing: Thinking About the Issues"
// (2013-09-03): the vendor recovers a credit by meeting the same service level at its expected level
// for the next N consecutive periods; it never applies to a chronic failure.
import { SettlementInputError } from './errors.js';
import { type ChronicRule, isChronicFailure } from './history.js';

/** One month of one critical service level, as settled. */
export interface TermMonth {
  readonly missed: boolean;
  /** Met the expected (target) level, higher than the minimum. */
  readonly metExpected: boolean;
  /** The credit charged for this month's miss, minor units (0 when met or relieved). */
  readonly creditMinor: number;
}

export interface EarnBackRule {
  /** N: consecutive months at the expected level that return a credit. */
  readonly goodMonths: number;
  readonly chronic: ChronicRule;
}

export type EarnBack =
  | { readonly earnBackMinor: number; readonly monthIndex: number; readonly reason: 'earned' }
  | { readonly earnBackMinor: 0; readonly monthIndex: number | null; readonly reason: 'chronic' | 'none' };

/**
 * The earn-back due in the last month of `history` (oldest first): the credit of month m = last − N
 * is returned when m was missed with a credit, months m+1 … last all met the expected level, and m
 * was not a chronic failure (isChronicFailure over the months up to m). A credit can be earned back
 * only in the month that completes its N good months, so it is never returned twice.
 *
 * @throws {SettlementInputError} goodMonths not a whole number ≥ 1 (and the chronic rule's checks).
 * @example earnBack([m(miss, 400_000), good, good, good], { goodMonths: 3, chronic: { misses: 3, window: 6 } })
 *   // { earnBackMinor: 400_000, monthIndex: 0, reason: 'earned' }
 */
export function earnBack(history: readonly TermMonth[], rule: EarnBackRule): EarnBack {
  if (!Number.isSafeInteger(rule.goodMonths) || rule.goodMonths < 1) {
    throw new SettlementInputError('earnBack.goodMonths', 'must be a whole number ≥ 1');
  }
  const source = history.length - 1 - rule.goodMonths;
  const missedMonth = history[source];
  if (source < 0 || !missedMonth || !missedMonth.missed || missedMonth.creditMinor === 0) {
    return { earnBackMinor: 0, monthIndex: null, reason: 'none' };
  }
  if (!history.slice(source + 1).every((month) => month.metExpected)) {
    return { earnBackMinor: 0, monthIndex: null, reason: 'none' };
  }
  const missedUpToSource = history.slice(0, source + 1).map((month) => month.missed);
  if (isChronicFailure(missedUpToSource, rule.chronic)) {
    return { earnBackMinor: 0, monthIndex: source, reason: 'chronic' };
  }
  return { earnBackMinor: missedMonth.creditMinor, monthIndex: source, reason: 'earned' };
}
