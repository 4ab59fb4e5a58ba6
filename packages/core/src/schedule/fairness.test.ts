import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Agent, assignmentBreaches, assignShifts, type ShiftToAssign } from './assign.js';
import { fairnessOf } from './fairness.js';
import { resolveLabour } from './rules.js';
import { isNightShift } from './shifts.js';

const STEP = 60;
const labour = resolveLabour({ labour: { preset: 'EU' } });
const o = { stepMin: STEP, periods: 7 * 24, cyclic: false, firstWeekday: 0, labour };
const night = (day: number): ShiftToAssign => ({
  type: '8h',
  start: day * 24 + 22,
  length: 8,
  mealLength: 0,
});

/**
 * The spread recomputed from the assignment alone, without core's fairness code: the agents a measure
 * is counted among are those assignmentBreaches lets work one unit (a tour, or a shift) of that
 * measure on its own; counts from isNightShift and the weekday of each start, history added.
 */
function spreadByHand(
  shifts: readonly ShiftToAssign[],
  agents: readonly Agent[],
  agentOf: readonly number[],
  opts: typeof o,
): number {
  const weekend = (s: ShiftToAssign) =>
    (opts.firstWeekday + Math.floor((s.start * opts.stepMin) / 1440)) % 7 >= 5;
  const nightOf = (s: ShiftToAssign) => isNightShift(s, opts.stepMin, opts.labour.night);
  const unitOf = (i: number) =>
    shifts.flatMap((s, j) => (j === i || (s.tour !== undefined && s.tour === shifts[i]!.tour) ? [j] : []));
  let total = 0;
  for (const [is, before] of [
    [nightOf, (a: Agent) => a.history?.nights ?? 0],
    [weekend, (a: Agent) => a.history?.weekends ?? 0],
  ] as const) {
    const values = agents.flatMap((a, k) => {
      const member = shifts.some((s, i) => {
        if (!is(s)) return false;
        const unit = unitOf(i);
        const alone = shifts.map((_, j) => (unit.includes(j) ? k : -1));
        return assignmentBreaches(shifts, agents, alone, opts).length === 0;
      });
      return member ? [before(a) + shifts.filter((s, i) => agentOf[i] === k && is(s)).length] : [];
    });
    total += values.length < 2 ? 0 : Math.max(...values) - Math.min(...values);
  }
  return total;
}

interface AgentSeed {
  days: number[] | undefined;
  nights: boolean | undefined;
  maxWeekMin: number | undefined;
  nightsBefore: number;
  weekendsBefore: number;
}
const agentArb: fc.Arbitrary<AgentSeed> = fc.record({
  days: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }), {
    nil: undefined,
  }),
  nights: fc.option(fc.boolean(), { nil: undefined }),
  maxWeekMin: fc.option(fc.constantFrom(480, 960, 1920), { nil: undefined }),
  nightsBefore: fc.integer({ min: 0, max: 3 }),
  weekendsBefore: fc.integer({ min: 0, max: 2 }),
});
const toAgent = (a: AgentSeed, k: number): Agent => ({
  name: `A${k}`,
  days: a.days,
  nights: a.nights,
  maxWeekMin: a.maxWeekMin,
  history: { nights: a.nightsBefore, weekends: a.weekendsBefore },
});
/** A small week: shifts of 8 h at 00, 06, 14 or 22 h on any day, some pairs made one tour. */
const smallWeek = (maxShifts: number, maxAgents: number) =>
  fc.record({
    agents: fc.array(agentArb, { minLength: 1, maxLength: maxAgents }),
    shifts: fc.array(
      fc.record({ day: fc.integer({ min: 0, max: 6 }), hour: fc.constantFrom(0, 6, 14, 22) }),
      { minLength: 1, maxLength: maxShifts },
    ),
    tour: fc.boolean(),
  });
const build = (w: { agents: AgentSeed[]; shifts: { day: number; hour: number }[]; tour: boolean }) => {
  const agents = w.agents.map(toAgent);
  const shifts: ShiftToAssign[] = w.shifts.map(({ day, hour }, i) => ({
    type: '8h',
    start: day * 24 + hour,
    length: 8,
    mealLength: 0,
    // The first two shifts as one tour, when asked (they then go to one agent or none).
    ...(w.tour && i < 2 ? { tour: 0 } : {}),
  }));
  return { agents, shifts };
};

describe('fairnessOf: the spread of nights and weekends and its lower bound (decision 0062)', () => {
  it('seven nights among five interchangeable agents: bound 1 (⌈7/5⌉ − ⌊7/5⌋), reached', () => {
    const shifts = Array.from({ length: 7 }, (_, d) => night(d));
    const agents: Agent[] = Array.from({ length: 5 }, (_, k) => ({ name: `A${k}` }));
    const { fairness } = assignShifts(shifts, agents, o);
    expect(fairness.nights).toEqual({ spread: 1, bound: 1 });
    expect(fairness.proven).toBe(true);
  });

  it('history counts: one agent with 3 nights before, 7 nights among five: no roster is within 1 (by hand: 3,2,2,2,1 at best)', () => {
    const shifts = Array.from({ length: 7 }, (_, d) => night(d));
    const agents: Agent[] = Array.from({ length: 5 }, (_, k) => ({
      name: `A${k}`,
      ...(k === 0 ? { history: { nights: 3, weekends: 0 } } : {}),
    }));
    const all = shifts.map(() => 0);
    expect(fairnessOf(shifts, agents, all, o).nights.bound).toBe(2);
  });

  it('who may work what: four nights, two agents, one available Monday only: bound 2 (1 against 3)', () => {
    const shifts = Array.from({ length: 4 }, (_, d) => night(d));
    const agents: Agent[] = [{ name: 'Mon', days: [0] }, { name: 'Any' }];
    const { fairness, agentOf } = assignShifts(shifts, agents, o);
    expect(fairness.nights).toEqual({ spread: 2, bound: 2 });
    expect(agentOf).toEqual([0, 1, 1, 1]);
  });

  it('agents who work no nights are not counted in the nights spread', () => {
    const shifts = [night(0), night(2)];
    const agents: Agent[] = [{ name: 'A' }, { name: 'B' }, { name: 'Day', nights: false }];
    const { fairness } = assignShifts(shifts, agents, o);
    expect(fairness.nights).toEqual({ spread: 0, bound: 0 });
  });

  it('the reported spread is the one recomputed by hand, and never below the bound (any agents, shifts, tours)', () => {
    fc.assert(
      fc.property(smallWeek(14, 6), (w) => {
        const { agents, shifts } = build(w);
        const { agentOf, fairness } = assignShifts(shifts, agents, o);
        expect(fairness.spread).toBe(spreadByHand(shifts, agents, agentOf, o));
        expect(fairness.spread).toBe(fairness.nights.spread + fairness.weekends.spread);
        expect(fairness.bound).toBe(fairness.nights.bound + fairness.weekends.bound);
        expect(fairness.spread).toBeGreaterThanOrEqual(fairness.bound);
        expect(fairness.proven).toBe(fairness.spread === fairness.bound);
      }),
      { numRuns: 150 },
    );
  });

  it('no roster of the same shifts keeping the rules is below the bound (every roster of small weeks tried)', () => {
    fc.assert(
      fc.property(smallWeek(6, 3), (w) => {
        const { agents, shifts } = build(w);
        const { agentOf, fairness } = assignShifts(shifts, agents, o);
        const staffed = shifts.flatMap((_, i) => (agentOf[i]! >= 0 ? [i] : []));
        let least = Number.POSITIVE_INFINITY;
        const pick = new Array<number>(shifts.length).fill(-1);
        const visit = (x: number) => {
          if (x === staffed.length) {
            if (assignmentBreaches(shifts, agents, pick, o).length === 0)
              least = Math.min(least, spreadByHand(shifts, agents, pick, o));
            return;
          }
          for (let k = 0; k < agents.length; k++) {
            pick[staffed[x]!] = k;
            visit(x + 1);
          }
        };
        visit(0);
        // assignShifts' own roster is one of them.
        expect(least).toBeLessThanOrEqual(fairness.spread);
        expect(least).toBeGreaterThanOrEqual(fairness.bound);
      }),
      { numRuns: 60 },
    );
  });
});
