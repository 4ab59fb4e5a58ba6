// A saved plan's shifts staffed by its named agents: core's assignment (decision 0050) per provider,
// each provider's shifts to its own agents, the labour rules of the plan.
import { type Agent, type ResolvedLabour, type Shift, scheduleShifts } from '@shoreline/core/schedule/index';
import { WEEKDAYS } from '../../identity/index.js';
import { solveRotation } from '../rotation-solver.js';
import type { PlanAgent, SavedPlanInput, SavedPlanResult } from './schemas.js';

type Roster = NonNullable<SavedPlanResult['roster']>;

/** The index of the provider an agent works for: by id, then by name; the first when not named; −1 unknown. */
export function providerOf(
  agent: Pick<PlanAgent, 'provider'>,
  providers: SavedPlanInput['providers'],
): number {
  if (agent.provider === undefined) return 0;
  const byId = providers.findIndex((p) => p.id === agent.provider);
  if (byId >= 0) return byId;
  const wanted = agent.provider.trim().toLowerCase();
  return providers.findIndex((p) => p.name.trim().toLowerCase() === wanted);
}

/**
 * What is wrong with a plan's agents before it is built: a name listed twice, a provider that is
 * not one of the plan's. @returns the field at fault and why, or null.
 */
export function agentsProblem(input: SavedPlanInput): { field: string; message: string } | null {
  const seen = new Set<string>();
  for (const [i, a] of (input.agents ?? []).entries()) {
    if (seen.has(a.name)) return { field: `agents.${i}.name`, message: `"${a.name}" is listed twice` };
    seen.add(a.name);
    if (providerOf(a, input.providers) < 0)
      return { field: `agents.${i}.provider`, message: `"${a.provider}" is not one of the plan’s providers` };
  }
  return null;
}

/** An agent of the API as core's {@link Agent}: weekdays from Monday, hours in minutes, counters before. */
function coreAgent(a: PlanAgent): Agent {
  return {
    name: a.name,
    ...(a.days ? { days: a.days.map((d) => WEEKDAYS.indexOf(d)) } : {}),
    ...(a.nights === false ? { nights: false } : {}),
    ...(a.maxHours === undefined ? {} : { maxWeekMin: Math.round(a.maxHours * 60) }),
    ...(a.prefers?.length ? { prefers: a.prefers } : {}),
    ...(a.nightsBefore || a.weekendsBefore
      ? { history: { nights: a.nightsBefore ?? 0, weekends: a.weekendsBefore ?? 0 } }
      : {}),
  };
}

const localStamp = (ms: number) => new Date(ms).toISOString().slice(0, 16);

/**
 * Each provider's shifts (`counts` of `candidates`, one-off horizon) assigned to the agents working
 * for it (core's assignShifts: their days, nights and weekly hours, the rest between shifts and the
 * nights a week of `labour`, nights and weekends rotated fairly; then, where that misses its
 * fairness bound, HiGHS's integer program for at most `timeLimitSec`: {@link solveRotation}, run in
 * the build's worker thread). A shift no agent can take stays with `agent` null and is counted; a
 * provider without agents leaves all its shifts so. `fairness`: each provider's spread, bound and
 * whether it is proven.
 */
export async function rosterOf(
  input: SavedPlanInput,
  schedules: readonly { readonly counts: readonly number[] }[],
  candidates: readonly Shift[],
  o: {
    forecastStartMs: number;
    stepMin: number;
    periods: number;
    labour: ResolvedLabour;
    timeLimitSec: number;
  },
): Promise<Roster> {
  const agents = input.agents ?? [];
  const stepMs = o.stepMin * 60_000;
  const out: Roster = { agents: [], shifts: [], unassigned: 0, fairness: [] };
  for (const [p, provider] of input.providers.entries()) {
    const mine = agents.filter((a) => providerOf(a, input.providers) === p);
    const shifts = scheduleShifts(schedules[p]?.counts ?? [], candidates);
    const rules = {
      stepMin: o.stepMin,
      periods: o.periods,
      cyclic: false,
      // Core counts weekdays from Monday (0); getUTCDay from Sunday.
      firstWeekday: (new Date(o.forecastStartMs).getUTCDay() + 6) % 7,
      labour: o.labour,
    };
    const assignment = await solveRotation(shifts, mine.map(coreAgent), rules, {
      timeLimitSec: o.timeLimitSec,
    });
    const f = assignment.fairness;
    out.fairness!.push({
      provider: provider.id,
      spread: f.spread,
      bound: f.bound,
      proven: f.proven,
      nights: f.nights,
      weekends: f.weekends,
      solver: assignment.solver,
    });
    out.unassigned += assignment.unassigned;
    for (const load of assignment.loads)
      out.agents.push({
        name: load.name,
        provider: provider.id,
        shifts: load.shifts,
        paidHours: load.paidMin / 60,
        nights: load.nights,
        weekends: load.weekends,
        unpreferred: load.unpreferred,
      });
    shifts.forEach((s, i) => {
      const begin = o.forecastStartMs + s.start * stepMs;
      const meal = s.mealOffset === undefined ? null : begin + s.mealOffset * stepMs;
      out.shifts.push({
        agent: mine[assignment.agentOf[i]!]?.name ?? null,
        provider: provider.id,
        type: s.type,
        day: localStamp(begin).slice(0, 10),
        start: localStamp(begin).slice(11),
        end: localStamp(begin + s.length * stepMs).slice(11),
        mealStart: meal === null ? null : localStamp(meal).slice(11),
        mealEnd: meal === null ? null : localStamp(meal + s.mealLength * stepMs).slice(11),
      });
    });
  }
  out.shifts.sort(
    (a, b) =>
      `${a.day}${a.start}`.localeCompare(`${b.day}${b.start}`) ||
      (a.agent ?? '\uffff').localeCompare(b.agent ?? '\uffff'),
  );
  return out;
}
