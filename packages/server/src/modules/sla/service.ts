import type { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import { AppError, notFound } from '../../platform/http/problem.js';
import { insertNewRow } from '../../platform/insert-new-row.js';
import type { ScopedDb } from '../../platform/scope.js';
import { directoryFor } from '../identity/index.js';
import { stateOf } from './engine.js';
import { authorizeSla } from './policy.js';
import { presentPolicy, presentStoredSla, presentTicketSla } from './presenters.js';
import type { AttainmentQuery, HolidaysUpdate, SlaPolicyCreate } from './schemas.js';

type PolicyInput = z.output<typeof SlaPolicyCreate>;

function definitionOf(input: PolicyInput): string {
  const { effectiveFrom: _e, reason: _r, ...definition } = input;
  return JSON.stringify(definition);
}

/** Every policy's latest version (by effective date, then version). */
export async function listPolicies(s: ScopedDb) {
  authorizeSla(s.actor, 'sla.read_policies');
  const rows = await s.selectFrom('sla_policies').selectAll().orderBy('id').orderBy('version').execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) latest.set(r.id, r);
  return [...latest.values()].map(presentPolicy);
}

/** One policy's versions, oldest first. */
export async function policyHistory(s: ScopedDb, id: string) {
  authorizeSla(s.actor, 'sla.read_policies');
  const rows = await s.rowsWhere('sla_policies', 'id', id, 'version');
  if (rows.length === 0) throw notFound('SLA policy');
  return rows.map(presentPolicy);
}

/**
 * Teams and providers a policy names must be the caller's: another organization's answer 404
 * naming the field, as if they did not exist (and are never stored or echoed).
 */
async function checkReferences(s: ScopedDb, input: PolicyInput): Promise<void> {
  const directory = await directoryFor(s);
  const teams = new Set(directory.teams.map((t) => t.id));
  const providers = new Set(directory.providers.map((p) => p.id));
  const groups = [
    { path: 'conditions', c: input.conditions },
    ...input.targets.map((c, i) => ({ path: `targets.${i}`, c })),
  ];
  for (const { path, c } of groups) {
    const team = c.teamIds?.findIndex((id) => !teams.has(id)) ?? -1;
    if (team >= 0) throw new AppError('not_found', 'team not found', `${path}.teamIds.${team}`);
    const provider = c.providerIds?.findIndex((id) => !providers.has(id)) ?? -1;
    if (provider >= 0)
      throw new AppError('not_found', 'provider not found', `${path}.providerIds.${provider}`);
  }
}

/** A new policy (version 1). */
export async function createPolicy(s: ScopedDb, clock: Clock, input: PolicyInput) {
  authorizeSla(s.actor, 'sla.manage');
  await checkReferences(s, input);
  const now = clock.now();
  const row = await insertNewRow(s, 'sla_policies', 'slp', now, {
    version: 1,
    effective_from: new Date(input.effectiveFrom),
    definition: definitionOf(input),
    created_by: s.actor.userId,
    reason: input.reason,
    created_at: now,
  });
  return presentPolicy(row as never);
}

/**
 * An edit: a new version taking effect at `effectiveFrom` (not before the latest version's), with
 * its reason. Tickets keep the version in force when they were created; nothing is rewritten.
 */
export async function revisePolicy(s: ScopedDb, clock: Clock, id: string, input: PolicyInput) {
  authorizeSla(s.actor, 'sla.manage');
  return s.transaction(async (tx) => {
    const versions = await tx
      .selectFrom('sla_policies')
      .select(['version', 'effective_from'])
      .where('id', '=', id)
      .orderBy('version', 'desc')
      .forUpdate()
      .execute();
    const latest = versions[0];
    if (!latest) throw notFound('SLA policy');
    await checkReferences(tx, input);
    const effectiveFrom = new Date(input.effectiveFrom);
    if (effectiveFrom.getTime() < new Date(latest.effective_from).getTime())
      throw new AppError(
        'validation_failed',
        'a new version cannot take effect before the version it replaces',
        'effectiveFrom',
      );
    const now = clock.now();
    const row = await tx
      .insertInto('sla_policies', {
        id,
        version: latest.version + 1,
        effective_from: effectiveFrom,
        definition: definitionOf(input),
        created_by: tx.actor.userId,
        reason: input.reason,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return presentPolicy(row as never);
  });
}

/** A ticket's SLA now: targets, due times, remaining business seconds. Scoped like the ticket. */
export async function ticketSla(s: ScopedDb, clock: Clock, ticketId: string) {
  authorizeSla(s.actor, 'sla.read');
  const row = await s.findOrNotFound('ticket_sla', ticketId, 'ticket SLA', 'ticket_id');
  const now = clock.now();
  return presentTicketSla(ticketId, await stateOf(s.executor, row, now), now);
}

/**
 * The SLA state of a page of tickets (the inbox's countdowns) as the engine last stored it: two
 * reads (`ticket_sla`, `ticket_sla_targets`) for the whole page, no evaluation. Re-evaluating each
 * ticket on its team calendar costs milliseconds per ticket for old tickets (the calendar is walked
 * from creation) and a holidays read each: 0.6–0.9 s for a page of 50 on the benchmark's million
 * (BENCHMARKS.md). The stored rows are exact as of the engine's last refresh (`asOf`), which every
 * event and every at-risk and due instant triggers; a countdown runs from `dueAt`, which does not
 * move between refreshes. The ticket page's `ticketSla` still evaluates now. Tickets without a
 * policy are left out. Bounded by the page: callers pass at most 200 ids.
 */
export async function slaForTickets(s: ScopedDb, ticketIds: readonly string[]) {
  authorizeSla(s.actor, 'sla.read');
  if (ticketIds.length === 0) return [];
  const ids = [...ticketIds];
  const [rows, targets] = await Promise.all([
    s
      .selectFrom('ticket_sla')
      .select(['ticket_id', 'policy_id', 'policy_version', 'paused_since', 'paused_seconds', 'updated_at'])
      .where('ticket_id', 'in', ids)
      .execute(),
    s.selectFrom('ticket_sla_targets').selectAll().where('ticket_id', 'in', ids).execute(),
  ]);
  return rows.map((row) =>
    presentStoredSla(
      row,
      targets.filter((t) => t.ticket_id === row.ticket_id),
    ),
  );
}

/**
 * Share of decided targets met, per team, provider, priority or ticket type (complaints apart), for live tickets created in
 * [from, to): met ÷ (met + breached). Running, paused and cancelled targets are not decided.
 */
export async function attainment(s: ScopedDb, query: z.output<typeof AttainmentQuery>) {
  authorizeSla(s.actor, 'sla.read');
  const column = { team: 'team_id', provider: 'provider_id', priority: 'priority', type: 'ticket_type' }[
    query.groupBy
  ] as 'team_id' | 'provider_id' | 'priority' | 'ticket_type';
  const rows = await s
    .selectFrom('ticket_sla_targets')
    .innerJoin('ticket_sla', 'ticket_sla.ticket_id', 'ticket_sla_targets.ticket_id')
    .where('ticket_sla.ticket_created_at', '>=', new Date(query.from))
    .where('ticket_sla.ticket_created_at', '<', new Date(query.to))
    .where('ticket_sla_targets.status', 'in', ['achieved', 'breached'])
    .select([
      sql<string | null>`${sql.ref(`ticket_sla.${column}`)}`.as('key'),
      'ticket_sla_targets.metric',
      sql<number>`count(*) filter (where not ticket_sla_targets.breached)::int`.as('met'),
      sql<number>`count(*) filter (where ticket_sla_targets.breached)::int`.as('breached'),
    ])
    .groupBy([sql.ref(`ticket_sla.${column}`), 'ticket_sla_targets.metric'])
    .orderBy(sql.ref(`ticket_sla.${column}`))
    .orderBy('ticket_sla_targets.metric')
    .execute();
  return {
    groupBy: query.groupBy,
    items: rows.map((r) => ({
      key: r.key,
      metric: r.metric,
      met: Number(r.met),
      breached: Number(r.breached),
      attainment:
        Number(r.met) + Number(r.breached) === 0
          ? null
          : Number(r.met) / (Number(r.met) + Number(r.breached)),
    })),
  };
}

async function visibleTeam(s: ScopedDb, teamId: string) {
  const team = (await directoryFor(s)).teams.find((t) => t.id === teamId);
  if (!team) throw notFound('team');
  return team;
}

/** A team calendar's holidays (local dates in the team's zone). */
export async function teamHolidays(s: ScopedDb, teamId: string) {
  authorizeSla(s.actor, 'sla.read_policies');
  await visibleTeam(s, teamId);
  const rows = await s
    .selectFrom('sla_holidays')
    .select([sql<string>`day::text`.as('day'), 'name'])
    .where('team_id', '=', teamId)
    .orderBy('day')
    .execute();
  return { teamId, holidays: rows.map((r) => ({ day: r.day, name: r.name })) };
}

/** Replaces a team calendar's holidays. Running tickets' due times move at their next event or check. */
export async function setTeamHolidays(s: ScopedDb, teamId: string, input: z.output<typeof HolidaysUpdate>) {
  authorizeSla(s.actor, 'sla.manage');
  await visibleTeam(s, teamId);
  const days = new Map(input.holidays.map((h) => [h.day, h.name]));
  await s.transaction(async (tx) => {
    await tx.deleteFrom('sla_holidays').where('team_id', '=', teamId).execute();
    if (days.size > 0)
      await tx
        .insertInto(
          'sla_holidays',
          [...days].map(([day, name]) => ({ team_id: teamId, day, name })),
        )
        .execute();
  });
  return teamHolidays(s, teamId);
}

/** Where a "breaching soon" page ended: the last ticket's due instant and id (keyset pagination). */
export interface BreachingCursor {
  readonly dueAt: string;
  readonly ticketId: string;
}

/** Tickets with a target still owed, in the caller's scope (and, when given, these providers' only). */
function owed(s: ScopedDb, providerIds: readonly string[] | undefined) {
  let q = s.selectFrom('ticket_sla').where('next_due_at', 'is not', null);
  if (providerIds !== undefined)
    q =
      providerIds.length === 0
        ? q.where(sql<boolean>`false`)
        : q.where('provider_id', 'in', [...providerIds]);
  return q;
}

/**
 * The inbox's "breaching soon" view: tickets in the caller's scope with a target still owed
 * (running, or breached and not yet met), most urgent first — by `next_due_at`, then ticket id —
 * after `cursor`. An index scan of `ticket_sla_next_due` (keyset: page 1,000 costs what page 1
 * does). Paused tickets (waiting on the customer) have no due instant and are not listed.
 */
export async function breachingPage(
  s: ScopedDb,
  providerIds: readonly string[] | undefined,
  cursor: BreachingCursor | null,
  limit: number,
) {
  authorizeSla(s.actor, 'sla.read');
  let q = owed(s, providerIds)
    .select(['ticket_id', 'next_due_at'])
    .orderBy('next_due_at')
    .orderBy('ticket_id')
    .limit(limit + 1);
  if (cursor)
    q = q.where(
      sql<boolean>`(next_due_at, ticket_id) > (${new Date(cursor.dueAt)}::timestamptz, ${cursor.ticketId})`,
    );
  const rows = await q.execute();
  const page = rows.slice(0, limit).map((r) => ({
    ticketId: r.ticket_id,
    dueAt: new Date(r.next_due_at as Date).toISOString(),
  }));
  const last = page.at(-1);
  return {
    items: page,
    next: rows.length > limit && last ? { dueAt: last.dueAt, ticketId: last.ticketId } : null,
  };
}

/**
 * The "breaching soon" view's count, up to `cap`, as a query (not run): the inbox puts every
 * view's count in one statement.
 */
export function breachingCountQuery(s: ScopedDb, providerIds: readonly string[] | undefined, cap: number) {
  authorizeSla(s.actor, 'sla.read');
  return owed(s, providerIds).select(sql<number>`1`.as('one')).limit(cap);
}

/**
 * The inbox's "breaching soon": tickets in the caller's scope with a running target due before
 * `until`, earliest first, with that due instant (an index on running targets by due time serves it).
 */
export async function breachingSoon(s: ScopedDb, until: Date, limit = 100) {
  authorizeSla(s.actor, 'sla.read');
  const rows = await s
    .selectFrom('ticket_sla_targets')
    .select(['ticket_id', sql<Date>`min(due_at)`.as('due_at')])
    .where('status', '=', 'running')
    .where('due_at', '<', until)
    .groupBy('ticket_id')
    .orderBy(sql`min(due_at)`)
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ticketId: r.ticket_id, dueAt: new Date(r.due_at).toISOString() }));
}
