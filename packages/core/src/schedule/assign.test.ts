import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Agent, assignmentBreaches, assignShifts, evenOut, type ShiftToAssign } from './assign.js';
import { resolveLabour } from './rules.js';
import { isNightShift } from './shifts.js';

const STEP = 60;
const labour = resolveLabour({ labour: { preset: 'EU' } });
const spread = (v: readonly number[]) => Math.max(...v) - Math.min(...v);

/**
 * A week that some assignment staffs evenly, by construction: each agent gets a run of consecutive
 * nights (22:00–06:00; the counts differ by at most one), a day off after it (06:00 to the next
 * morning is under the 11 hours' rest), and day shifts (07:00, 08:00 or 09:00, 8 h) on some other
 * days. The shifts of every agent are pooled and handed over without their agents.
 */
const balancedWeek = fc
  .record({
    agents: fc.integer({ min: 2, max: 7 }),
    nights: fc.integer({ min: 0, max: 20 }),
    seed: fc.array(
      fc.record({
        first: fc.integer({ min: 0, max: 6 }),
        dayShifts: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
        startHour: fc.constantFrom(7, 8, 9),
      }),
      { minLength: 7, maxLength: 7 },
    ),
  })
  .map(({ agents, nights, seed }) => {
    const shifts: ShiftToAssign[] = [];
    for (let k = 0; k < agents; k++) {
      const own = Math.min(6, Math.floor(nights / agents) + (k < nights % agents ? 1 : 0));
      const { first: wanted, dayShifts, startHour } = seed[k]!;
      const first = Math.min(wanted, 6 - own);
      for (let d = first; d < first + own; d++)
        shifts.push({ type: '8h', start: d * 24 + 22, length: 8, mealLength: 0 });
      for (let d = 0; d < 7; d++) {
        const blocked = own > 0 && d >= first && d <= first + own;
        if (!blocked && dayShifts[d])
          shifts.push({ type: '8h', start: d * 24 + startHour, length: 8, mealLength: 0 });
      }
    }
    return { agents, shifts };
  });

describe('assignShifts: fair rotation (decision 0059)', () => {
  const o = { stepMin: STEP, periods: 7 * 24, cyclic: false, firstWeekday: 0, labour };

  it('equally eligible agents: night shifts differ by at most one whenever an even staffing exists, and no rule breaks', () => {
    fc.assert(
      fc.property(balancedWeek, ({ agents: n, shifts }) => {
        const agents: Agent[] = Array.from({ length: n }, (_, k) => ({ name: `A${k}` }));
        const { agentOf, loads, unassigned } = assignShifts(shifts, agents, o);
        expect(assignmentBreaches(shifts, agents, agentOf, o)).toEqual([]);
        expect(unassigned).toBe(agentOf.filter((k) => k < 0).length);
        const assignedNights = shifts.filter(
          (s, i) => agentOf[i]! >= 0 && isNightShift(s, STEP, labour.night),
        );
        expect(loads.reduce((sum, l) => sum + l.nights, 0)).toBe(assignedNights.length);
        expect(spread(loads.map((l) => l.nights))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('the week that gave nights 5/5/4/0/0: the night window in 4-hour shifts, five agents, no weekly limit', () => {
    // Every night 20:00–24:00 and 00:00–04:00 (the 8 h and 4 h plan's shifts), plus day shifts.
    const shifts: ShiftToAssign[] = [];
    for (let d = 0; d < 7; d++) {
      shifts.push({ type: '4h', start: d * 24 + 20, length: 4, mealLength: 0 });
      if (d > 0) shifts.push({ type: '4h', start: d * 24, length: 4, mealLength: 0 });
      for (const h of [8, 12]) shifts.push({ type: '8h', start: d * 24 + h, length: 8, mealLength: 0 });
    }
    const night = { startMin: 1260, endMin: 240, minMin: 120 };
    const oNight = { ...o, labour: { ...labour, night } };
    const agents: Agent[] = Array.from({ length: 5 }, (_, k) => ({ name: `V${k}` }));
    const { agentOf, loads } = assignShifts(shifts, agents, oNight);
    expect(assignmentBreaches(shifts, agents, agentOf, oNight)).toEqual([]);
    expect(agentOf.every((k) => k >= 0)).toBe(true);
    expect(spread(loads.map((l) => l.nights))).toBeLessThanOrEqual(1);
    expect(spread(loads.map((l) => l.weekends))).toBeLessThanOrEqual(1);
    // Paid hours stay within one shift of each other.
    expect(spread(loads.map((l) => l.paidMin))).toBeLessThanOrEqual(480);
  });

  it('weekends and paid hours even out as well when the rules allow', () => {
    const shifts: ShiftToAssign[] = [];
    for (let d = 0; d < 7; d++)
      for (const h of [6, 9, 14]) shifts.push({ type: '8h', start: d * 24 + h, length: 8, mealLength: 0 });
    const agents: Agent[] = Array.from({ length: 5 }, (_, k) => ({ name: `A${k}` }));
    const { agentOf, loads } = assignShifts(shifts, agents, o);
    expect(assignmentBreaches(shifts, agents, agentOf, o)).toEqual([]);
    expect(spread(loads.map((l) => l.weekends))).toBeLessThanOrEqual(1);
    expect(spread(loads.map((l) => l.paidMin))).toBeLessThanOrEqual(480);
  });

  it('evenOut: a lopsided roster (every shift to one agent where the rules allow) comes back even, within the rules', () => {
    // Three 8 h shifts a day, 06/09/14 h; a first roster giving A0 every shift it may take, the rest
    // in turn: far from even. evenOut keeps the same shifts staffed and evens paid hours out.
    const shifts: ShiftToAssign[] = [];
    for (let d = 0; d < 7; d++)
      for (const h of [6, 9, 14]) shifts.push({ type: '8h', start: d * 24 + h, length: 8, mealLength: 0 });
    const agents: Agent[] = Array.from({ length: 5 }, (_, k) => ({ name: `A${k}` }));
    const first = shifts.map((_, i) => (i % 3 === 0 ? 0 : 1 + (i % 4)));
    expect(assignmentBreaches(shifts, agents, first, o)).toEqual([]);
    const even = evenOut(shifts, agents, first, o);
    expect(assignmentBreaches(shifts, agents, even, o)).toEqual([]);
    expect(even.every((k) => k >= 0)).toBe(true);
    const paid = agents.map((_, k) => even.filter((a) => a === k).length * 480);
    expect(spread(paid)).toBeLessThanOrEqual(480);
  });
});
