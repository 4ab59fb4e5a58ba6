// AGENTS.csv for `shoreline schedule --agents`: one named agent a row, with availability and wishes.
import type { Agent } from '@shoreline/core/schedule/index';
import { WEEKDAYS } from '../../identity/index.js';
import { ForecastFileError } from './forecast-csv.js';
import { splitCsvLine } from './staff-csv.js';

/**
 * AGENTS.csv: `name` (required, unique), and optional `days` (the weekdays they can start a shift,
 * e.g. `Mon Tue Wed Thu Fri`; blank: every day), `nights` (yes/no, default yes), `max_hours` (paid
 * hours a week), `prefers` (shift type names, space-separated), `nights_before` and `weekends_before`
 * (night and weekend shifts already worked, so the rotation carries on week by week).
 *
 * @throws {ForecastFileError} listing every row and column at fault.
 */
export function parseAgents(text: string, file = 'AGENTS.csv'): Agent[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const header = splitCsvLine(lines[0] ?? '');
  if (typeof header === 'string') throw new ForecastFileError(`${file}: header: ${header}`);
  const col = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name);
  const at = {
    name: col('name'),
    days: col('days'),
    nights: col('nights'),
    maxHours: col('max_hours'),
    prefers: col('prefers'),
    nightsBefore: col('nights_before'),
    weekendsBefore: col('weekends_before'),
  };
  if (at.name < 0) throw new ForecastFileError(`${file}: the header must have a name column`);
  const problems: string[] = [];
  const seen = new Set<string>();
  const agents: Agent[] = [];
  lines.slice(1).forEach((line, i) => {
    const row = `row ${i + 2}`;
    const cells = splitCsvLine(line);
    if (typeof cells === 'string') {
      problems.push(`${row}: ${cells}`);
      return;
    }
    const cell = (k: number) => (k < 0 ? '' : (cells[k] ?? '').trim());
    const name = cell(at.name);
    if (name === '' || name.length > 100) problems.push(`${row}, column name: must be 1 to 100 characters`);
    else if (seen.has(name)) problems.push(`${row}, column name: "${name}" is listed twice`);
    seen.add(name);
    const daysText = cell(at.days).toLowerCase();
    const days =
      daysText === ''
        ? undefined
        : daysText.split(/[\s;]+/).map((d) => (WEEKDAYS as readonly string[]).indexOf(d.slice(0, 3)));
    if (days?.some((d) => d < 0)) problems.push(`${row}, column days: use Mon Tue Wed Thu Fri Sat Sun`);
    const nightsText = cell(at.nights).toLowerCase();
    if (!['', 'yes', 'no', 'true', 'false'].includes(nightsText))
      problems.push(`${row}, column nights: must be yes or no`);
    const number = (k: number, column: string, max: number) => {
      const t = cell(k);
      if (t === '') return undefined;
      const v = Number(t);
      if (!(Number.isFinite(v) && v >= 0 && v <= max))
        problems.push(`${row}, column ${column}: must be a number from 0 to ${max}`);
      return v;
    };
    const maxHours = number(at.maxHours, 'max_hours', 168);
    const nightsBefore = number(at.nightsBefore, 'nights_before', 10_000) ?? 0;
    const weekendsBefore = number(at.weekendsBefore, 'weekends_before', 10_000) ?? 0;
    const prefers = cell(at.prefers).split(/\s+/).filter(Boolean);
    agents.push({
      name,
      ...(days ? { days } : {}),
      ...(nightsText === 'no' || nightsText === 'false' ? { nights: false } : {}),
      ...(maxHours === undefined ? {} : { maxWeekMin: Math.round(maxHours * 60) }),
      ...(prefers.length ? { prefers } : {}),
      ...(nightsBefore || weekendsBefore
        ? { history: { nights: nightsBefore, weekends: weekendsBefore } }
        : {}),
    });
  });
  if (problems.length > 0)
    throw new ForecastFileError(`${file}: rows the scheduler cannot use`, problems.slice(0, 20));
  if (agents.length === 0) throw new ForecastFileError(`${file}: no agents`);
  return agents;
}
