import type { DurationDistribution, PatienceDistribution } from './distributions.js';

/**
 * A simulation scenario: a plain JSON object (no functions, no Infinity) that the CLI
 * (`shoreline simulate scenario.json`), the HTTP API and tests all share. Check it with
 * `validateScenario` before calling `simulate`. Times are seconds; the clock starts at 0 at the
 * beginning of the first interval.
 *
 * @example
 * {
 *   "seed": 42, "replications": 10,
 *   "intervals": { "lengthSec": 1800, "count": 2 },
 *   "serviceLevelThresholdSec": 20,
 *   "skills": [{ "id": "en-voice", "service": { "kind": "exponential", "meanSec": 180 },
 *                "patience": { "kind": "exponential", "meanSec": 300 },
 *                "arrivals": { "kind": "poisson", "callsPerInterval": [100, 120] } }],
 *   "groups": [{ "id": "in-house", "skills": ["en-voice"], "agentsPerInterval": [14, 16] }]
 * }
 */
export interface Scenario {
  /** Free text shown in reports. */
  name?: string;
  /** Unsigned 32-bit seed; replication r uses seed + r, so runs are reproducible and independent. */
  seed: number;
  /** Independent replications, for confidence intervals. Default 1. */
  replications?: number;
  /** The planning grid: `count` consecutive intervals of `lengthSec` each. */
  intervals: { lengthSec: number; count: number };
  /** Leading intervals left out of the totals (the empty-and-idle start is not steady state). Default 0. */
  warmupIntervals?: number;
  /**
   * After the last interval, keep serving the contacts still queued (with the last interval's
   * staffing) until none is left, so that every arrival has an outcome. Default true. With false the
   * run stops at the end of the last interval and reports the rest as still waiting.
   */
  drain?: boolean;
  /** t in the service level "answered within t seconds". */
  serviceLevelThresholdSec: number;
  /** Contact types, each a queue: a skill string such as "tr-voice" or "en-chat". */
  skills: SkillSpec[];
  /** Agent groups: a provider and site with its skills and staffing. */
  groups: AgentGroupSpec[];
}

/** A contact type (skill): its arrivals, service time, patience and routing. */
export interface SkillSpec {
  /** Unique id, e.g. "en-voice" (language + channel) or any skill string. */
  id: string;
  arrivals: ArrivalSpec;
  /** Service (handle) time of the contacts that have no own `serviceSec` in a trace. */
  service: DurationDistribution;
  /** Patience of the contacts that have no own `patienceSec` in a trace. */
  patience: PatienceDistribution;
  /**
   * Which groups may answer, and from when: stage 0 (`afterSec` 0) first, each later stage adds its
   * groups once the contact has waited `afterSec`. Default: every group with this skill, from 0.
   */
  routing?: RoutingStage[];
}

/** One routing stage: these groups become eligible once the contact has waited `afterSec`. */
export interface RoutingStage {
  groups: string[];
  afterSec: number;
}

/**
 * Arrivals of one skill: Poisson with a constant rate inside each interval (expected
 * `callsPerInterval[i]` contacts in interval i), or a replayed trace of real contacts.
 */
export type ArrivalSpec =
  | { kind: 'poisson'; callsPerInterval: number[] }
  | { kind: 'trace'; calls: TraceCall[] };

/** A real contact to replay. Missing service or patience is drawn from the skill's distribution. */
export interface TraceCall {
  /** Seconds since the start of the first interval. */
  arrivalSec: number;
  serviceSec?: number;
  patienceSec?: number;
}

/** An agent group: one provider at one site (in-house, nearshore vendor, offshore vendor, …). */
export interface AgentGroupSpec {
  /** Unique id, e.g. "acme-manila". */
  id: string;
  /** The provider delivering this group, for reports. */
  provider?: string;
  /** The site, for reports. */
  site?: string;
  /** Skill ids these agents can answer. */
  skills: string[];
  /**
   * On-queue agents per interval (one number per interval, or a single number for all). Agents join
   * and leave at interval boundaries; an agent busy at a reduction finishes the contact first.
   */
  agentsPerInterval: number[];
}
