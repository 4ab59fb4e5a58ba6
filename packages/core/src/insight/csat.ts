import type { CsatRating, CsatScale } from './ticket.js';

const SCALE_RANGE: Record<CsatScale, readonly [number, number]> = {
  '1-5': [1, 5],
  '1-10': [1, 10],
  '0-10': [0, 10],
  binary: [0, 1],
  percent: [0, 100],
};

/**
 * A rating mapped linearly onto [0, 1]: (score − min) / (max − min) of its scale, so 1–5, 0–10,
 * good/bad and percentages compare on one axis. "Satisfied" is normalised ≥ 0.75, i.e. the top two
 * boxes of a 1–5 scale (4 and 5), the usual CSAT% definition (ACSI / Zendesk "good").
 *
 * @throws RangeError when the score lies outside its scale.
 * @example normaliseCsat({ score: 4, scale: '1-5' }) // 0.75
 */
export function normaliseCsat(rating: CsatRating): number {
  const [min, max] = SCALE_RANGE[rating.scale];
  if (!(rating.score >= min && rating.score <= max)) {
    throw new RangeError(`CSAT score ${rating.score} is outside the ${rating.scale} scale`);
  }
  return (rating.score - min) / (max - min);
}

/** Threshold on the normalised score at and above which a rating counts as satisfied. */
export const SATISFIED_THRESHOLD = 0.75;

export const isCsatScale = (s: string): s is CsatScale => s in SCALE_RANGE;
