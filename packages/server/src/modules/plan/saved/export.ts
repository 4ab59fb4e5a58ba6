// What a saved plan's shifts export holds: the whole schedule (one row per shift, or per staffed
// shift when the plan has named agents) or one agent's shifts, for core's CSV and iCalendar writers.
import type { ScheduledShiftRow } from '@shoreline/core/schedule/index';
import { notFound } from '../../../platform/http/problem.js';
import type { SavedPlan } from './schemas.js';

export interface ShiftExport {
  readonly rows: ScheduledShiftRow[];
  /** Makes each iCalendar UID unique and stable: the plan's id, and the agent's place in the roster. */
  readonly calendarId: string;
  /** The calendar's name. */
  readonly name: string;
  /** The download's name without its extension (letters, digits, dot, dash and underscore). */
  readonly fileName: string;
}

const safeFileName = (text: string) => text.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80);

/**
 * The rows of a built plan's export. Without `agent`: every shift, each named agent's on its own
 * row when the plan has a roster. With `agent`: that agent's shifts, each summarised by provider and
 * shift type (what a calendar shows), the calendar named after the plan and the agent.
 * @throws {AppError} 404 for an agent the plan does not staff (or a plan without agents).
 */
export function shiftExport(plan: SavedPlan, agent: string | undefined): ShiftExport {
  const r = plan.result!;
  const providerName = new Map(r.providers.map((p) => [p.id, p.name]));
  if (agent === undefined) {
    const rows: ScheduledShiftRow[] = r.roster
      ? r.roster.shifts.map((s) => ({
          provider: providerName.get(s.provider) ?? s.provider,
          day: s.day,
          start: s.start,
          end: s.end,
          mealStart: s.mealStart,
          count: 1,
          agent: s.agent,
        }))
      : r.providers.flatMap((p) => p.shifts.map((s) => ({ ...s, provider: p.name })));
    return { rows, calendarId: plan.id, name: plan.name, fileName: `plan-${plan.id}-shifts` };
  }
  const at = r.roster?.agents.findIndex((a) => a.name === agent) ?? -1;
  if (at < 0) throw notFound('agent');
  const rows = r.roster!.shifts.flatMap((s) =>
    s.agent === agent
      ? [
          {
            provider: `${providerName.get(s.provider) ?? s.provider} · ${s.type}`,
            day: s.day,
            start: s.start,
            end: s.end,
            mealStart: s.mealStart,
            count: 1,
          },
        ]
      : [],
  );
  return {
    rows,
    calendarId: `${plan.id}-agent-${at}`,
    name: `${plan.name} — ${agent}`,
    fileName: `plan-${plan.id}-${safeFileName(agent)}`,
  };
}
