import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Agent, assignShifts, type ShiftToAssign, scheduleShifts } from './assign.js';
import { LABOUR_PRESETS, nightMinutes, resolveLabour, type ScheduleRules, validateRules } from './rules.js';
import { cyclicRules, mealShift } from './schedule.test-helper.js';
import { isNightShift, paidPeriods, shiftCandidates } from './shifts.js';
import { tourSet } from './tours.js';

const STEP = 60;
const BASE = cyclicRules(60, [
  mealShift('8h', 480, { lengthMin: 60, earliestAfterStartMin: 180, latestBeforeEndMin: 180, gridMin: 60 }),
  { name: '10h', lengthMin: 600 },
]);

/**
 * Independent of the assigner: each agent's shifts as minute intervals, repeated one cycle before and
 * after when the horizon repeats, sorted; every rest between consecutive ones is measured.
 */
function shortestRest(spans: { from: number; to: number }[], cycle: number | undefined): number {
  const all =
    cycle === undefined
      ? spans
      : spans.flatMap((s) => [-1, 0, 1].map((k) => ({ from: s.from + k * cycle, to: s.to + k * cycle })));
  all.sort((a, b) => a.from - b.from);
  let least = Number.POSITIVE_INFINITY;
  for (let i = 1; i < all.length; i++) least = Math.min(least, all[i]!.from - all[i - 1]!.to);
  return least;
}

describe('labour rules (RULES.json labour)', () => {
  it('presets: the EU rest is 11 hours (2003/88/EC art. 3), Latvia 12; explicit values win over the preset', () => {
    expect(resolveLabour({ labour: { preset: 'EU' } }).minRestMin).toBe(660);
    expect(resolveLabour({ labour: { preset: 'LV' } }).minRestMin).toBe(720);
    expect(
      resolveLabour({ labour: { preset: 'EU', minRestMin: 720, maxNightShiftsPerWeek: 3 } }),
    ).toMatchObject({
      minRestMin: 720,
      maxNightShiftsPerWeek: 3,
    });
    expect(resolveLabour({}).minRestMin).toBe(0);
    expect(Object.keys(LABOUR_PRESETS)).toEqual(['EU', 'HU', 'LV', 'TR']);
  });

  it('validation names the value at fault', () => {
    expect(() => validateRules({ ...BASE, labour: { preset: 'XX' } }, STEP)).toThrow(
      expect.objectContaining({ field: 'labour.preset' }),
    );
    expect(() => validateRules({ ...BASE, labour: { maxNightShiftsPerWeek: 8 } }, STEP)).toThrow(
      expect.objectContaining({ field: 'labour.maxNightShiftsPerWeek' }),
    );
    expect(() =>
      validateRules({ ...BASE, labour: { night: { startMin: 60, endMin: 60, minMin: 1 } } }, STEP),
    ).toThrow(expect.objectContaining({ field: 'labour.night' }));
    // 14-hour shifts on consecutive days leave 10 hours of rest: no tour of them under an 11-hour rule.
    expect(() =>
      validateRules(
        {
          ...BASE,
          shiftTypes: [{ name: 'long', lengthMin: 840 }],
          tours: [{ shiftType: 'long', daysOn: 4 }],
          labour: { preset: 'EU' },
        },
        STEP,
      ),
    ).toThrow(expect.objectContaining({ field: 'tours[0].shiftType' }));
    expect(
      validateRules({ ...BASE, labour: { preset: 'TR', maxNightShiftsPerWeek: 2 } }, STEP).labour?.preset,
    ).toBe('TR');
  });

  it('night minutes across midnight; Turkey caps night shifts at 7.5 worked hours', () => {
    const night = { startMin: 1320, endMin: 360, minMin: 180 };
    expect(nightMinutes(1260, 240, night)).toBe(180); // 21:00–01:00: 22:00–01:00
    expect(nightMinutes(1440 + 300, 120, night)).toBe(60); // 05:00–07:00 the next day
    const tr: ScheduleRules = { ...BASE, labour: { preset: 'TR' } };
    const candidates = shiftCandidates(tr, 7 * 24, STEP);
    const limit = resolveLabour(tr);
    for (const c of candidates)
      if (isNightShift(c, STEP, limit.night)) expect(paidPeriods(c) * STEP).toBeLessThanOrEqual(450);
    // The 10-hour shift starting at 12:00 ends at 22:00: night under Turkey's 20:00–06:00, so it is gone.
    expect(candidates.some((c) => c.type === '10h' && c.start === 12)).toBe(false);
    expect(shiftCandidates(BASE, 7 * 24, STEP).some((c) => c.type === '10h' && c.start === 12)).toBe(true);
  });

  it('tours: a night tour longer than the weekly night limit is not offered', () => {
    const rules: ScheduleRules = {
      ...BASE,
      tours: [{ shiftType: '8h', daysOn: 5 }],
      labour: { preset: 'EU', maxNightShiftsPerWeek: 3 },
    };
    const candidates = shiftCandidates(rules, 7 * 24, STEP);
    const set = tourSet(rules, candidates, 24);
    const limit = resolveLabour(rules);
    for (const members of set.groups.values())
      for (const i of members) expect(isNightShift(candidates[i]!, STEP, limit.night)).toBe(false);
    // Day tours stay: 09:00 starts on all 7 placements of the days off.
    expect(set.tours.filter((t) => t.startInDay === 9)).toHaveLength(7);
    expect(set.tours.some((t) => t.startInDay === 22)).toBe(false);
  });
});

describe('assigning shifts to named agents', () => {
  const rules: ScheduleRules = { ...BASE, labour: { preset: 'EU', maxNightShiftsPerWeek: 2 } };
  const candidates = shiftCandidates(rules, 14 * 24, STEP);
  const labour = resolveLabour(rules);
  const o = { stepMin: STEP, periods: 14 * 24, cyclic: true, firstWeekday: 0, labour };

  it('no agent breaks a rule, whatever the shifts and agents (rest, nights a week, days, hours, tours whole)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: candidates.length - 1 }), { maxLength: 40 }),
        fc.array(
          fc.record({
            days: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }), {
              nil: undefined,
            }),
            nights: fc.option(fc.boolean(), { nil: undefined }),
            maxWeekMin: fc.option(fc.integer({ min: 420, max: 2400 }), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.boolean(),
        (picks, raw, cyclic) => {
          const shifts: ShiftToAssign[] = picks.map((i, k) => ({
            ...candidates[i]!,
            ...(k % 5 === 0 ? { tour: k % 3 } : {}),
          }));
          const agents: Agent[] = raw.map((a, k) => ({ name: `A${k}`, ...a }));
          const opts = { ...o, cyclic };
          const { agentOf, unassigned } = assignShifts(shifts, agents, opts);
          expect(unassigned).toBe(agentOf.filter((k) => k < 0).length);
          agents.forEach((a, k) => {
            const mine = shifts.filter((_, i) => agentOf[i] === k);
            const spans = mine.map((s) => ({ from: s.start * STEP, to: (s.start + s.length) * STEP }));
            if (spans.length > 1)
              expect(shortestRest(spans, cyclic ? 14 * 1440 : undefined)).toBeGreaterThanOrEqual(660);
            for (const week of [0, 1]) {
              const inWeek = mine.filter((s) => Math.floor((s.start * STEP) / 1440 / 7) === week);
              expect(inWeek.filter((s) => isNightShift(s, STEP, labour.night)).length).toBeLessThanOrEqual(2);
              if (a.maxWeekMin !== undefined)
                expect(inWeek.reduce((m, s) => m + paidPeriods(s) * STEP, 0)).toBeLessThanOrEqual(
                  a.maxWeekMin,
                );
            }
            for (const s of mine) {
              if (a.days) expect(a.days).toContain(Math.floor((s.start * STEP) / 1440) % 7);
              if (a.nights === false) expect(isNightShift(s, STEP, labour.night)).toBe(false);
            }
          });
          for (const t of [0, 1, 2]) {
            const owners = new Set(shifts.flatMap((s, i) => (s.tour === t ? [agentOf[i]] : [])));
            expect(owners.size).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('rotates nights and weekends: with equal agents, nights and weekend days are spread evenly', () => {
    const spread = (v: number[]) => Math.max(...v) - Math.min(...v);
    const agents = Array.from({ length: 7 }, (_, k) => ({ name: `A${k}` }));
    // Every night 22:00–06:00 of two weeks: two each.
    const nights: ShiftToAssign[] = Array.from({ length: 14 }, (_, d) => ({
      type: '8h',
      start: d * 24 + 22,
      length: 8,
      mealLength: 0,
    }));
    const byNight = assignShifts(nights, agents, o);
    expect(byNight.unassigned).toBe(0);
    expect(byNight.loads.map((l) => l.nights)).toEqual([2, 2, 2, 2, 2, 2, 2]);
    // Weekend days 09:00–17:00, two shifts each: at most one apart.
    const weekend: ShiftToAssign[] = [5, 6, 12, 13].flatMap((d) =>
      [9, 9].map((h) => ({ type: '8h', start: d * 24 + h, length: 8, mealLength: 0 })),
    );
    expect(spread(assignShifts(weekend, agents, o).loads.map((l) => l.weekends))).toBeLessThanOrEqual(1);
    // Both together: the rest rule keeps a weekend day from a night next to it; the greedy stays within two.
    const both = assignShifts([...nights, ...weekend], agents, o);
    expect(both.unassigned).toBe(0);
    expect(spread(both.loads.map((l) => l.nights))).toBeLessThanOrEqual(2);
    const shifts = nights;
    // History carries the rotation over: an agent with nights behind them gets none this time.
    const next = assignShifts(
      shifts.slice(0, 3),
      agents.map((a, k) => ({ ...a, history: { nights: k === 0 ? 5 : 0, weekends: 0 } })),
      o,
    );
    expect(next.loads[0]!.nights).toBe(0);
  });

  it('tours go whole to one agent; preferences steer the choice', () => {
    const toured: ScheduleRules = { ...rules, tours: [{ shiftType: '8h', daysOn: 5 }] };
    const week = shiftCandidates(toured, 7 * 24, STEP);
    const set = tourSet(toured, week, 24);
    const j = set.tours.findIndex((t) => t.startInDay === 9);
    const counts = new Array<number>(week.length).fill(0);
    const tourCounts = set.tours.map((_, k) => (k === j ? 1 : 0));
    for (const d of set.tours[j]!.days) counts[set.groups.get(`8h|9|${d}`)![0]!] = 1;
    const ten = week.findIndex((c) => c.type === '10h' && c.start === 24 * 5 + 8);
    counts[ten] = 1;
    const shifts = scheduleShifts(counts, week, { set, tourCounts });
    expect(shifts.filter((s) => s.tour === 0)).toHaveLength(5);
    const agents: Agent[] = [
      { name: 'Ada', prefers: ['10h'] },
      { name: 'Bo', prefers: ['8h'] },
    ];
    const { agentOf } = assignShifts(shifts, agents, { ...o, periods: 7 * 24 });
    shifts.forEach((s, i) => {
      expect(agents[agentOf[i]!]!.name).toBe(s.type === '8h' ? 'Bo' : 'Ada');
    });
  });
});
