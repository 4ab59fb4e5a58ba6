import type { PatienceDistribution } from './distributions.js';
import type { Scenario } from './scenario.js';

/** One skill and the group serving it (see {@link oneSkillScenario}). */
export interface OneSkill {
  readonly seed: number;
  readonly intervals: Scenario['intervals'];
  readonly skill: string;
  readonly callsPerInterval: number[];
  readonly serviceMeanSec: number;
  readonly patience: PatienceDistribution;
  readonly group: string;
  readonly agentsPerInterval: number[];
}

/** The in-house half of the documented scenario example (validate.test.ts): two half-hours of English voice. */
const EXAMPLE: OneSkill = {
  seed: 42,
  intervals: { lengthSec: 1800, count: 2 },
  skill: 'en-voice',
  callsPerInterval: [100, 120],
  serviceMeanSec: 180,
  patience: { kind: 'exponential', meanSec: 300 },
  group: 'in-house',
  agentsPerInterval: [14, 16],
};

/**
 * The simulator tests' smallest complete scenario: one skill with Poisson arrivals and exponential
 * service (M/M/n, +M with exponential patience), served by one group, a 20 s service-level
 * threshold. What `skill` leaves out is the documented example's; `more` adds or overrides
 * top-level fields (warm-up, replications, threshold).
 */
export function oneSkillScenario(skill: Partial<OneSkill> = {}, more: Partial<Scenario> = {}): Scenario {
  const o = { ...EXAMPLE, ...skill };
  return {
    seed: o.seed,
    intervals: o.intervals,
    serviceLevelThresholdSec: 20,
    skills: [
      {
        id: o.skill,
        arrivals: { kind: 'poisson', callsPerInterval: o.callsPerInterval },
        service: { kind: 'exponential', meanSec: o.serviceMeanSec },
        patience: o.patience,
      },
    ],
    groups: [{ id: o.group, skills: [o.skill], agentsPerInterval: o.agentsPerInterval }],
    ...more,
  };
}
