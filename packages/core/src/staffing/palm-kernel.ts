// The function 𝒜(x, y) = x·eʸ·y^(−x)·γ(x, y) = Σ_{j≥0} yʲ/Π_{k=1..j}(x+k) that all Erlang A
// closed forms are built on (Mandelbaum & Zeltyn 2007; Garnett, Mandelbaum & Reiman 2002).
// It is Σ_k π_{n+k}/π_n over the queue states of the M/M/n+M chain, so it overflows float64 in
// overload (40,000 Erlangs on 30,000 agents gives 𝒜 ≈ e^1370): it is returned as a logarithm.

import { scaledLowerGammaSeries, scaledUpperGammaFraction } from './incomplete-gamma.js';
import { logPoissonTerm } from './log-gamma.js';

/** 𝒜(a, y) and P(Ab | W>0), for a = nμ/θ and y = λ/θ. */
export interface PalmKernel {
  /** ln 𝒜(a, y). */
  readonly logA: number;
  /**
   * P(Ab | W>0) = 1/(ρ·𝒜) + 1 − 1/ρ with ρ = y/a (FORMULAS.md §4). That form cancels when patience
   * is long (it is a small difference of numbers near 1), so below the transition it is computed as
   * the equivalent positive sum Σ j·r_j / (y·Σ r_j), r_j = π_{n+j}/π_n.
   */
  readonly abandonGivenWait: number;
}

/**
 * Evaluates {@link PalmKernel} for a > 0, y ≥ 0. Uses 𝒜(a, y) = 1 + y/(a+1)·𝒜(a+1, y), which adds
 * positive numbers only, and evaluates 𝒜(a+1, y) by the series when y < a + 2 and by the
 * incomplete-gamma continued fraction above that (NR §6.2; DLMF 8.7.1, 8.9.2).
 */
export function palmKernel(a: number, y: number): PalmKernel {
  const x = a + 1;
  const loadRatio = y / x; // y/(a+1)
  if (y < x + 1) {
    const series = scaledLowerGammaSeries(x, y);
    const value = 1 + loadRatio * series.sum;
    return {
      logA: Math.log(value),
      // Σ_{j≥1} j·r_j(a) = y/(a+1)·(𝒜(a+1) + Σ i·r_i(a+1)); divide by y·𝒜(a).
      abandonGivenWait: (series.sum + series.firstMoment) / (x * value),
    };
  }
  // 𝒜(x, y) = eʸy^(−x)Γ(x+1) − x·eʸy^(−x)Γ(x, y); the first term dominates for y > x + 1.
  const logLeading = -logPoissonTerm(x, y);
  const logShiftedA = logLeading + Math.log1p(-x * scaledUpperGammaFraction(x, y) * Math.exp(-logLeading));
  const logTail = Math.log(loadRatio) + logShiftedA; // ln(y/(a+1)·𝒜(a+1, y)) > 0 here
  const logA = logTail + Math.log1p(Math.exp(-logTail));
  const utilisation = y / a;
  return {
    logA,
    abandonGivenWait: Math.exp(-Math.log(utilisation) - logA) + 1 - 1 / utilisation,
  };
}
