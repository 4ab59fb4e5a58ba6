// A cheap start point for the exact staffing search: square-root staffing n ≈ A + β√A with β solved
// from the Halfin–Whitt limits (FORMULAS.md §3). Only a guess (the search proves minimality), so the
// normal distribution uses Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), a few flops per call.

const SQRT_HALF = Math.SQRT1_2;
const SQRT_TWO_PI = Math.sqrt(2 * Math.PI);
const MAX_BETA = 30; // α(30) ≈ 1e-197: beyond any target the search will be asked to meet

function approximateErfc(x: number): number {
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return poly * Math.exp(-x * x);
}

/** β·Φ(β)/φ(β) for β ≥ 0. */
function scaledMillsTerm(beta: number): number {
  const upperTail = 0.5 * approximateErfc(beta * SQRT_HALF);
  return beta * (1 - upperTail) * SQRT_TWO_PI * Math.exp(0.5 * beta * beta);
}

/**
 * Newton's method on h(β) = ln α(β) − slope·β − logTarget, which is decreasing and concave on β ≥ 0,
 * so from β = 0 the iterates approach the root monotonically from the right after the first step.
 * d ln α/dβ = −(M + β(1 + βM))/(1 + βM) with M = Φ/φ (since M′ = 1 + βM).
 */
function solveBeta(slope: number, logTarget: number, extraLogSlope: boolean, tolerance: number): number {
  let beta = 1;
  for (let i = 0; i < 12; i++) {
    const betaM = scaledMillsTerm(beta);
    const mills = betaM / beta;
    const logAlpha = -Math.log1p(betaM);
    const value = logAlpha - slope * beta - logTarget - (extraLogSlope ? Math.log(beta) : 0);
    const derivative = -(mills + beta * (1 + betaM)) / (1 + betaM) - slope - (extraLogSlope ? 1 / beta : 0);
    const next = Math.min(MAX_BETA, Math.max(1e-6, beta - value / derivative));
    if (Math.abs(next - beta) < tolerance) return next;
    beta = next;
  }
  return beta;
}

/**
 * Square-root staffing estimate ⌈A + β√A⌉ for the strictest of the given Erlang C targets
 * (pass undefined for a target that is not set):
 * - SL fraction X within t: P(W > t) ≈ α(β)·e^(−β√A·t/AHT) ≤ 1 − X;
 * - ASA: ASA/AHT ≈ α(β)/(β√A) ≤ target.
 */
export function estimateErlangCAgents(
  offeredLoad: number,
  serviceLevelFraction: number | undefined,
  thresholdInAht: number,
  maxAsaInAht: number | undefined,
): number {
  if (offeredLoad <= 0) return 0;
  const rootLoad = Math.sqrt(offeredLoad);
  const tolerance = 0.25 / rootLoad; // a quarter of an agent: plenty for a start point
  let beta = 0;
  if (serviceLevelFraction !== undefined && serviceLevelFraction > 0) {
    const slope = rootLoad * thresholdInAht;
    beta = Math.max(beta, solveBeta(slope, Math.log1p(-serviceLevelFraction), false, tolerance));
  }
  if (maxAsaInAht !== undefined) {
    beta = Math.max(beta, solveBeta(0, Math.log(rootLoad * maxAsaInAht), true, tolerance));
  }
  return Math.ceil(offeredLoad + beta * rootLoad);
}
