// A critical service level's month-by-month record: repeats (escalation) and chronic failure.
// Sources: sourcingmag.com, "Penalties and Incentives in Outsourcing Contracts" (escalate for repeat
// failures, up to a cap); IACCM/WorldCC contract principles (chronic failure earns extra remedies).
import { requireWholeNonNegative, SettlementInputError } from './errors.js';

/** "Missed `misses` of the last `window` months" (e.g. 3 of 6). */
export interface ChronicRule {
  readonly misses: number;
  readonly window: number;
}

/**
 * How many months immediately before the current one the term was missed in a row.
 * `missedOldestFirst` holds the earlier months only (not the current one).
 *
 * @example consecutiveMissesBefore([false, true, true]) // 2
 */
export function consecutiveMissesBefore(missedOldestFirst: readonly boolean[]): number {
  let count = 0;
  for (let i = missedOldestFirst.length - 1; i >= 0 && missedOldestFirst[i]; i--) count++;
  return count;
}

/**
 * The escalation multiplier, in percent, for a miss after `priorConsecutiveMisses` misses in a row:
 * ladder[min(prior, ladder.length − 1)]. [100, 150, 200]: first miss 100 %, second in a row 150 %,
 * third and later 200 %.
 *
 * @throws {SettlementInputError} empty ladder, or a step not a whole percent ≥ 0.
 * @example escalationPercent([100, 150, 200], 2) // 200
 */
export function escalationPercent(ladder: readonly number[], priorConsecutiveMisses: number): number {
  if (ladder.length === 0) throw new SettlementInputError('escalationPercent', 'needs at least one step');
  for (const [i, step] of ladder.entries()) requireWholeNonNegative(step, `escalationPercent.${i}`);
  requireWholeNonNegative(priorConsecutiveMisses, 'priorConsecutiveMisses');
  return ladder[Math.min(priorConsecutiveMisses, ladder.length - 1)] as number;
}

/**
 * Chronic failure at a month: among the `window` months ending with it (fewer at the start of the
 * contract), at least `misses` were missed. `missedOldestFirst` ends with the month judged.
 *
 * @throws {SettlementInputError} misses or window not whole numbers ≥ 1, or misses > window.
 * @example isChronicFailure([true, false, true, false, false, true], { misses: 3, window: 6 }) // true
 */
export function isChronicFailure(missedOldestFirst: readonly boolean[], rule: ChronicRule): boolean {
  if (!Number.isSafeInteger(rule.window) || rule.window < 1) {
    throw new SettlementInputError('chronic.window', 'must be a whole number ≥ 1');
  }
  if (!Number.isSafeInteger(rule.misses) || rule.misses < 1 || rule.misses > rule.window) {
    throw new SettlementInputError('chronic.misses', 'must be a whole number from 1 to window');
  }
  const recent = missedOldestFirst.slice(-rule.window);
  return recent.filter(Boolean).length >= rule.misses;
}
