import { describe, expect, it } from 'vitest';
import type { Scenario } from './scenario.js';
import { oneSkillScenario } from './scenario.test-helper.js';
import { simulate } from './simulate.js';
import { validateScenario } from './validate.js';

// The documented example: one skill, in-house first, overflowing to an offshore provider after 30 s.
const inHouse = oneSkillScenario({}, { replications: 3 });
const valid: Scenario = {
  ...inHouse,
  skills: [
    {
      ...inHouse.skills[0]!,
      routing: [
        { groups: ['in-house'], afterSec: 0 },
        { groups: ['offshore'], afterSec: 30 },
      ],
    },
  ],
  groups: [
    ...inHouse.groups,
    { id: 'offshore', provider: 'acme', site: 'Manila', skills: ['en-voice'], agentsPerInterval: [5] },
  ],
};

function withChanges(change: (s: Scenario & Record<string, unknown>) => void): unknown {
  const copy = structuredClone(valid) as Scenario & Record<string, unknown>;
  change(copy);
  return copy;
}

describe('validateScenario', () => {
  it('accepts the documented example, which survives a JSON round trip', () => {
    expect(validateScenario(JSON.parse(JSON.stringify(valid)))).toEqual([]);
  });

  it.each([
    ['seed', (s) => Object.assign(s, { seed: -1 }), 'must be ≥ 0'],
    ['replications', (s) => Object.assign(s, { replications: 1.5 }), 'must be an integer'],
    ['intervals.lengthSec', (s) => Object.assign(s.intervals, { lengthSec: 0 }), 'must be > 0'],
    [
      'warmupIntervals',
      (s) => Object.assign(s, { warmupIntervals: 2 }),
      'must leave at least one interval after the warm-up',
    ],
    [
      'skills[0].service.meanSec',
      (s) => Object.assign(s.skills[0]!, { service: { kind: 'exponential', meanSec: '3' } }),
      'must be a finite number',
    ],
    [
      'skills[0].service.kind',
      (s) => Object.assign(s.skills[0]!, { service: { kind: 'none' } }),
      '"none" is only allowed for patience',
    ],
    [
      'skills[0].arrivals.callsPerInterval',
      (s) => Object.assign(s.skills[0]!, { arrivals: { kind: 'poisson', callsPerInterval: [1, 2, 3] } }),
      'must have 1 or intervals.count (2) entries, not 3',
    ],
    [
      'skills[0].routing[1].afterSec',
      (s) => Object.assign(s.skills[0]!.routing![1]!, { afterSec: 0 }),
      'must exceed the previous stage’s',
    ],
    [
      'skills[0].routing[1].groups[0]',
      (s) => Object.assign(s.skills[0]!.routing![1]!, { groups: ['nobody'] }),
      'unknown group "nobody"',
    ],
    [
      'groups[1].agentsPerInterval[0]',
      (s) => Object.assign(s.groups[1]!, { agentsPerInterval: [2.5] }),
      'must be an integer',
    ],
    [
      'groups[1].skills[1]',
      (s) => Object.assign(s.groups[1]!, { skills: ['en-voice', 'fr-chat'] }),
      'unknown skill "fr-chat"',
    ],
  ] as [string, (s: Scenario) => void, string][])('names %s and the reason', (path, change, message) => {
    expect(validateScenario(withChanges(change))).toContainEqual({ path, message });
  });

  it('refuses routing to a group that lacks the skill', () => {
    const errors = validateScenario(
      withChanges((s) => {
        s.groups[1]!.skills = [];
      }),
    );
    expect(errors).toContainEqual({
      path: 'skills[0].routing[1].groups[0]',
      message: 'group "offshore" lacks skill "en-voice"',
    });
  });

  it('makes simulate throw a RangeError that lists the problems', () => {
    expect(() => simulate(withChanges((s) => Object.assign(s, { seed: 'x' })) as Scenario)).toThrow(
      /seed must be a finite number/,
    );
  });
});
