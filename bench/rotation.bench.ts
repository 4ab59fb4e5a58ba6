// Fair rotation of nights and weekends (issue 15 Plan II, decision 0062): named agents staffed week by
// week (history carried on), core's assignment and its flow bound, then HiGHS's integer program where
// the bound is missed. Requirements as in the schedule bench (intervals_year.csv, Erlang C with the
// file's targets, volume scaled so the shifts take 80 % of the team's hours, ≥ 1 agent at all times;
// agents before shrinkage, which alone would put two on every night of a small team); shifts by
// core's greedy (their cost is not measured here). Run by bench/run.ts: `npm run bench -- rotation` (ROTATION_WEEKS, ROTATION_LIMIT).
import { cpus, loadavg } from 'node:os';
import {
  type Agent,
  assignShifts,
  greedySchedule,
  paidPeriods,
  resolveLabour,
  rotationFacts,
  rotationModelLp,
  type ScheduleRules,
  scheduleShifts,
  shiftCandidates,
} from '@shoreline/core';
import { solveRotation } from '../packages/server/src/modules/plan/rotation-solver.js';
import { dayIndexIn, readIntervalsYear, staffingOf, type YearInterval } from './intervals-year.js';

const rows = readIntervalsYear('rotation benchmark');
const staff = (r: YearInterval, scale: number) => Math.max(1, staffingOf(r, scale).rawAgents);
const dayIndex = (date: string) => dayIndexIn(rows, date);

const MEAL = { lengthMin: 30, earliestAfterStartMin: 150, latestBeforeEndMin: 120, gridMin: 15 };
// The schedule bench's shift types, each week its own one-off horizon (the rotation carries on by
// history): full-time 8 h shifts (30 min meal) starting every hour, or its mix of 8, 6 and 4 h
// starting every 30 min.
const labourRules = { preset: 'EU' as const, maxNightShiftsPerWeek: 4 };
const RULES: Record<'8h' | 'mixed', ScheduleRules> = {
  '8h': {
    shiftTypes: [{ name: '8h', lengthMin: 480, meal: MEAL }],
    startGridMin: 60,
    mode: 'horizon',
    labour: labourRules,
  },
  mixed: {
    shiftTypes: [
      { name: '8h', lengthMin: 480, meal: MEAL },
      { name: '6h', lengthMin: 360 },
      { name: '4h', lengthMin: 240 },
    ],
    startGridMin: 30,
    mode: 'horizon',
    labour: labourRules,
  },
};
const labour = resolveLabour(RULES['8h']);
const CANDIDATES = {
  '8h': shiftCandidates(RULES['8h'], 7 * 96, 15),
  mixed: shiftCandidates(RULES.mixed, 7 * 96, 15),
};
let candidates = CANDIDATES['8h'];
const weekShifts = (monday: number, scale: number) =>
  greedySchedule(
    rows.slice(monday * 96, (monday + 7) * 96).map((r) => staff(r, scale)),
    candidates,
    false,
  );
const paidHours = (counts: readonly number[]) =>
  counts.reduce((s, c, i) => s + c * paidPeriods(candidates[i]!), 0) / 4;

/** A team of n: every fifth works no nights, every fourth (from the second) weekdays only, every sixth (from the third) part-time 20 h; the rest at most 40 h. */
const team = (n: number): Agent[] =>
  Array.from({ length: n }, (_, k) => ({
    name: `A${k}`,
    ...(k % 5 === 0 ? { nights: false } : {}),
    ...(k % 4 === 1 ? { days: [0, 1, 2, 3, 4] } : {}),
    maxWeekMin: k % 6 === 2 ? 1200 : 2400,
  }));
/** The volume scale whose first week's greedy shifts come nearest `hours` paid hours (bisection). */
function scaleFor(monday: number, hours: number): number {
  let lo = 0.001;
  let hi = 0.3;
  for (let i = 0; i < 12; i++) {
    const mid = (lo + hi) / 2;
    if (paidHours(weekShifts(monday, mid)) < hours) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

const weeks = Number(process.env.ROTATION_WEEKS ?? 26);
const limitSec = Number(process.env.ROTATION_LIMIT ?? 10);
const firstMonday = dayIndex('2025-03-03');
const cases = [
  { name: '8 agents, 8 h', agents: 8, weeks, types: '8h' as const },
  { name: '12 agents, 8 h', agents: 12, weeks, types: '8h' as const },
  { name: '15 agents, 8 h', agents: 15, weeks, types: '8h' as const },
  { name: '12 agents, 8/6/4 h', agents: 12, weeks, types: 'mixed' as const },
  { name: '60 agents, 8 h', agents: 60, weeks: 1, types: '8h' as const },
  { name: '60 agents, 8/6/4 h', agents: 60, weeks: 1, types: 'mixed' as const },
];

console.log(
  `Machine: ${cpus()[0]?.model ?? 'unknown'} · Node ${process.version} · EU labour rules (11 h rest), at most 4 nights a week · HiGHS ${limitSec} s of CPU per week where the bound is missed · load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}\n`,
);
console.log(
  '| team | weeks | shifts a week (paid h) | unassigned | proven (heuristic + flow bound) | proven (after HiGHS) | fairer by HiGHS (paid-hours spread of the full-timers before → after) | spread − bound, heuristic (mean / max) | after HiGHS (mean / max) | CPU assign + bound (mean / max) | CPU HiGHS (mean / max) |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
const cpuSec = (from: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1e6;
};
for (const c of cases) {
  candidates = CANDIDATES[c.types];
  // Paid hours at 80 % of the team's (a 40 h full-time week; part-timers count 20 h).
  const agents0 = team(c.agents);
  const capacity = agents0.reduce((s, a) => s + (a.maxWeekMin ?? 2400) / 60, 0);
  const scale = scaleFor(firstMonday, 0.8 * capacity);
  const history = agents0.map(() => ({ nights: 0, weekends: 0 }));
  const r = {
    shifts: 0,
    paid: 0,
    unassigned: 0,
    provenHeuristic: 0,
    proven: 0,
    fairer: 0,
    gapH: [] as number[],
    gap: [] as number[],
    cpuA: [] as number[],
    cpuH: [] as number[],
    paidSpread: [] as string[],
  };
  for (let w = 0; w < c.weeks; w++) {
    const monday = firstMonday + 7 * w;
    const shifts = scheduleShifts(weekShifts(monday, scale), candidates);
    const agents = agents0.map((a, k) => ({ ...a, history: { ...history[k]! } }));
    const o = { stepMin: 15, periods: 7 * 96, cyclic: false, firstWeekday: 0, labour };
    const t0 = process.cpuUsage();
    const heuristic = assignShifts(shifts, agents, o);
    r.cpuA.push(cpuSec(t0));
    const t1 = process.cpuUsage();
    const solved = await solveRotation(shifts, agents, o, {
      timeLimitSec: limitSec,
      clock: 'cpu',
      heuristic,
    });
    if (!heuristic.fairness.proven) r.cpuH.push(cpuSec(t1));
    r.shifts += shifts.length;
    r.paid += shifts.reduce((h, s) => h + paidPeriods(s) / 4, 0);
    r.unassigned += solved.unassigned;
    if (heuristic.fairness.proven) r.provenHeuristic++;
    if (solved.fairness.proven) r.proven++;
    if (solved.fairness.spread < heuristic.fairness.spread) {
      r.fairer++;
      // The program does not look at paid hours: how far apart the full-timers' end up, before and after.
      const paidSpread = (loads: readonly { paidMin: number }[]) => {
        const full = loads.filter((_, k) => agents[k]!.maxWeekMin === 2400).map((l) => l.paidMin);
        return (Math.max(...full) - Math.min(...full)) / 60;
      };
      r.paidSpread.push(`${paidSpread(heuristic.loads)} → ${paidSpread(solved.loads)} h`);
    }
    r.gapH.push(heuristic.fairness.spread - heuristic.fairness.bound);
    r.gap.push(solved.fairness.spread - solved.fairness.bound);
    solved.loads.forEach((l, k) => {
      history[k]!.nights += l.nights;
      history[k]!.weekends += l.weekends;
    });
    if (process.env.ROTATION_VERBOSE)
      console.error(
        `${c.name} week ${w + 1}: heuristic ${heuristic.fairness.spread}/${heuristic.fairness.bound}, then ${solved.fairness.spread}/${solved.fairness.bound} (${solved.solver}: ${solved.note})`,
      );
  }
  const mean = (v: readonly number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0);
  const mm = (v: readonly number[], digits: number) =>
    v.length ? `${mean(v).toFixed(digits)} / ${Math.max(...v).toFixed(digits)}` : '—';
  console.log(
    `| ${c.name} | ${c.weeks} | ${Math.round(r.shifts / c.weeks)} (${Math.round(r.paid / c.weeks)}) | ${r.unassigned} | ${r.provenHeuristic} / ${c.weeks} | ${r.proven} / ${c.weeks} | ${r.fairer}${r.paidSpread.length ? ` (${r.paidSpread.join('; ')})` : ''} | ${mm(r.gapH, 2)} | ${mm(r.gap, 2)} | ${mm(r.cpuA, 2)} s | ${mm(r.cpuH, 1)} s |`,
  );
}

// The integer program's own cost, solved even where the heuristic reached the bound: the 60-agent
// weeks and each small team's first week.
console.log('\nThe integer program solved on every roster (even one the flow bound already proves):\n');
console.log('| team | columns of the program | answer | CPU HiGHS |');
console.log('| --- | --- | --- | --- |');
for (const c of cases) {
  candidates = CANDIDATES[c.types];
  const agents = team(c.agents);
  const capacity = agents.reduce((s, a) => s + (a.maxWeekMin ?? 2400) / 60, 0);
  const shifts = scheduleShifts(weekShifts(firstMonday, scaleFor(firstMonday, 0.8 * capacity)), candidates);
  const o = { stepMin: 15, periods: 7 * 96, cyclic: false, firstWeekday: 0, labour };
  const facts = rotationFacts(shifts, agents, o);
  const heuristic = assignShifts(shifts, agents, o);
  const staffed = facts.units.map((unit) => heuristic.agentOf[unit[0]!]! >= 0);
  const columns = rotationModelLp(facts, staffed, o).columns.length;
  const t = process.cpuUsage();
  const solved = await solveRotation(shifts, agents, o, {
    timeLimitSec: limitSec,
    clock: 'cpu',
    heuristic,
    always: true,
  });
  console.log(
    `| ${c.name} (week 1) | ${columns} | spread ${solved.fairness.spread}, bound ${solved.fairness.bound}: ${solved.note} | ${cpuSec(t).toFixed(1)} s |`,
  );
}
