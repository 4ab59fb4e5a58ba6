import { type RawBuilder, sql } from 'kysely';
import type { ScopedDb } from '../../platform/scope.js';

export const GROUP_BYS = [
  'none',
  'provider',
  'provider_kind',
  'team',
  'channel',
  'priority',
  'topic',
  'language',
  'status',
  'source',
  'support_line',
  'hour_of_week',
] as const;
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

/** Hour of the week of created_at in a time zone: ISO day (Mon = 1) − 1, × 24, + hour. */
export function hourOfWeekExpr(timeZone: string, literal = false): RawBuilder<number> {
  const tz = literal ? sql.lit(timeZone) : sql`${timeZone}`;
  return sql<number>`((extract(isodow from tickets.created_at at time zone ${tz})::int - 1) * 24 + extract(hour from tickets.created_at at time zone ${tz})::int)`;
}

export function groupKey(
  groupBy: GroupBy,
  timeZone: string,
): { key: RawBuilder<string | null>; label: RawBuilder<string | null> } {
  // The label is the grouped expression itself (PostgreSQL matches it to GROUP BY 1 and evaluates it
  // once per row), so it must be textually identical: no bind parameters in it (the time zone of
  // hour_of_week is inlined as an escaped literal; the schema accepts only zones Intl knows).
  // Provider and team names come from a subquery on the grouped id, evaluated once per group, not
  // from a join of every ticket: with no column of the joined tables used, PostgreSQL removes the
  // joins (`providers.id` and `teams.id` are unique): at 1 M tickets the join cost ≈ 0.7 s.
  const same = (e: RawBuilder<string | null>) => ({ key: e, label: e });
  switch (groupBy) {
    case 'none':
      return same(sql<string>`'all'`);
    case 'provider':
      return {
        key: sql`tickets.provider_id`,
        label: sql`(select p.name from providers p where p.id = tickets.provider_id)`,
      };
    case 'provider_kind':
      return same(sql`providers.kind`);
    case 'team':
      return {
        key: sql`tickets.team_id`,
        label: sql`(select t.name from teams t where t.id = tickets.team_id)`,
      };
    case 'hour_of_week':
      return same(sql`${hourOfWeekExpr(timeZone, true)}::text`);
    case 'support_line':
      return same(sql`tickets.support_line`);
    default:
      return same(sql`${sql.ref(`tickets.${groupBy}`)}`);
  }
}

/** The tickets a filter selects, joined to their provider and team, inside the caller's scope. */
export function filteredTickets(scoped: ScopedDb, f: TicketFilter) {
  let q = scoped
    .selectFrom('tickets')
    .leftJoin('providers', 'providers.id', 'tickets.provider_id')
    .leftJoin('teams', 'teams.id', 'tickets.team_id');
  if (f.from) q = q.where('tickets.created_at', '>=', new Date(f.from));
  if (f.to) q = q.where('tickets.created_at', '<', new Date(f.to));
  if (f.providerId) q = q.where('tickets.provider_id', '=', f.providerId);
  if (f.providerKind) q = q.where('providers.kind', '=', f.providerKind);
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
