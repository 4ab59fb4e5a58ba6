// Weighted vendor scorecards with several evaluators: price is one criterion among many.
import { SourceInputError } from './errors.js';

export interface Criterion {
  readonly id: string;
  /** Relative weight set by the business, > 0 (normalised to sum 100 in the result). */
  readonly weight: number;
  /** A knock-out (pass/fail) criterion: any evaluator's score 0 excludes the vendor. */
  readonly knockout?: boolean;
  /** The price criterion: scored from prices, not by evaluators (lowest ÷ vendor's price × 5). */
  readonly price?: boolean;
}

/** One evaluator's independent score of one vendor on one criterion: 1–5, or 0/1 for a knock-out. */
export interface Score {
  readonly vendor: string;
  readonly evaluator: string;
  readonly criterion: string;
  readonly score: number;
}

export interface CriterionResult {
  readonly criterion: string;
  readonly weightPercent: number;
  /** Mean of the evaluators' scores (or the price score), 0–5; null when nobody scored it. */
  readonly mean: number | null;
  readonly min: number | null;
  readonly max: number | null;
  /** max − min between evaluators: a large spread calls for a moderation meeting. */
  readonly spread: number | null;
  readonly evaluators: number;
}

export interface VendorResult {
  readonly vendor: string;
  /** Σ weight% × mean/5, 0–100 (unscored criteria count 0). */
  readonly total: number;
  readonly knockedOut: boolean;
  readonly criteria: readonly CriterionResult[];
  /** Rank among vendors not knocked out (1 = best), null when knocked out. */
  readonly rank: number | null;
}

export interface ScorecardResult {
  readonly vendors: readonly VendorResult[];
  /** True when the winner stays the winner with any single weight moved ±5 points. */
  readonly winnerRobustToWeights: boolean;
}

/**
 * Weighted scoring (multi-criteria decision analysis, simple additive weighting): each criterion's
 * score is the mean of the evaluators' independent 1–5 scores; price scores lowest comparable
 * price ÷ the vendor's price × 5, on the same staffing model; total = Σ_c w_c × mean_c ÷ 5 with
 * weights normalised to 100. Knock-out criteria (a score of 0 from any evaluator) exclude the
 * vendor. Method as in the Source reference's `selection.md` §3 (bid assessment model after
 * multichannelmerchant.com; UK Sourcing Playbook; ±5-point weight sensitivity), and Belton & Stewart,
 * "Multiple Criteria Decision Analysis" (Kluwer, 2002), ch. 5.
 *
 * @throws {SourceInputError} `criteria` empty, a weight ≤ 0, duplicate ids, price the only weighted
 *   criterion or more than half of the weight ("never price alone"), a score outside 0–5, or an
 *   unknown criterion.
 * @example
 * scorecard([{ id: 'quality', weight: 60 }, { id: 'price', weight: 40, price: true }],
 *   [{ vendor: 'A', evaluator: 'ana', criterion: 'quality', score: 4 }], { A: 100 }).vendors[0].total // 88
 */
export function scorecard(
  criteria: readonly Criterion[],
  scores: readonly Score[],
  pricesMinor: Readonly<Record<string, number>> = {},
): ScorecardResult {
  if (criteria.length === 0) throw new SourceInputError('criteria', 'needs at least one criterion');
  const ids = new Set<string>();
  let totalWeight = 0;
  let priceWeight = 0;
  for (const [index, criterion] of criteria.entries()) {
    if (ids.has(criterion.id)) throw new SourceInputError(`criteria[${index}].id`, 'must be unique');
    ids.add(criterion.id);
    if (!(criterion.weight > 0) || !Number.isFinite(criterion.weight)) {
      throw new SourceInputError(`criteria[${index}].weight`, 'must be > 0');
    }
    if (!criterion.knockout) totalWeight += criterion.weight;
    if (criterion.price) priceWeight += criterion.weight;
  }
  if (totalWeight === 0 || priceWeight * 2 > totalWeight) {
    throw new SourceInputError(
      'criteria',
      'price may be one criterion among many, at most half of the weight',
    );
  }
  for (const [index, score] of scores.entries()) {
    if (!ids.has(score.criterion))
      throw new SourceInputError(`scores[${index}].criterion`, 'unknown criterion');
    if (!(score.score >= 0 && score.score <= 5))
      throw new SourceInputError(`scores[${index}].score`, 'must be 0–5');
  }
  const vendorNames = [...new Set([...scores.map((s) => s.vendor), ...Object.keys(pricesMinor)])].sort();
  const prices = Object.values(pricesMinor).filter((p) => p > 0);
  const lowest = prices.length > 0 ? Math.min(...prices) : null;
  const evaluate = (weights: readonly number[]) =>
    vendorNames.map((vendor) => {
      let knockedOut = false;
      let total = 0;
      const results = criteria.map((criterion, index): CriterionResult => {
        const weighted = weights.reduce((sum, w, i) => (criteria[i]?.knockout ? sum : sum + w), 0);
        const weightPercent = criterion.knockout ? 0 : ((weights[index] as number) / weighted) * 100;
        let values: number[];
        if (criterion.price) {
          const price = pricesMinor[vendor];
          values = price && price > 0 && lowest !== null ? [(lowest / price) * 5] : [];
        } else {
          values = scores
            .filter((s) => s.vendor === vendor && s.criterion === criterion.id)
            .map((s) => s.score);
        }
        if (criterion.knockout && values.some((v) => v === 0)) knockedOut = true;
        const mean = values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : null;
        const min = values.length > 0 ? Math.min(...values) : null;
        const max = values.length > 0 ? Math.max(...values) : null;
        if (mean !== null && !criterion.knockout) total += (weightPercent * mean) / 5;
        return {
          criterion: criterion.id,
          weightPercent,
          mean,
          min,
          max,
          spread: min === null || max === null ? null : max - min,
          evaluators: criterion.price ? 0 : values.length,
        };
      });
      return { vendor, total, knockedOut, criteria: results };
    });
  const rankAll = (rows: ReturnType<typeof evaluate>): VendorResult[] => {
    const eligible = rows.filter((r) => !r.knockedOut).sort((a, b) => b.total - a.total);
    return rows.map((r) => ({ ...r, rank: r.knockedOut ? null : eligible.indexOf(r) + 1 }));
  };
  const baseWeights = criteria.map((c) => c.weight);
  const vendors = rankAll(evaluate(baseWeights));
  const winner = vendors.find((v) => v.rank === 1)?.vendor;
  let robust = true;
  if (winner !== undefined) {
    criteria.forEach((criterion, index) => {
      if (criterion.knockout) return;
      for (const delta of [-5, 5]) {
        const weights = baseWeights.map((w, i) => (i === index ? Math.max(0.0001, w + delta) : w));
        const moved = rankAll(evaluate(weights)).find((v) => v.rank === 1)?.vendor;
        if (moved !== winner) robust = false;
      }
    });
  }
  return { vendors, winnerRobustToWeights: robust };
}
