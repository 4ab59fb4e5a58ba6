// The ServiceNow incident event log (../shared: servicenow-incidents) read by hand, for tests that
// check what Shoreline imported against figures computed straight from the raw file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sharedDir } from './support.js';

export type LogRow = Record<string, string>;

/** A shared CSV file's rows as objects by column name. */
export const rawCsv = (path: string): LogRow[] =>
  parse(readFileSync(join(sharedDir, path)), { columns: true, bom: true }) as LogRow[];

/** The log's `d/m/yyyy h:mm` as ms since the epoch, read as UTC. */
export function servicenowTime(s: string): number {
  const [d, m, rest] = s.split('/');
  const [y, hm] = rest!.split(' ');
  return Date.parse(`${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}T${hm!.padStart(5, '0')}:00Z`);
}

/** The incident states in which an incident is still open (neither Resolved nor Closed). */
export const OPEN_INCIDENT_STATES = new Set([
  'New',
  'Active',
  'Awaiting User Info',
  'Awaiting Evidence',
  'Awaiting Problem',
  'Awaiting Vendor',
]);

/** Each incident's rows in time order (`sys_updated_at`), ties in file order. */
export function incidentHistories(rows: readonly LogRow[]): Map<string, LogRow[]> {
  const byIncident = new Map<string, { r: LogRow; i: number }[]>();
  for (const [i, r] of rows.entries())
    byIncident.set(r.number!, [...(byIncident.get(r.number!) ?? []), { r, i }]);
  const at = (r: LogRow) => servicenowTime(r.sys_updated_at!);
  return new Map(
    [...byIncident].map(([number, list]) => [
      number,
      [...list].sort((a, b) => at(a.r) - at(b.r) || a.i - b.i).map(({ r }) => r),
    ]),
  );
}
