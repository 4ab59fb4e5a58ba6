import { type RawBuilder, sql } from 'kysely';
import type { ScopedDb } from '../../platform/scope.js';
import type { Directory } from '../identity/index.js';
import { GROUP_BYS, SAME_NAME_ATTRIBUTES } from './vocabulary.js';

export { GROUP_BYS };

export type GroupBy = (typeof GROUP_BYS)[number];

/** Filters every KPI endpoint accepts; each narrows the tickets measured (AND). Dates bound created_at. */
export interface TicketFilter {
  from?: string | undefined;
  to?: string | undefined;
  providerId?: string | undefined;
  providerKind?: 'in_house' | 'vendor' | undefined;
  teamId?: string | undefined;
  channel?: string | undefined;
  priority?: string | undefined;
  topic?: string | undefined;
  language?: string | undefined;
  status?: string | undefined;
  source?: string | undefined;
  supportLine?: string | undefined;
  qualityFlag?: string | undefined;
  /** 0–167: Monday 00:00 = 0, in `timeZone`. */
  hourOfWeek?: number | undefined;
  timeZone?: string | undefined;
  /**
   * Count resolution times that are not the source's (flags in UNRELIABLE_RESOLUTION_FLAGS) in the
   * resolution KPIs. Off by default: an inferred solve time is often 0 s and drags medians down.
   */
  includeInferredResolutions?: boolean | undefined;
}

/** Each attribute of `SAME_NAME_ATTRIBUTES` mapped to itself, for tables keyed by one name and naming the other. */
export const sameNames = Object.fromEntries(SAME_NAME_ATTRIBUTES.map((a) => [a, a])) as {
  readonly [A in (typeof SAME_NAME_ATTRIBUTES)[number]]: A;
};

/** Every field of a TicketFilter, in a fixed order (filterKey). */
const FILTER_FIELDS = [
  'from',
  'to',
  'providerId',
  'providerKind',
  'teamId',
  ...SAME_NAME_ATTRIBUTES,
  'supportLine',
  'qualityFlag',
  'hourOfWeek',
  'timeZone',
  'includeInferredResolutions',
] as const satisfies readonly (keyof TicketFilter)[];

/**
 * A filter as a string, equal for equal filters whatever else the object carries (the parsed query
 * also holds `groupBy`, `format`, …): the key of remembered KPI answers (kpi-columns/column-cache.ts).
 */
export function filterKey(f: TicketFilter): string {
  return JSON.stringify(FILTER_FIELDS.map((field) => f[field] ?? null));
}

/** Hour of the week of created_at in a time zone: ISO day (Mon = 1) − 1, × 24, + hour. */
export function hourOfWeekExpr(timeZone: string, literal = false): RawBuilder<number> {
  const tz = literal ? sql.lit(timeZone) : sql`${timeZone}`;
  return sql<number>`((extract(isodow from tickets.created_at at time zone ${tz})::int - 1) * 24 + extract(hour from tickets.created_at at time zone ${tz})::int)`;
}

export function groupKey(
  groupBy: GroupBy,
  timeZone: string,
  directory: Directory,
): { key: RawBuilder<string | null>; label: RawBuilder<string | null> } {
  // The label is the grouped expression itself (PostgreSQL matches it to GROUP BY 1 and evaluates it
  // once per row), so it must be textually identical: no bind parameters in it (the time zone of
  // hour_of_week is inlined as an escaped literal; the schema accepts only zones Intl knows).
  // Provider and team names are looked up in identity's directory after the query (groupLabel): no
  // join of every ticket, and no read of identity's tables.
  const same = (e: RawBuilder<string | null>) => ({ key: e, label: e });
  switch (groupBy) {
    case 'none':
      return same(sql<string>`'all'`);
    case 'provider':
      return same(sql`tickets.provider_id`);
    case 'provider_kind':
      return same(providerKindExpr(directory));
    case 'team':
      return same(sql`tickets.team_id`);
    case 'hour_of_week':
      return same(sql`${hourOfWeekExpr(timeZone, true)}::text`);
    case 'support_line':
      return same(sql`tickets.support_line`);
    default:
      return same(sql`${sql.ref(`tickets.${groupBy}`)}`);
  }
}

/** The display label of a group key: provider and team names from the directory, else the key. */
export function groupLabel(groupBy: GroupBy, key: string | null, directory: Directory): string | null {
  if (key === null) return null;
  if (groupBy === 'provider') return directory.providers.find((p) => p.id === key)?.name ?? null;
  if (groupBy === 'team') return directory.teams.find((t) => t.id === key)?.name ?? null;
  return key;
}

/** A ticket's provider kind as SQL over its provider id, the ids inlined as literals (see groupKey). */
function providerKindExpr(directory: Directory): RawBuilder<string | null> {
  const ids = (kind: string) => directory.providers.filter((p) => p.kind === kind).map((p) => sql.lit(p.id));
  const branch = (kind: string) => {
    const list = ids(kind);
    return list.length === 0
      ? sql``
      : sql` when tickets.provider_id in (${sql.join(list)}) then ${sql.lit(kind)}`;
  };
  return sql<string | null>`(case${branch('in_house')}${branch('vendor')} else null end)`;
}

/**
 * The tickets a filter selects, inside the caller's scope. A provider-kind filter needs identity's
 * directory (which providers are vendors); other filters read only the tickets.
 */
export function filteredTickets(scoped: ScopedDb, f: TicketFilter, directory: Directory | null = null) {
  let q = scoped.selectFrom('tickets');
  if (f.from) q = q.where('tickets.created_at', '>=', new Date(f.from));
  if (f.to) q = q.where('tickets.created_at', '<', new Date(f.to));
  if (f.providerId) q = q.where('tickets.provider_id', '=', f.providerId);
  if (f.providerKind) {
    if (directory === null) throw new Error('a provider-kind filter needs the directory');
    const ids = directory.providers.filter((p) => p.kind === f.providerKind).map((p) => p.id);
    q = ids.length === 0 ? q.where(sql<boolean>`false`) : q.where('tickets.provider_id', 'in', ids);
  }
  if (f.teamId) q = q.where('tickets.team_id', '=', f.teamId);
  if (f.channel) q = q.where('tickets.channel', '=', f.channel);
  if (f.priority) q = q.where('tickets.priority', '=', f.priority);
  if (f.topic) q = q.where('tickets.topic', '=', f.topic);
  if (f.language) q = q.where('tickets.language', '=', f.language);
  if (f.status) q = q.where('tickets.status', '=', f.status);
  if (f.source) q = q.where('tickets.source', '=', f.source);
  if (f.supportLine) q = q.where('tickets.support_line', '=', f.supportLine);
  if (f.qualityFlag) q = q.where(sql<boolean>`${f.qualityFlag} = any(tickets.quality_flags)`);
  if (f.hourOfWeek !== undefined)
    q = q.where(sql<boolean>`${hourOfWeekExpr(f.timeZone ?? 'UTC')} = ${f.hourOfWeek}`);
  return q;
}
