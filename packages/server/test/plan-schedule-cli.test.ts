import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shiftCandidates } from '@shoreline/core/schedule/index';
import { requiredAgents } from '@shoreline/core/staffing/index';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { registerPlanCommands } from '../src/modules/plan/cli/index.js';
import { runSchedule, type ScheduleReport, scheduleSummary } from '../src/modules/plan/cli/schedule-run.js';
import { solveSchedule } from '../src/modules/plan/schedule-solver.js';
import { cliScratch } from './cli-scratch.js';
import { eightAndFourHourRules, halfHourMeal, hoursShift } from './shift-rules.js';

// `shoreline schedule`: HiGHS in a worker thread, SHIFTS.csv checked by an independent coverage count.

const YEAR = new URL('../../../../shared/reference/staffing/intervals_year.csv', import.meta.url);
const ifShared = existsSync(YEAR) ? '' : ' (../shared not found: skipping)';
const { dir, file } = cliScratch('shoreline-schedule-');

function requirements(day: string, stepMin: number, required: number[]): string {
  const lines = ['interval_start,required'];
  required.forEach((r, q) => {
    const at = new Date(Date.parse(`${day}T00:00:00Z`) + q * stepMin * 60_000).toISOString();
    lines.push(`${at.slice(0, 10)}T${at.slice(11, 16)},${r}`);
  });
  return `${lines.join('\n')}\n`;
}

/**
 * Agents at work per interval counted from SHIFTS.csv alone, minute by minute: a shift works from
 * start to end (past midnight when end ≤ start) except its meal; cyclic wraps past the last day.
 */
function coverageFromShiftsCsv(
  path: string,
  firstDay: string,
  days: number,
  stepMin: number,
  cyclic: boolean,
): number[] {
  const minutes = new Array<number>(days * 1440).fill(0);
  const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const [, ...rows] = readFileSync(path, 'utf8').trimEnd().split('\n');
  for (const row of rows) {
    const [day, start, end, , mealStart, mealEnd] = row.split(',');
    const dayOffset = (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${firstDay}T00:00:00Z`)) / 60_000;
    const s = dayOffset + toMin(start!);
    let e = dayOffset + toMin(end!);
    if (e <= s) e += 1440;
    let ms = mealStart ? dayOffset + toMin(mealStart) : Number.NaN;
    if (ms < s) ms += 1440;
    let me = mealEnd ? dayOffset + toMin(mealEnd) : Number.NaN;
    if (me <= ms) me += 1440;
    for (let m = s; m < e; m++) {
      if (m >= ms && m < me) continue;
      const at = cyclic ? m % minutes.length : m;
      if (at < minutes.length) minutes[at]!++;
    }
  }
  const out: number[] = [];
  for (let q = 0; q < minutes.length / stepMin; q++) out.push(minutes[q * stepMin]!);
  return out;
}

const RULES = {
  shiftTypes: [hoursShift(8, halfHourMeal(150, 15)), hoursShift(6), hoursShift(4)],
  startGridMin: 30,
  mode: 'cyclic',
};
/** 8-hour shifts at 00:00, 08:00 and 16:00 only, in weekly tours of 5 days on. */
const WEEK_OF_TOURS = {
  shiftTypes: [hoursShift(8)],
  startGridMin: 480,
  mode: 'cyclic',
  tours: [{ shiftType: '8h', daysOn: 5 }],
};

describe('shoreline schedule', () => {
  it('proves the optimum of a small case: one agent every hour of a cyclic day = 3 × 8 h', async () => {
    const rules = file(
      'r8.json',
      JSON.stringify({ shiftTypes: [hoursShift(8)], startGridMin: 60, mode: 'cyclic' }),
    );
    const output = join(dir, 's8.csv');
    const report = await runSchedule({
      requirements: file('q8.csv', requirements('2027-01-04', 60, new Array(24).fill(1))),
      rules,
      output,
    });
    expect(report.solver).toBe('highs');
    expect(report.paidHours).toBe(24);
    expect(report.lowerBoundHours).toBe(24);
    expect(report.gap).toBe(0);
    expect(report.shifts).toBe(3);
  });

  it.skipIf(!existsSync(YEAR))(
    `a day of intervals_year.csv staffed by Plan: covered, within 0.5 % of the LP bound, SHIFTS.csv coverage = reported${ifShared}`,
    async () => {
      const [, ...lines] = readFileSync(fileURLToPath(YEAR), 'utf8').trim().split(/\r?\n/);
      const day = lines.slice(96 * 100, 96 * 101); // the 101st day of the year
      const required = day.map((line) => {
        const [, , volume, aht, intervalMin, withinSec, fraction, shrinkage, maxOccupancy] = line.split(',');
        return requiredAgents({
          volume: Number(volume),
          intervalSec: Number(intervalMin) * 60,
          ahtSec: Number(aht),
          targets: {
            serviceLevel: { fraction: Number(fraction), withinSec: Number(withinSec) },
            maxOccupancy: Number(maxOccupancy),
          },
          shrinkage: Number(shrinkage),
        }).scheduledAgents;
      });
      const firstDay = day[0]!.slice(0, 10);
      const output = join(dir, 'year-day.csv');
      const report: ScheduleReport = await runSchedule({
        requirements: file('year-day-req.csv', requirements(firstDay, 15, required)),
        rules: file('rules.json', JSON.stringify(RULES)),
        output,
      });
      expect(report.solver).toBe('highs');
      expect(report.intervals.every((i) => i.shortfall === 0)).toBe(true);
      expect(report.gap).toBeLessThanOrEqual(0.005);
      const independent = coverageFromShiftsCsv(output, firstDay, 1, 15, true);
      expect(independent).toEqual(report.intervals.map((i) => i.scheduled));
    },
  );

  it('weekly tours: 5 days on with 2 off in a row; one agent every hour of a week takes 6 agents', async () => {
    // 8-hour shifts at 00:00, 08:00 and 16:00 only: each start needs a shift on all 7 days and a tour
    // works 5 of them, so ⌈7/5⌉ = 2 agents per start, 6 in all, paid 6 × 5 × 8 = 240 h.
    const rules = file('tours.json', JSON.stringify(WEEK_OF_TOURS));
    const output = join(dir, 'tours.csv');
    const report = await runSchedule({
      requirements: file('tq.csv', requirements('2027-01-04', 60, new Array(24 * 7).fill(1))),
      rules,
      output,
    });
    expect(report.intervals.every((i) => i.shortfall === 0)).toBe(true);
    expect(report.tourAgents).toBe(6);
    expect(report.paidHours).toBe(240);
    expect(coverageFromShiftsCsv(output, '2027-01-04', 7, 60, true)).toEqual(
      report.intervals.map((i) => i.scheduled),
    );
    // A requirement of 3 days cannot hold a week of tours.
    await expect(
      runSchedule({
        requirements: file('t3.csv', requirements('2027-01-04', 60, new Array(72).fill(1))),
        rules,
        output,
      }),
    ).rejects.toThrow(/exactly 7 days/);
  });

  it('--agents: each tour goes to one named agent, rests of 11 h and the weekly night limit hold, one calendar each', async () => {
    // The same week of tours under the EU preset with at most 3 night shifts a week: the 16:00 shift
    // (16:00–24:00, 1 h in 23:00–06:00) is no night shift; the 00:00 one is, so its 5-day tours are
    // barred and its days are left to… nothing: the requirement is 08:00–24:00 only.
    const rules = file(
      'tours-eu.json',
      JSON.stringify({ ...WEEK_OF_TOURS, labour: { preset: 'EU', maxNightShiftsPerWeek: 3 } }),
    );
    const required = Array.from({ length: 24 * 7 }, (_, q) => (q % 24 >= 8 ? 1 : 0));
    const agents = file(
      'agents.csv',
      [
        'name,days,nights,max_hours,prefers',
        'Ada,,no,40,',
        'Bo,,,40,',
        '"Cem, Jr.",Mon Tue Wed Thu Fri,,,',
        'Dee,,,,',
      ].join('\n'),
    );
    const output = join(dir, 'staffed.csv');
    const calendars = join(dir, 'calendars');
    const report = await runSchedule({
      requirements: file('tq-eu.csv', requirements('2027-01-04', 60, required)),
      rules,
      output,
      agents,
      calendars,
    });
    expect(report.intervals.every((i) => i.shortfall === 0)).toBe(true);
    expect(report.tourAgents).toBe(4);
    expect(report.agents?.unassigned).toBe(0);
    // Fairness (decision 0062): four whole tours, so the weekends fall where the tours put them; the
    // least spread is proven (by the flow bound, or else by HiGHS on so small a roster) and printed.
    const fairness = report.agents!.fairness;
    expect(fairness.spread).toBe(fairness.nights.spread + fairness.weekends.spread);
    expect(fairness.proven).toBe(true);
    expect(scheduleSummary(report, output)).toContain(
      `fairness: spread ${fairness.spread} (nights ${fairness.nights.spread}, weekends ${fairness.weekends.spread}), least possible ≥ ${fairness.bound}`,
    );
    const [header, ...rows] = readFileSync(output, 'utf8').trimEnd().split('\n');
    expect(header).toBe('day,start,end,type,meal_start,meal_end,agent');
    // Four tours, four agents: each agent has one start time, five days in a row.
    const byAgent = new Map<string, string[]>();
    for (const row of rows) {
      const agent = row.slice(row.lastIndexOf(',') + 1);
      byAgent.set(agent, [...(byAgent.get(agent) ?? []), row]);
    }
    expect([...byAgent.values()].every((r) => r.length === 5)).toBe(true);
    for (const r of byAgent.values()) expect(new Set(r.map((x) => x.split(',')[1])).size).toBe(1);
    // Cem works Monday to Friday only.
    const cem = rows
      .filter((r) => r.endsWith('"Cem, Jr."'))
      .map((r) => new Date(`${r.slice(0, 10)}T00:00:00Z`).getUTCDay());
    expect(cem.every((d) => d >= 1 && d <= 5)).toBe(true);
    const ics = readFileSync(join(calendars, 'Ada.ics'), 'utf8');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(5);
    expect(ics).toContain('X-WR-CALNAME:Ada');
    expect(readFileSync(join(calendars, 'Cem_Jr..ics'), 'utf8')).toContain('BEGIN:VCALENDAR');
    // Unusable AGENTS.csv: every fault named.
    await expect(
      runSchedule({
        requirements: file('tq-eu2.csv', requirements('2027-01-04', 60, required)),
        rules,
        output,
        agents: file('bad-agents.csv', 'name,days,nights\nAda,Funday,maybe\nAda,,\n'),
      }),
    ).rejects.toThrow(/column days[\s\S]*column nights[\s\S]*listed twice/);
  });

  it('the plain and the difference form of the model reach the same optimum', async () => {
    // Required agents on a cyclic day of half-hours, shifts of 4 h and 8 h with a meal.
    const required = Array.from({ length: 48 }, (_, q) => [1, 1, 2, 3, 5, 4, 3, 2][Math.floor(q / 6)]!);
    const candidates = shiftCandidates(eightAndFourHourRules('cyclic', 30), 48, 30);
    const plain = await solveSchedule(required, candidates, true, {
      timeLimitSec: 20,
      form: 'plain',
      clock: 'cpu',
    });
    // The limit counts CPU, so a busy machine does not cut either solve short of its optimum.
    const difference = await solveSchedule(required, candidates, true, { timeLimitSec: 20, clock: 'cpu' });
    expect(plain.solver).toBe('highs');
    expect(difference.paidPeriods).toBe(plain.paidPeriods);
    expect(difference.lowerBound).toBe(plain.lowerBound);
  });

  it('no shift the rules allow: the greedy fallback reports the shortfall', async () => {
    const rules = file(
      'closed.json',
      JSON.stringify({
        shiftTypes: [hoursShift(4)],
        startGridMin: 60,
        mode: 'horizon',
        openingHours: { openMin: 600, closeMin: 720 },
      }),
    );
    const report = await runSchedule({
      requirements: file('q1.csv', requirements('2027-01-04', 60, new Array(24).fill(1))),
      rules,
      output: join(dir, 'none.csv'),
    });
    expect(report.solver).toBe('greedy');
    expect(report.note).toBe('no shift the rules allow');
    expect(report.intervals.filter((i) => i.shortfall > 0)).toHaveLength(24);
  });

  it('through the command table: a bad rule exits 2 naming its JSON path', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void errors.push(parts.join(' ')));
    const program = new Command('shoreline').exitOverride();
    registerPlanCommands(program);
    const rules = file('bad.json', JSON.stringify({ ...RULES, startGridMin: 20 }));
    const req = file('q2.csv', requirements('2027-01-04', 60, new Array(24).fill(1)));
    await program.parseAsync(
      ['schedule', '--requirements', req, '--rules', rules, '--output', join(dir, 'x.csv')],
      { from: 'user' },
    );
    expect(process.exitCode).toBe(2);
    expect(errors.join('\n')).toContain('startGridMin: must be a whole number of minutes from 60 to 1440');
  });
});
