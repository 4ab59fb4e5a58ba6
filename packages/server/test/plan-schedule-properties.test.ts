import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runSchedule } from '../src/modules/plan/cli/schedule-run.js';

// Issue 15, must-show 3, for every input the generator makes: SHIFTS.csv, read back on its own,
// keeps every rule of RULES.json, and the coverage counted from it equals the reported coverage.

const dir = mkdtempSync(join(tmpdir(), 'shoreline-schedule-props-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Rules {
  shiftTypes: {
    name: string;
    lengthMin: number;
    meal?: { lengthMin: number; earliestAfterStartMin: number; latestBeforeEndMin: number; gridMin: number };
  }[];
  startGridMin: number;
  openingHours?: { openMin: number; closeMin: number };
  mode: 'cyclic' | 'horizon';
}

const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Each SHIFTS.csv row as minutes from the first day's midnight (end past start across midnight). */
function readShifts(path: string, firstDay: string) {
  const [header, ...rows] = readFileSync(path, 'utf8').trimEnd().split('\n');
  expect(header).toBe('day,start,end,type,meal_start,meal_end');
  return rows.map((row) => {
    const [day, start, end, type, mealStart, mealEnd] = row.split(',');
    const offset = (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${firstDay}T00:00:00Z`)) / 60_000;
    const s = offset + toMin(start!);
    let e = offset + toMin(end!);
    if (e <= s) e += 1440;
    let ms = mealStart ? offset + toMin(mealStart) : undefined;
    if (ms !== undefined && ms < s) ms += 1440;
    let me = mealEnd ? offset + toMin(mealEnd) : undefined;
    if (me !== undefined && ms !== undefined && me <= ms) me += 1440;
    return { s, e, type: type!, ms, me };
  });
}

/** The first rule a row breaks, checked from the row and RULES.json alone. */
function brokenRule(row: ReturnType<typeof readShifts>[number], rules: Rules, horizonMin: number) {
  const type = rules.shiftTypes.find((t) => t.name === row.type);
  if (!type) return 'unknown type';
  if (row.e - row.s !== type.lengthMin) return 'length';
  if (row.s % rules.startGridMin !== 0) return 'start grid';
  if (rules.mode === 'horizon' && row.e > horizonMin) return 'past the horizon';
  if (type.meal) {
    if (row.ms === undefined || row.me === undefined) return 'meal missing';
    if (row.me - row.ms !== type.meal.lengthMin) return 'meal length';
    if (row.ms - row.s < type.meal.earliestAfterStartMin) return 'meal too early';
    if (row.e - row.me < type.meal.latestBeforeEndMin) return 'meal too late';
    if ((row.ms - row.s) % type.meal.gridMin !== 0) return 'meal grid';
  } else if (row.ms !== undefined) return 'a meal on a type without one';
  if (rules.openingHours)
    for (let m = row.s; m < row.e; m++) {
      const ofDay = m % 1440;
      if (ofDay < rules.openingHours.openMin || ofDay >= rules.openingHours.closeMin) return 'closed hours';
    }
  return undefined;
}

const cases = fc.record({
  days: fc.constantFrom(1, 2),
  step: fc.constantFrom(30, 60),
  main: fc.constantFrom(360, 480, 600),
  meal: fc.boolean(),
  grid: fc.constantFrom(60, 120),
  cyclic: fc.boolean(),
  hours: fc.constantFrom([0, 1440], [420, 1320], [480, 1080]),
  seed: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }),
});

describe('shoreline schedule: properties of SHIFTS.csv', () => {
  it('no shift breaks a rule; coverage counted from SHIFTS.csv equals the reported coverage', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        run++;
        const rules: Rules = {
          shiftTypes: [
            {
              name: 'main',
              lengthMin: c.main,
              ...(c.meal
                ? {
                    meal: { lengthMin: 60, earliestAfterStartMin: 120, latestBeforeEndMin: 120, gridMin: 60 },
                  }
                : {}),
            },
            { name: 'short', lengthMin: 240 },
          ],
          startGridMin: c.grid,
          ...(c.hours[0] === 0 ? {} : { openingHours: { openMin: c.hours[0]!, closeMin: c.hours[1]! } }),
          mode: c.cyclic ? 'cyclic' : 'horizon',
        };
        const perDay = 1440 / c.step;
        // A day-shaped requirement: the seed's eight 3-hour blocks.
        const required = Array.from(
          { length: c.days * perDay },
          (_, q) => c.seed[Math.floor(((q % perDay) * c.step) / 180)]!,
        );
        const lines = ['interval_start,required'];
        required.forEach((r, q) => {
          const at = new Date(Date.parse('2027-03-01T00:00:00Z') + q * c.step * 60_000).toISOString();
          lines.push(`${at.slice(0, 10)}T${at.slice(11, 16)},${r}`);
        });
        const reqPath = join(dir, `req${run}.csv`);
        const rulesPath = join(dir, `rules${run}.json`);
        const output = join(dir, `shifts${run}.csv`);
        writeFileSync(reqPath, `${lines.join('\n')}\n`);
        writeFileSync(rulesPath, JSON.stringify(rules));
        const report = await runSchedule({
          requirements: reqPath,
          rules: rulesPath,
          output,
          timeLimitSec: 10,
        });
        const horizonMin = c.days * 1440;
        const shifts = readShifts(output, '2027-03-01');
        for (const row of shifts) expect(brokenRule(row, rules, horizonMin)).toBeUndefined();
        // Agents at work at each interval's first minute, from the rows alone.
        const minutes = new Array<number>(horizonMin).fill(0);
        for (const row of shifts)
          for (let m = row.s; m < row.e; m++) {
            if (row.ms !== undefined && row.me !== undefined && m >= row.ms && m < row.me) continue;
            const at = c.cyclic ? m % horizonMin : m;
            if (at < horizonMin) minutes[at]!++;
          }
        const independent = required.map((_, q) => minutes[q * c.step]!);
        expect(independent).toEqual(report.intervals.map((i) => i.scheduled));
        expect(report.shifts).toBe(shifts.length);
        // Paid hours from the rows: length less meal.
        const paid =
          shifts.reduce((s, r) => s + (r.e - r.s - (r.me !== undefined ? r.me - r.ms! : 0)), 0) / 60;
        expect(report.paidHours).toBeCloseTo(paid, 9);
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});
