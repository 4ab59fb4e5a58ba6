// `shoreline schedule`: REQ.csv (interval_start,required) + RULES.json → SHIFTS.csv (one row per shift:
// day,start,end,type,meal_start,meal_end) and a summary (paid hours, shortfall and surplus per interval,
// bound, gap) on stdout, or as JSON with --json.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type AgentLoad,
  type Fairness,
  resolveLabour,
  ScheduleInputError,
  type Shift,
  type ShiftToAssign,
  scheduledCoverage,
  scheduleICalendar,
  scheduleShifts,
  shiftCandidates,
  tourSet,
  validateRules,
} from '@shoreline/core/schedule/index';
import { solveRotation } from '../rotation-solver.js';
import { type ScheduleSolution, solveSchedule, solveTourSchedule } from '../schedule-solver.js';
import { parseAgents } from './agents-csv.js';
import { ForecastFileError, formatLocalTimestamp, parseLocalTimestamp } from './forecast-csv.js';

export interface ScheduleRunOptions {
  requirements: string;
  rules: string;
  output: string;
  timeLimitSec?: number | undefined;
  /** AGENTS.csv: assign the shifts to these named agents (SHIFTS.csv gains an `agent` column). */
  agents?: string | undefined;
  /** With `agents`: write one iCalendar file per agent into this directory. */
  calendars?: string | undefined;
}

export interface ScheduleReport {
  readonly solver: ScheduleSolution['solver'];
  readonly note?: string | undefined;
  readonly paidHours: number;
  readonly lowerBoundHours: number;
  readonly gap: number;
  readonly shifts: number;
  /** Agents on weekly tours (RULES.json with `tours`). */
  readonly tourAgents?: number | undefined;
  readonly wallMs: number;
  /** With --agents: each agent's load and the shifts no agent could take under the rules. */
  readonly agents?:
    | {
        readonly unassigned: number;
        readonly loads: readonly AgentLoad[];
        /** Spread of nights + weekend shifts, the least any roster of those shifts reaches, whether reached. */
        readonly fairness: Fairness;
        /** Who gave the roster (core's heuristic, or HiGHS where the heuristic missed the bound) and how. */
        readonly rotation: { readonly solver: 'heuristic' | 'highs'; readonly note: string };
      }
    | undefined;
  /** Per interval: required, scheduled, shortfall, surplus. */
  readonly intervals: {
    interval_start: string;
    required: number;
    scheduled: number;
    shortfall: number;
    surplus: number;
  }[];
}

async function read(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new ForecastFileError(`cannot read ${file}: ${(err as Error).message}`);
  }
}

/** REQ.csv: interval_start,required from a midnight, at one step of 5, 15, 30 or 60 minutes, no gaps, whole days. */
export function parseRequirements(text: string, file = 'REQ.csv') {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const columns = (lines[0] ?? '').split(',').map((c) => c.trim().toLowerCase());
  const at = columns.indexOf('interval_start');
  const req = columns.indexOf('required');
  if (at < 0 || req < 0)
    throw new ForecastFileError(`${file}: the header must have the columns interval_start,required`);
  const problems: string[] = [];
  const stamps: number[] = [];
  const required: number[] = [];
  let style = { separator: 'T' as 'T' | ' ', seconds: false };
  lines.slice(1).forEach((line, i) => {
    const cells = line.split(',').map((c) => c.trim());
    const stamp = parseLocalTimestamp(cells[at] ?? '');
    const value = Number(cells[req] ?? '');
    if (typeof stamp === 'string') problems.push(`row ${i + 2}, column interval_start: ${stamp}`);
    else {
      stamps.push(stamp.ms);
      style = stamp.style;
    }
    if (!(cells[req] !== '' && Number.isFinite(value) && value >= 0))
      problems.push(`row ${i + 2}, column required: "${cells[req] ?? ''}" is not a number ≥ 0`);
    required.push(value);
  });
  if (problems.length > 0)
    throw new ForecastFileError(`${file}: rows the scheduler cannot use`, problems.slice(0, 20));
  if (stamps.length < 2) throw new ForecastFileError(`${file}: fewer than two intervals`);
  const stepMin = (stamps[1]! - stamps[0]!) / 60_000;
  if (![5, 15, 30, 60].includes(stepMin))
    throw new ForecastFileError(`${file}: the step is ${stepMin} minutes; it must be 5, 15, 30 or 60`);
  if (stamps[0]! % 86_400_000 !== 0)
    throw new ForecastFileError(`${file}: the first interval must start at midnight`);
  for (let i = 1; i < stamps.length; i++)
    if (stamps[i]! - stamps[i - 1]! !== stepMin * 60_000)
      throw new ForecastFileError(
        `${file}: row ${i + 2}: interval_start is not ${stepMin} minutes after the row before (no gaps, in order)`,
      );
  if (stamps.length % (1440 / stepMin) !== 0)
    throw new ForecastFileError(`${file}: the intervals must cover whole days`);
  return { originMs: stamps[0]!, stepMin, required, style };
}

const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);

/** SHIFTS.csv rows, one per shift. */
export function shiftRows(
  counts: readonly number[],
  candidates: readonly Shift[],
  originMs: number,
  stepMin: number,
): string[] {
  const rows = ['day,start,end,type,meal_start,meal_end'];
  const step = stepMin * 60_000;
  counts.forEach((c, i) => {
    const s = candidates[i]!;
    const start = originMs + s.start * step;
    const meal =
      s.mealOffset === undefined
        ? ['', '']
        : [hhmm(start + s.mealOffset * step), hhmm(start + (s.mealOffset + s.mealLength) * step)];
    const row = `${new Date(start).toISOString().slice(0, 10)},${hhmm(start)},${hhmm(start + s.length * step)},${s.type},${meal[0]},${meal[1]}`;
    for (let k = 0; k < c; k++) rows.push(row);
  });
  return rows;
}

/** SHIFTS.csv rows of staffed shifts: the columns of {@link shiftRows} and the agent's name (blank: nobody). */
export function staffedShiftRows(
  shifts: readonly ShiftToAssign[],
  names: readonly (string | undefined)[],
  originMs: number,
  stepMin: number,
): string[] {
  const rows = ['day,start,end,type,meal_start,meal_end,agent'];
  shifts.forEach((s, i) => {
    const [row] = shiftRows([1], [s], originMs, stepMin).slice(1);
    const name = names[i] ?? '';
    rows.push(`${row},${/[",\r\n]/.test(name) ? `"${name.replaceAll('"', '""')}"` : name}`);
  });
  return rows;
}

/** A file name for an agent's calendar: letters, digits, dot, dash and underscore; the rest as _. */
export const calendarFileName = (name: string) =>
  `${name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80)}.ics`;

/** Runs the scheduler, writes SHIFTS.csv and returns the report. @throws {ForecastFileError} unusable input. */
export async function runSchedule(options: ScheduleRunOptions): Promise<ScheduleReport> {
  const parsed = parseRequirements(await read(options.requirements), options.requirements);
  let rulesJson: unknown;
  try {
    rulesJson = JSON.parse(await read(options.rules));
  } catch (err) {
    if (err instanceof ForecastFileError) throw err;
    throw new ForecastFileError(`${options.rules} is not valid JSON: ${(err as Error).message}`);
  }
  let rules: ReturnType<typeof validateRules>;
  try {
    rules = validateRules(rulesJson, parsed.stepMin);
  } catch (err) {
    if (err instanceof ScheduleInputError) throw new ForecastFileError(`${options.rules}: ${err.message}`);
    throw err;
  }
  const cyclic = rules.mode === 'cyclic';
  const periods = parsed.required.length;
  const candidates = shiftCandidates(rules, periods, parsed.stepMin);
  const perDay = 1440 / parsed.stepMin;
  if (rules.tours && periods !== 7 * perDay)
    throw new ForecastFileError(
      `${options.requirements}: weekly tours need exactly 7 days of intervals; the file has ${periods / perDay}`,
    );
  const set = rules.tours ? tourSet(rules, candidates, perDay) : undefined;
  const solution = set
    ? await solveTourSchedule(parsed.required, candidates, set, {
        timeLimitSec: options.timeLimitSec ?? 60,
        acceptGap: 0.01,
        iterate: true,
      })
    : await solveSchedule(parsed.required, candidates, cyclic, {
        timeLimitSec: options.timeLimitSec ?? 60,
        iterate: true,
      });
  let staffed: ScheduleReport['agents'];
  if (options.agents) {
    const agents = parseAgents(await read(options.agents), options.agents);
    const shifts = scheduleShifts(
      solution.counts,
      candidates,
      set && solution.tourCounts ? { set, tourCounts: solution.tourCounts } : undefined,
    );
    // Core's assignment, then HiGHS where it misses the fairness bound (a quarter of the time limit,
    // at least 5 s; any failure keeps core's roster).
    const assignment = await solveRotation(
      shifts,
      agents,
      {
        stepMin: parsed.stepMin,
        periods,
        cyclic,
        firstWeekday: (new Date(parsed.originMs).getUTCDay() + 6) % 7,
        labour: resolveLabour(rules),
      },
      { timeLimitSec: Math.max(5, Math.round((options.timeLimitSec ?? 60) / 4)) },
    );
    const names = assignment.agentOf.map((k) => agents[k]?.name);
    await writeFile(
      options.output,
      `${staffedShiftRows(shifts, names, parsed.originMs, parsed.stepMin).join('\n')}\n`,
    );
    if (options.calendars) {
      await mkdir(options.calendars, { recursive: true });
      const step = parsed.stepMin * 60_000;
      for (const [k, agent] of agents.entries()) {
        const rows = shifts.flatMap((s, i) => {
          if (assignment.agentOf[i] !== k) return [];
          const start = parsed.originMs + s.start * step;
          return [
            {
              provider: `${agent.name} · ${s.type}`,
              day: new Date(start).toISOString().slice(0, 10),
              start: hhmm(start),
              end: hhmm(start + s.length * step),
              mealStart: s.mealOffset === undefined ? null : hhmm(start + s.mealOffset * step),
              count: 1,
            },
          ];
        });
        rows.sort((a, b) => `${a.day}${a.start}`.localeCompare(`${b.day}${b.start}`));
        await writeFile(
          join(options.calendars, calendarFileName(agent.name)),
          scheduleICalendar(rows, {
            calendarId: `schedule-${calendarFileName(agent.name).slice(0, -4)}`,
            name: agent.name,
            stampUtc: new Date(parsed.originMs).toISOString(),
          }),
        );
      }
    }
    staffed = {
      unassigned: assignment.unassigned,
      loads: assignment.loads,
      fairness: assignment.fairness,
      rotation: { solver: assignment.solver, note: assignment.note },
    };
  } else
    await writeFile(
      options.output,
      `${shiftRows(solution.counts, candidates, parsed.originMs, parsed.stepMin).join('\n')}\n`,
    );
  const coverage = scheduledCoverage(solution.counts, candidates, periods, cyclic);
  const hours = parsed.stepMin / 60;
  return {
    solver: solution.solver,
    note: solution.note,
    paidHours: solution.paidPeriods * hours,
    lowerBoundHours: solution.lowerBound * hours,
    gap: solution.gap,
    shifts: solution.counts.reduce((a, b) => a + b, 0),
    ...(solution.tourCounts ? { tourAgents: solution.tourCounts.reduce((a, b) => a + b, 0) } : {}),
    wallMs: solution.wallMs,
    ...(staffed ? { agents: staffed } : {}),
    intervals: parsed.required.map((r, q) => ({
      interval_start: formatLocalTimestamp(parsed.originMs + q * parsed.stepMin * 60_000, parsed.style),
      required: r,
      scheduled: coverage[q]!,
      shortfall: Math.max(0, Math.ceil(r) - coverage[q]!),
      surplus: Math.max(0, coverage[q]! - Math.ceil(r)),
    })),
  };
}

export function scheduleSummary(report: ScheduleReport, output: string): string {
  const short = report.intervals.filter((i) => i.shortfall > 0);
  const surplus = report.intervals.reduce((s, i) => s + i.surplus, 0);
  return [
    `wrote ${report.shifts} shifts${report.tourAgents !== undefined ? ` (${report.tourAgents} agents on weekly tours)` : ''} to ${output} (${report.solver}${report.note ? `: ${report.note}` : ''}, ${(report.wallMs / 1000).toFixed(1)} s)`,
    `paid hours ${report.paidHours.toFixed(2)}, lower bound ${Number.isFinite(report.lowerBoundHours) ? report.lowerBoundHours.toFixed(2) : '—'}, gap ${Number.isFinite(report.gap) ? `${(100 * report.gap).toFixed(2)} %` : '—'}`,
    `intervals short: ${short.length}${short.length ? ` (first ${short[0]!.interval_start}: ${short[0]!.shortfall})` : ''}; surplus agent-intervals: ${surplus}`,
    ...(report.agents
      ? [
          `agents: ${report.agents.loads.length}, shifts no agent can take under the rules: ${report.agents.unassigned}`,
          fairnessLine(report.agents.fairness, report.agents.rotation),
          ...report.agents.loads.map(
            (l) =>
              `  ${l.name}: ${l.shifts} shifts, ${(l.paidMin / 60).toFixed(1)} paid hours, ${l.nights} nights, ${l.weekends} weekend shifts${l.unpreferred ? `, ${l.unpreferred} not preferred` : ''}`,
          ),
        ]
      : []),
  ].join('\n');
}

/** The fairness line of the summary: spreads, the bound, and whether no roster can be fairer. */
export function fairnessLine(f: Fairness, rotation: { solver: string; note: string }): string {
  return `fairness: spread ${f.spread} (nights ${f.nights.spread}, weekends ${f.weekends.spread}), least possible ≥ ${f.bound} (nights ≥ ${f.nights.bound}, weekends ≥ ${f.weekends.bound}): ${f.proven ? 'proven fairest' : 'not proven'} (${rotation.solver}: ${rotation.note})`;
}
