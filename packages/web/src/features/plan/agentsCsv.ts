// AGENTS.csv (the `shoreline schedule --agents` file, with a provider column) read in the browser for
// a saved plan: name, provider, days, nights, max_hours, prefers, nights_before, weekends_before.
import { type SavedPlanInput, WEEKDAYS, type Weekday } from '@shoreline/server/contract';

type PlanAgent = NonNullable<SavedPlanInput['agents']>[number];
type ShiftType = NonNullable<PlanAgent['prefers']>[number];

const SHIFT_TYPES: readonly ShiftType[] = ['8h', '4h'];

/** One CSV line's cells (RFC 4180 quotes); null when a quote is left open. */
function cells(line: string): string[] | null {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  if (quoted) return null;
  out.push(cell.trim());
  return out;
}

/**
 * AGENTS.csv → the agents the API takes. `name` is required and unique; `provider` names the plan's
 * provider (its id or name; blank: the in-house team); `days` e.g. `Mon Tue Wed Thu Fri` (blank:
 * every day); `nights` yes/no; `max_hours` a week; `prefers` shift types (8h, 4h).
 * @returns the agents, or what is wrong: `header` (no name column) or `row` with its line number.
 */
export function parseAgents(
  text: string,
): PlanAgent[] | { problem: 'header' } | { problem: 'row'; row: number } {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const header = (cells(lines[0] ?? '') ?? []).map((h) => h.toLowerCase());
  const col = (name: string) => header.indexOf(name);
  if (col('name') < 0) return { problem: 'header' };
  const agents: PlanAgent[] = [];
  const seen = new Set<string>();
  for (const [i, line] of lines.slice(1).entries()) {
    const row = cells(line);
    const bad = { problem: 'row' as const, row: i + 2 };
    if (!row) return bad;
    const cell = (name: string) => (col(name) < 0 ? '' : (row[col(name)] ?? ''));
    const name = cell('name');
    if (name === '' || name.length > 100 || seen.has(name)) return bad;
    seen.add(name);
    const days = cell('days')
      .toLowerCase()
      .split(/[\s;]+/)
      .filter(Boolean)
      .map((d) => d.slice(0, 3) as Weekday);
    const nights = cell('nights').toLowerCase();
    const prefers = cell('prefers').split(/\s+/).filter(Boolean) as ShiftType[];
    const number = (column: string, max: number) => {
      const t = cell(column);
      if (t === '') return undefined;
      const v = Number(t);
      return Number.isFinite(v) && v >= 0 && v <= max ? v : Number.NaN;
    };
    const maxHours = number('max_hours', 168);
    const nightsBefore = number('nights_before', 10_000);
    const weekendsBefore = number('weekends_before', 10_000);
    if (
      days.some((d) => !WEEKDAYS.includes(d)) ||
      !['', 'yes', 'no', 'true', 'false'].includes(nights) ||
      prefers.some((p) => !SHIFT_TYPES.includes(p)) ||
      [maxHours, nightsBefore, weekendsBefore].some((v) => Number.isNaN(v))
    )
      return bad;
    agents.push({
      name,
      ...(cell('provider') ? { provider: cell('provider') } : {}),
      ...(days.length ? { days } : {}),
      ...(nights === 'no' || nights === 'false' ? { nights: false } : {}),
      ...(maxHours === undefined ? {} : { maxHours }),
      ...(prefers.length ? { prefers } : {}),
      ...(nightsBefore ? { nightsBefore: Math.round(nightsBefore) } : {}),
      ...(weekendsBefore ? { weekendsBefore: Math.round(weekendsBefore) } : {}),
    });
  }
  return agents;
}
