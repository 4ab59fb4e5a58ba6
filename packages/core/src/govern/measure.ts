// Measuring a "share within target" term: the measured level in basis points, truncated, so that
// comparing it with a whole-basis-point minimum is exact: ⌊met·10 000/n⌋ ≥ min ⇔ met/n ≥ min/10 000.
// Source: ITIL 4 "Service level management" (a service level as the share of records meeting a target).

/** A term's measured attainment: met of total, and the level in basis points (⌊met · 10 000 / total⌋). */
export interface Attainment {
  readonly met: number;
  readonly total: number;
  /** null when nothing was measured (no tickets in scope): neither met nor missed. */
  readonly levelBp: number | null;
}

/**
 * Attainment of "resolved within T seconds": a ticket meets it when durationSeconds ≤ T (reaching the
 * target at the due instant is met, as in the SLA engine, decision 0017). Negative durations (no
 * outcome) are not counted.
 *
 * @example attainmentWithin([60, 120, 3_600, 7_200], 3_600) // { met: 3, total: 4, levelBp: 7_500 }
 */
export function attainmentWithin(durationsSeconds: ArrayLike<number>, targetSeconds: number): Attainment {
  let met = 0;
  let total = 0;
  for (let i = 0; i < durationsSeconds.length; i++) {
    const d = durationsSeconds[i] as number;
    if (d < 0) continue;
    total++;
    if (d <= targetSeconds) met++;
  }
  return attainment(met, total);
}

/** ⌊met · 10 000 / total⌋, or null for no records. @example attainment(2, 3) // { met: 2, total: 3, levelBp: 6_666 } */
export function attainment(met: number, total: number): Attainment {
  return { met, total, levelBp: total === 0 ? null : Math.floor((met * 10_000) / total) };
}

/** Whole points (100 bp) below the minimum, started points counted: ⌈(min − level) / 100⌉, 0 when met. */
export function pointsBelow(levelBp: number, minimumBp: number): number {
  return levelBp >= minimumBp ? 0 : Math.ceil((minimumBp - levelBp) / 100);
}
