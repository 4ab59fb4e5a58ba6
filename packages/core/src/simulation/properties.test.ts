import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DurationDistribution, PatienceDistribution } from './distributions.js';
import type { Scenario } from './scenario.js';
import { oneSkillScenario } from './scenario.test-helper.js';
import { simulate } from './simulate.js';
import { validateScenario } from './validate.js';

const SKILLS = ['en-voice', 'tr-voice', 'en-chat'];
const GROUPS = ['in-house', 'nearshore', 'offshore'];

const durationArb: fc.Arbitrary<DurationDistribution> = fc.oneof(
  fc.record({ kind: fc.constant('exponential' as const), meanSec: fc.integer({ min: 5, max: 400 }) }),
  fc.record({
    kind: fc.constant('lognormal' as const),
    meanSec: fc.integer({ min: 5, max: 400 }),
    sdSec: fc.integer({ min: 0, max: 400 }),
  }),
  fc.record({
    kind: fc.constant('empirical' as const),
    valuesSec: fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 5 }),
    interpolate: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('constant' as const), valueSec: fc.integer({ min: 0, max: 300 }) }),
);
const patienceArb: fc.Arbitrary<PatienceDistribution> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  durationArb,
);

/** Random small multi-skill, multi-group scenarios with staged overflow and varying staffing. */
const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    skillCount: fc.integer({ min: 1, max: 3 }),
    groupCount: fc.integer({ min: 1, max: 3 }),
    intervalCount: fc.integer({ min: 1, max: 4 }),
    seed: fc.nat(),
    drain: fc.boolean(),
  })
  .chain(({ skillCount, groupCount, intervalCount, seed, drain }) => {
    const skills = SKILLS.slice(0, skillCount);
    const groups = GROUPS.slice(0, groupCount);
    const perInterval = (arb: fc.Arbitrary<number>) =>
      fc.array(arb, { minLength: intervalCount, maxLength: intervalCount });
    // Every group has at least one skill; the last group has them all, so every skill is served.
    const groupSkills = fc.tuple(
      ...groups.map((_, g) =>
        g === groupCount - 1 ? fc.constant(skills) : fc.subarray(skills, { minLength: 1 }),
      ),
    );
    return groupSkills
      .chain((skillsOfGroup) =>
        fc.record({
          seed: fc.constant(seed),
          drain: fc.constant(drain),
          intervals: fc.constant({ lengthSec: 600, count: intervalCount }),
          serviceLevelThresholdSec: fc.integer({ min: 0, max: 60 }),
          groups: fc.tuple(
            ...groups.map((id, g) =>
              perInterval(fc.integer({ min: 0, max: 4 })).map((agentsPerInterval) => ({
                id,
                skills: skillsOfGroup[g]!,
                agentsPerInterval,
              })),
            ),
          ),
          skills: fc.tuple(
            ...skills.map((id) => {
              const eligible = groups.filter((_, g) => skillsOfGroup[g]!.includes(id));
              return fc.record({
                id: fc.constant(id),
                arrivals: perInterval(fc.integer({ min: 0, max: 40 })).map((callsPerInterval) => ({
                  kind: 'poisson' as const,
                  callsPerInterval,
                })),
                service: durationArb,
                patience: patienceArb,
                // Either default routing, or the eligible groups split into stages opening at increasing waits.
                routing: fc.option(
                  fc.shuffledSubarray(eligible, { minLength: 1 }).chain((order) =>
                    fc
                      .array(fc.integer({ min: 1, max: 120 }), {
                        minLength: order.length - 1,
                        maxLength: order.length - 1,
                      })
                      .map((gaps) => {
                        const opensAt = gaps.map((_, i) => gaps.slice(0, i + 1).reduce((a, b) => a + b, 0));
                        return order.map((group, i) => ({
                          groups: [group],
                          afterSec: i === 0 ? 0 : opensAt[i - 1]!,
                        }));
                      }),
                  ),
                  { nil: undefined },
                ),
              });
            }),
          ),
        }),
      )
      .map((s) => ({
        ...s,
        groups: [...s.groups],
        skills: s.skills.map(({ routing, ...skill }) => (routing ? { ...skill, routing } : skill)),
      }));
  });

describe('simulation invariants (fast-check)', () => {
  it('generated scenarios are valid', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        expect(validateScenario(scenario)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('conserves contacts, keeps occupancy ≤ 1, respects skills and never overflows early', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const result = simulate(scenario, { collectContacts: true });
        for (const interval of result.intervals) {
          const { offered, answered, abandoned, stillWaiting } = interval;
          expect(offered.mean).toBe(answered.mean! + abandoned.mean! + stillWaiting.mean!);
          for (const occupancy of interval.occupancy)
            if (occupancy.mean !== null) expect(occupancy.mean).toBeLessThanOrEqual(1 + 1e-9);
        }
        const records = result.contacts![0]!;
        expect(records.length).toBe(result.total.offered.mean);
        // Collect violations and assert once: an expect per contact would dominate the run time.
        const violations: string[] = [];
        for (const contact of records) {
          if (!(contact.waitSec >= 0)) violations.push(`negative wait ${contact.waitSec}`);
          if (contact.outcome !== 'answered') continue;
          const group = scenario.groups.find((g) => g.id === contact.group)!;
          if (!group.skills.includes(contact.skill)) violations.push(`${group.id} lacks ${contact.skill}`);
          const routing = scenario.skills.find((s) => s.id === contact.skill)!.routing;
          const stage = routing?.find((st) => st.groups.includes(group.id));
          if (routing && !stage) violations.push(`${group.id} is not routed ${contact.skill}`);
          // Overflow never before x seconds (1e-9: the opening time is arrival + x in floating point).
          if (stage && contact.waitSec < stage.afterSec - 1e-9)
            violations.push(
              `${group.id} answered after ${contact.waitSec} s, before its ${stage.afterSec} s`,
            );
        }
        expect(violations).toEqual([]);
      }),
      { numRuns: 120 },
    );
  });

  it('is deterministic for a seed and varies with it', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const withReplications = { ...scenario, replications: 2 };
        expect(simulate(withReplications)).toEqual(simulate(withReplications));
      }),
      { numRuns: 30 },
    );
  });
});

describe('replications', () => {
  const scenario = oneSkillScenario(
    {
      seed: 5,
      callsPerInterval: [300, 200],
      patience: { kind: 'exponential', meanSec: 120 },
      agentsPerInterval: [30, 20],
    },
    { replications: 8 },
  );

  it('uses seed + r for replication r, so different seeds give different results', () => {
    const base = simulate(scenario);
    expect(simulate({ ...scenario, seed: 6 })).not.toEqual(base);
    // Replications 1…7 of seed 5 are replications 0…6 of seed 6.
    const shifted = simulate({ ...scenario, seed: 6, replications: 7 }, { collectContacts: true });
    const original = simulate(scenario, { collectContacts: true });
    expect(shifted.contacts!.slice(0, 7)).toEqual(original.contacts!.slice(1));
  });

  it('reports a 95% interval that contains every mean at least as wide as t·SE', () => {
    const total = simulate(scenario).total;
    expect(total.offered.n).toBe(8);
    expect(total.offered.halfWidth95).toBeCloseTo(2.365 * total.offered.standardError!, 9);
    expect(Math.abs(total.offered.mean! - 500)).toBeLessThan(3 * total.offered.standardError!);
  });

  it('reports progress from 0 to 1', () => {
    const fractions: number[] = [];
    simulate(scenario, { onProgress: (f) => fractions.push(f) });
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });
});
