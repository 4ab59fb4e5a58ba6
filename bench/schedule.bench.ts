// Shift scheduling (issue 15, must-show 2): requirements from intervals_year.csv staffed by Plan
// (Erlang C, its SL/occupancy/shrinkage columns), scheduled at least paid hours by HiGHS in a worker
// thread (`shoreline schedule`'s solver): independent daily shifts, then weekly tours. The limit counts
// CPU and the local searches count rounds, so the answers do not depend on the machine's load.
// Run by bench/run.ts: `npm run bench -- schedule` (SCHEDULE_CASES=small | tours | tours-small).
import { cpus, loadavg } from 'node:os';
import { type ScheduleRules, scheduledCoverage, shiftCandidates, tourSet } from '@shoreline/core';
import { solveSchedule, solveTourSchedule } from '../packages/server/src/modules/plan/schedule-solver.js';
import { dayIndexIn, readIntervalsYear, staffingOf, type YearInterval } from './intervals-year.js';

const rows = readIntervalsYear('schedule benchmark');
const staff = (r: YearInterval, scale = 1) => staffingOf(r, scale).scheduledAgents;
const dayIndex = (date: string) => dayIndexIn(rows, date);
const weekFrom = (date: string) => rows.slice(dayIndex(date) * 96, (dayIndex(date) + 7) * 96);

const MEAL = { lengthMin: 30, earliestAfterStartMin: 150, latestBeforeEndMin: 120, gridMin: 15 };
const base: ScheduleRules = {
  shiftTypes: [
    { name: '8h', lengthMin: 480, meal: MEAL },
    { name: '6h', lengthMin: 360 },
    { name: '4h', lengthMin: 240 },
  ],
  startGridMin: 30,
  mode: 'cyclic',
};
const businessHours: ScheduleRules = {
  ...base,
  mode: 'horizon',
  openingHours: { openMin: 480, closeMin: 1080 },
};

// A normal week: Monday 2025-04-07; a week with a holiday: Christmas 2025 (Thursday), Monday 2025-12-22.
const cases: { name: string; required: number[]; rules: ScheduleRules }[] = [
  {
    name: 'a day (Mon 2025-04-07), one-off horizon',
    required: weekFrom('2025-04-07')
      .slice(0, 96)
      .map((r) => staff(r)),
    rules: { ...base, mode: 'horizon' },
  },
  {
    name: 'normal 24/7 week (from Mon 2025-04-07), cyclic',
    required: weekFrom('2025-04-07').map((r) => staff(r)),
    rules: base,
  },
  {
    name: 'week with a holiday (from Mon 2025-12-22), cyclic',
    required: weekFrom('2025-12-22').map((r) => staff(r)),
    rules: base,
  },
  {
    name: 'small 24/7 team (5 % of the volume, ≥ 1 agent at night), cyclic',
    required: weekFrom('2025-04-07').map((r) => Math.max(1, staff(r, 0.05))),
    rules: base,
  },
  {
    name: 'business-hours week (08:00–18:00), one-off horizon',
    required: weekFrom('2025-04-07').map((r) => {
      const minute = Number(r.start.slice(11, 13)) * 60 + Number(r.start.slice(14, 16));
      return minute >= 480 && minute < 1080 ? staff(r) : 0;
    }),
    rules: businessHours,
  },
];

console.log(
  `Machine: ${cpus()[0]?.model ?? 'unknown'} · Node ${process.version} · limit 50 s of CPU for everything (LP, dive, local search, iterated local search 300 rounds (SCHEDULE_ROUNDS) whatever the clock, restricted MIP, MIP); stop within 0.5 % of the bound (tours: 1.2 %, 10 rounds of tour local search, SCHEDULE_TOUR_ROUNDS) · load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}\n`,
);
console.log(
  '| case | periods | candidates | solver | paid hours | LP bound | gap | short intervals | wall | CPU |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
// SCHEDULE_CASES=tours runs the tour table alone; SCHEDULE_CASES=small the small team alone.
const only = process.env.SCHEDULE_CASES?.endsWith('small')
  ? (name: string) => name.startsWith('small')
  : () => true;
for (const c of process.env.SCHEDULE_CASES?.startsWith('tours') ? [] : cases.filter((c) => only(c.name))) {
  const candidates = shiftCandidates(c.rules, c.required.length, 15);
  const cyclic = c.rules.mode === 'cyclic';
  // CPU of the whole process (main thread and HiGHS's worker thread): the figure that does not depend
  // on the other work sharing the machine's cores.
  const cpu0 = process.cpuUsage();
  // SCHEDULE_ROUNDS=N: N rounds of iterated local search whatever the wall clock, for a CPU figure
  // that does not depend on the machine's load.
  const rounds = process.env.SCHEDULE_ROUNDS ? Number(process.env.SCHEDULE_ROUNDS) : 300;
  const solution = await solveSchedule(c.required, candidates, cyclic, {
    timeLimitSec: 50,
    clock: 'cpu',
    acceptGap: 0.005,
    iterate: true,
    iterateRounds: rounds,
  });
  const cpu = process.cpuUsage(cpu0);
  const coverage = scheduledCoverage(solution.counts, candidates, c.required.length, cyclic);
  const short = c.required.filter((r, q) => coverage[q]! < r).length;
  console.log(
    `| ${c.name} | ${c.required.length} | ${candidates.length} | ${solution.solver}${solution.note ? ` (${solution.note})` : ''} | ${(solution.paidPeriods / 4).toFixed(2)} | ${(solution.lowerBound / 4).toFixed(2)} | ${(100 * solution.gap).toFixed(2)} % | ${short} | ${(solution.wallMs / 1000).toFixed(1)} s | ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s |`,
  );
}

// Weekly tours: full-time 5 × 8 h (2 days off in a row) and 4 × 10 h (3 off), each day's meal placed
// freely in its window; part-time 4 h shifts stay free daily shifts (the mix).
const tourRules: ScheduleRules = {
  shiftTypes: [
    { name: '8h', lengthMin: 480, meal: MEAL },
    { name: '10h', lengthMin: 600, meal: { ...MEAL, gridMin: 30 } },
    { name: '4h', lengthMin: 240 },
  ],
  startGridMin: 30,
  mode: 'cyclic',
  tours: [
    { shiftType: '8h', daysOn: 5 },
    { shiftType: '10h', daysOn: 4 },
  ],
};
console.log(
  '\nWeekly tours (5 × 8 h with 2 days off, 4 × 10 h with 3 off, in a row) and free 4 h part-time shifts:\n',
);
console.log(
  '| case | candidates | tours | solver | paid hours | LP bound | gap | short intervals | agents on tours | wall | CPU |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const c of cases.slice(1).filter((c) => only(c.name))) {
  const rules: ScheduleRules = c.rules.openingHours
    ? { ...tourRules, openingHours: c.rules.openingHours }
    : tourRules;
  const candidates = shiftCandidates(rules, c.required.length, 15);
  const set = tourSet(rules, candidates, 96);
  const cpu0 = process.cpuUsage();
  const solution = await solveTourSchedule(c.required, candidates, set, {
    timeLimitSec: 50,
    clock: 'cpu',
    acceptGap: 0.012,
    iterate: true,
    iterateRounds: process.env.SCHEDULE_TOUR_ROUNDS ? Number(process.env.SCHEDULE_TOUR_ROUNDS) : 10,
  });
  const cpu = process.cpuUsage(cpu0);
  const coverage = scheduledCoverage(solution.counts, candidates, c.required.length, true);
  const short = c.required.filter((r, q) => coverage[q]! < r).length;
  console.log(
    `| ${c.name.replace(/, (cyclic|one-off horizon)$/, '')} | ${candidates.length} | ${set.tours.length} | ${solution.solver}${solution.note ? ` (${solution.note})` : ''} | ${(solution.paidPeriods / 4).toFixed(2)} | ${(solution.lowerBound / 4).toFixed(2)} | ${(100 * solution.gap).toFixed(2)} % | ${short} | ${(solution.tourCounts ?? []).reduce((a, b) => a + b, 0)} | ${(solution.wallMs / 1000).toFixed(1)} s | ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s |`,
  );
}
