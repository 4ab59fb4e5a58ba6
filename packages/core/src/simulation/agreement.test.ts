import { describe, expect, it } from 'vitest';
import type { PatienceDistribution } from './distributions.js';
import { erlangC } from './erlang-reference.test-helper.js';
import type { Scenario } from './scenario.js';
import { oneSkillScenario } from './scenario.test-helper.js';
import { simulate } from './simulate.js';
import type { Estimate } from './statistics.js';

const REPLICATIONS = 12;
const CALLS_PER_REPLICATION = 16_000;

/** M/M/n(+M) over a long stationary stretch, the first of six intervals discarded as warm-up. */
function stationaryScenario(
  seed: number,
  callsPerMinute: number,
  ahtMinutes: number,
  agents: number,
  thresholdSec: number,
  patience: PatienceDistribution,
): Scenario {
  const minutesPerInterval = CALLS_PER_REPLICATION / callsPerMinute / 5;
  return oneSkillScenario(
    {
      seed,
      intervals: { lengthSec: minutesPerInterval * 60, count: 6 },
      skill: 'voice',
      callsPerInterval: [callsPerMinute * minutesPerInterval],
      serviceMeanSec: ahtMinutes * 60,
      patience,
      group: 'agents',
      agentsPerInterval: [agents],
    },
    { replications: REPLICATIONS, warmupIntervals: 1, serviceLevelThresholdSec: thresholdSec },
  );
}

/** The exact value lies within 3 standard errors of the simulated mean. */
function expectWithinThreeSe(simulated: Estimate, exact: number) {
  expect(simulated.standardError).not.toBeNull();
  const distance = Math.abs(simulated.mean! - exact);
  expect(
    distance,
    `simulated ${simulated.mean} ± ${simulated.standardError} vs exact ${exact}`,
  ).toBeLessThanOrEqual(3 * simulated.standardError! + 1e-12);
}

describe('agreement with Erlang C (M/M/n, no abandonment)', () => {
  // (λ per minute, AHT minutes, n, t seconds); oracle: the closed forms in erlang-reference.test-helper.ts.
  const cases = [
    [10 / 3, 3, 14, 20],
    [2, 4, 10, 30],
    [5, 0.5, 4, 10],
  ] as const;
  it.each(cases)('λ=%f/min, AHT=%f min, n=%i, t=%i s', (callsPerMinute, ahtMinutes, agents, thresholdSec) => {
    const result = simulate(
      stationaryScenario(11, callsPerMinute, ahtMinutes, agents, thresholdSec, { kind: 'none' }),
    );
    const exact = erlangC(agents, callsPerMinute * ahtMinutes, ahtMinutes * 60, thresholdSec);
    expectWithinThreeSe(result.total.probabilityDelayed, exact.probabilityDelayed);
    expectWithinThreeSe(result.total.serviceLevel, exact.serviceLevel);
    expectWithinThreeSe(result.total.asaSec, exact.asaSec);
    expectWithinThreeSe(result.total.occupancy[0]!, exact.occupancy);
    expect(result.total.abandoned.mean).toBe(0);
  });
});

describe('agreement with Erlang A (M/M/n+M, exponential patience)', () => {
  // Exact values from shared/reference/staffing/erlanga_vectors.csv (50-digit closed forms of
  // Garnett, Mandelbaum & Reiman 2002, cross-checked against the birth–death chain).
  const vectors = [
    {
      id: 1,
      lambda: 3.33333333333,
      aht: 3.0,
      patience: 5.0,
      n: 14,
      t: 20,
      pWait: 0.145260114296361,
      pAbandon: 0.0139837441224089,
      asaAll: 4.19512323672,
      slAnswered: 0.916792091863547,
      slWaitLe: 0.923956027274745,
      occupancy: 0.704297325626851,
    },
    {
      id: 2,
      lambda: 3.33333333333,
      aht: 3.0,
      patience: 5.0,
      n: 10,
      t: 20,
      pWait: 0.599433318028138,
      pAbandon: 0.109437999558502,
      asaAll: 32.8313998676,
      slAnswered: 0.516810168640269,
      slWaitLe: 0.551615132993352,
      occupancy: 0.890562000441498,
    },
    {
      id: 3,
      lambda: 3.33333333333,
      aht: 3.0,
      patience: 5.0,
      n: 8,
      t: 20,
      pWait: 0.847569769740238,
      pAbandon: 0.231864134686711,
      asaAll: 69.559240406,
      slAnswered: 0.226451821159087,
      slWaitLe: 0.278747980130464,
      occupancy: 0.960169831641612,
    },
    {
      id: 4,
      lambda: 2.0,
      aht: 4.0,
      patience: 2.0,
      n: 9,
      t: 30,
      pWait: 0.35253308524528,
      pAbandon: 0.108457314522054,
      asaAll: 13.0148777426,
      slAnswered: 0.770275226582404,
      slWaitLe: 0.83300941264016,
      occupancy: 0.792482387091507,
    },
    {
      id: 10,
      lambda: 5.0,
      aht: 0.5,
      patience: 1.0,
      n: 3,
      t: 10,
      pWait: 0.507968280732658,
      pAbandon: 0.130496777470139,
      asaAll: 7.82980664821,
      slAnswered: 0.653215629236974,
      slWaitLe: 0.717664755675979,
      occupancy: 0.724586018774884,
    },
  ];
  it.each(vectors)('erlanga_vectors.csv case $id (n=$n)', (v) => {
    const result = simulate(
      stationaryScenario(100 + v.id, v.lambda, v.aht, v.n, v.t, {
        kind: 'exponential',
        meanSec: v.patience * 60,
      }),
    );
    const total = result.total;
    expectWithinThreeSe(total.probabilityDelayed, v.pWait);
    expectWithinThreeSe(total.abandonRate, v.pAbandon);
    expectWithinThreeSe(total.meanWaitSec, v.asaAll);
    expectWithinThreeSe(total.serviceLevel, v.slAnswered);
    expectWithinThreeSe(total.serviceLevelWaitWithin, v.slWaitLe);
    expectWithinThreeSe(total.occupancy[0]!, v.occupancy);
  });
});
