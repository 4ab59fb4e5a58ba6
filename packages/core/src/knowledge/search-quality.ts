/**
 * Ranking quality of a search on a judged query set: each query has the one article that answers
 * it, and the search returns a ranked list.
 */

/** One judged query's outcome: the rank (1-based) the answer came at, or null when it did not. */
export type JudgedRank = number | null;

/**
 * Recall@k for single-answer queries: the share of queries whose answer is among the first k
 * results, Σ [rank ≤ k] / n (Manning, Raghavan & Schütze, "Introduction to Information
 * Retrieval", 2008, §8.4). 0 for no queries.
 *
 * @throws RangeError when k < 1 or a rank < 1
 * @example recallAtK([1, 4, null, 2], 3) // → 0.5
 */
export function recallAtK(ranks: readonly JudgedRank[], k: number): number {
  if (!(k >= 1)) throw new RangeError(`k must be at least 1, got ${k}`);
  if (ranks.length === 0) return 0;
  let hits = 0;
  for (const rank of ranks) {
    if (rank !== null && rank < 1) throw new RangeError(`ranks start at 1, got ${rank}`);
    if (rank !== null && rank <= k) hits++;
  }
  return hits / ranks.length;
}

/**
 * Mean reciprocal rank: (1/n) Σ 1/rankᵢ, a missed answer counting 0 (Voorhees, "The TREC-8
 * Question Answering Track Report", 1999). 0 for no queries.
 *
 * @throws RangeError when a rank < 1
 * @example meanReciprocalRank([1, 4, null, 2]) // → (1 + 0.25 + 0 + 0.5) / 4 = 0.4375
 */
export function meanReciprocalRank(ranks: readonly JudgedRank[]): number {
  if (ranks.length === 0) return 0;
  let sum = 0;
  for (const rank of ranks) {
    if (rank === null) continue;
    if (rank < 1) throw new RangeError(`ranks start at 1, got ${rank}`);
    sum += 1 / rank;
  }
  return sum / ranks.length;
}
