// Simulation requests for tests: one voice queue staffed by one group, with the numbers a test
// cares about given and the rest fixed (20 s service-level threshold, exponential handling).
import type { SimulationRequest } from '../contract.js';

export function voiceScenario(o: {
  seed: number;
  replications?: number;
  lengthSec: number;
  /** Intervals; by default one per `calls` entry (a single entry holds for every interval). */
  count?: number;
  calls: number[];
  agents: number[];
  handleSec: number;
  /** Mean patience (exponential); none when left out. */
  patienceSec?: number;
  group?: string;
}): SimulationRequest {
  return {
    seed: o.seed,
    ...(o.replications === undefined ? {} : { replications: o.replications }),
    intervals: { lengthSec: o.lengthSec, count: o.count ?? o.calls.length },
    serviceLevelThresholdSec: 20,
    skills: [
      {
        id: 'voice',
        arrivals: { kind: 'poisson', callsPerInterval: o.calls },
        service: { kind: 'exponential', meanSec: o.handleSec },
        patience:
          o.patienceSec === undefined ? { kind: 'none' } : { kind: 'exponential', meanSec: o.patienceSec },
      },
    ],
    groups: [{ id: o.group ?? 'agents', skills: ['voice'], agentsPerInterval: o.agents }],
  };
}
