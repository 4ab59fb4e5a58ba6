// Erlang C closed forms, as an oracle for the simulator's tests only. The staffing module will
// export the production versions; this local copy keeps the simulation tests independent of it.
// Formulas: /work/shared/reference/staffing/FORMULAS.md §1–2 (Erlang B recursion, Erlang C).

/** Erlang B by the stable recursion B(k) = A·B(k−1) / (k + A·B(k−1)), B(0) = 1. */
export function erlangB(agents: number, offeredLoad: number): number {
  let blocking = 1;
  for (let k = 1; k <= agents; k++) blocking = (offeredLoad * blocking) / (k + offeredLoad * blocking);
  return blocking;
}

/** Erlang C figures for M/M/n (n > A): P(W>0), SL(t) = P(W ≤ t), ASA = E[W], occupancy A/n. */
export function erlangC(agents: number, offeredLoad: number, ahtSec: number, thresholdSec: number) {
  const b = erlangB(agents, offeredLoad);
  const probabilityDelayed = (agents * b) / (agents - offeredLoad * (1 - b));
  return {
    probabilityDelayed,
    serviceLevel: 1 - probabilityDelayed * Math.exp((-(agents - offeredLoad) * thresholdSec) / ahtSec),
    asaSec: (probabilityDelayed * ahtSec) / (agents - offeredLoad),
    occupancy: offeredLoad / agents,
  };
}
