import { describe, expect, it } from 'vitest';
import type { AgentGroupSpec, Scenario, SkillSpec, TraceCall } from './scenario.js';
import { simulate } from './simulate.js';

/** A deterministic scenario: constant service times, replayed arrivals, patience per call. */
function traceScenario(
  calls: TraceCall[],
  groups: AgentGroupSpec[],
  options: { serviceSec?: number; routing?: SkillSpec['routing']; intervals?: Scenario['intervals'] } = {},
): Scenario {
  return {
    seed: 1,
    intervals: options.intervals ?? { lengthSec: 3600, count: 1 },
    serviceLevelThresholdSec: 20,
    skills: [
      {
        id: 'en-voice',
        arrivals: { kind: 'trace', calls },
        service: { kind: 'constant', valueSec: options.serviceSec ?? 100 },
        patience: { kind: 'none' },
        ...(options.routing ? { routing: options.routing } : {}),
      },
    ],
    groups,
  };
}

function contacts(scenario: Scenario) {
  return simulate(scenario, { collectContacts: true }).contacts![0]!;
}

describe('routing', () => {
  it('gives a contact to the longest-idle eligible agent', () => {
    const scenario = traceScenario(
      [{ arrivalSec: 0 }, { arrivalSec: 5 }, { arrivalSec: 20 }],
      [
        { id: 'a', skills: ['en-voice'], agentsPerInterval: [1] },
        { id: 'b', skills: ['en-voice'], agentsPerInterval: [1] },
      ],
      { serviceSec: 10 },
    );
    // Call 1 → a (tie at 0: listed first); call 2 → b (a busy); at 20, a (idle since 10) beats b (since 15).
    expect(contacts(scenario).map((c) => c.group)).toEqual(['a', 'b', 'a']);
  });

  it('overflows to the second group exactly when the wait reaches afterSec, not before', () => {
    const scenario = traceScenario(
      [{ arrivalSec: 0 }, { arrivalSec: 10 }],
      [
        { id: 'in-house', skills: ['en-voice'], agentsPerInterval: [1] },
        { id: 'offshore', skills: ['en-voice'], agentsPerInterval: [1] },
      ],
      {
        serviceSec: 1000,
        routing: [
          { groups: ['in-house'], afterSec: 0 },
          { groups: ['offshore'], afterSec: 30 },
        ],
      },
    );
    const [first, second] = contacts(scenario);
    expect(first).toMatchObject({ group: 'in-house', waitSec: 0 });
    // The offshore agent sits idle for 30 s: the contact only becomes eligible for it at 30 s.
    expect(second).toMatchObject({ group: 'offshore', outcome: 'answered' });
    expect(second!.waitSec).toBeCloseTo(30, 9);
  });

  it('lets a queued contact be answered by an agent who joins at the next interval', () => {
    const scenario = traceScenario(
      [{ arrivalSec: 10 }],
      [{ id: 'a', skills: ['en-voice'], agentsPerInterval: [0, 1] }],
      {
        intervals: { lengthSec: 60, count: 2 },
      },
    );
    expect(contacts(scenario)[0]).toMatchObject({ outcome: 'answered', waitSec: 50 });
  });

  it('lets an agent busy at a staffing reduction finish the contact, then leave', () => {
    const scenario = traceScenario(
      [{ arrivalSec: 50 }, { arrivalSec: 70 }],
      [{ id: 'a', skills: ['en-voice'], agentsPerInterval: [1, 0] }],
      { serviceSec: 100, intervals: { lengthSec: 60, count: 2 } },
    );
    const result = simulate(scenario, { collectContacts: true });
    const [first, second] = result.contacts![0]!;
    expect(first).toMatchObject({ outcome: 'answered', waitSec: 0 });
    // The agent leaves at 150 s when the first call ends; nobody is left to answer the second.
    expect(second).toMatchObject({ outcome: 'waiting' });
    // Interval 1 (60–120 s): the departing agent is still on the call, busy all of the time it is present.
    expect(result.intervals[1]!.occupancy[0]!.mean).toBeCloseTo(1, 12);
  });

  it('serves each skill only from groups that have it, oldest eligible contact first', () => {
    const scenario: Scenario = {
      seed: 3,
      intervals: { lengthSec: 3600, count: 1 },
      serviceLevelThresholdSec: 20,
      skills: ['en', 'tr'].map((id) => ({
        id,
        arrivals: { kind: 'poisson' as const, callsPerInterval: [200] },
        service: { kind: 'exponential' as const, meanSec: 60 },
        patience: { kind: 'none' as const },
      })),
      groups: [
        { id: 'en-only', skills: ['en'], agentsPerInterval: [2] },
        { id: 'bilingual', skills: ['en', 'tr'], agentsPerInterval: [2] },
      ],
    };
    const answered = contacts(scenario).filter((c) => c.outcome === 'answered');
    expect(answered.filter((c) => c.skill === 'tr').every((c) => c.group === 'bilingual')).toBe(true);
    expect(answered.some((c) => c.skill === 'en' && c.group === 'bilingual')).toBe(true);
  });
});

describe('service level definitions', () => {
  it('counts abandons as misses in serviceLevel and as hits in P(W ≤ t) when within t', () => {
    // One agent busy 1000 s with call 1; call 2 abandons after 5 s; call 3 abandons after 60 s.
    const scenario = traceScenario(
      [{ arrivalSec: 0 }, { arrivalSec: 1, patienceSec: 5 }, { arrivalSec: 2, patienceSec: 60 }],
      [{ id: 'a', skills: ['en-voice'], agentsPerInterval: [1] }],
      { serviceSec: 1000 },
    );
    const total = simulate(scenario).total;
    expect(total.offered.mean).toBe(3);
    expect(total.abandoned.mean).toBe(2);
    expect(total.serviceLevel.mean).toBeCloseTo(1 / 3, 12); // S(20)/N
    expect(total.serviceLevelWaitWithin.mean).toBeCloseTo(2 / 3, 12); // (S(20) + L(20))/N
    expect(total.serviceLevelExcludingShortAbandons.mean).toBeCloseTo(1 / 2, 12); // S(20)/(N − L(20))
    expect(total.asaSec.mean).toBe(0);
    expect(total.meanWaitSec.mean).toBeCloseTo(65 / 3, 12);
  });
});
