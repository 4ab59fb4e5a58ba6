import {
  type AppliedSla,
  evaluateSla,
  matchSlaPolicy,
  type SlaPolicyVersion,
  type SlaState,
  type SlaTimelineEntry,
  slaWakeUps,
  type TeamCalendar,
  type TicketStatus,
} from '@shoreline/core';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/schema.js';
import { enqueueJob } from '../../platform/jobs/index.js';
import { organizationDirectory } from '../identity/index.js';
import type { SlaDefinitionJson, TicketSlaTable, TimelineJson } from './tables.js';

type Db = Kysely<DB> | Transaction<DB>;
export type TicketSlaRow = Selectable<TicketSlaTable>;

/** The job that wakes at each at-risk and due instant (jobs.ts). */
export const SLA_CHECK_JOB = 'sla.check';

const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** Every version of the organization's policies, as core matches them. */
export async function policyVersions(db: Db, organizationId: string): Promise<SlaPolicyVersion[]> {
  const rows = await db
    .selectFrom('sla_policies')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .execute();
  return rows.map((r) => {
    const d = parse<SlaDefinitionJson>(r.definition);
    return {
      policyId: r.id,
      version: r.version,
      effectiveFrom: new Date(r.effective_from),
      position: d.position,
      conditions: d.conditions,
      targets: d.targets,
      pauseStatuses: d.pauseStatuses as TicketStatus[],
      atRisk: d.atRisk,
    } as SlaPolicyVersion;
  });
}

/**
 * A team's calendar: its hours and zone from identity's directory, its holidays from this module
 * (decision 0017). Null (around the clock) for no team or a team without hours.
 */
export async function calendarOf(
  db: Db,
  organizationId: string,
  teamId: string | null,
): Promise<TeamCalendar | null> {
  if (teamId === null) return null;
  const team = (await organizationDirectory(db as Kysely<DB>, organizationId)).teams.find(
    (t) => t.id === teamId,
  );
  if (!team?.calendar) return null;
  const holidays = await db
    .selectFrom('sla_holidays')
    .select(sql<string>`day::text`.as('day'))
    .where('organization_id', '=', organizationId)
    .where('team_id', '=', teamId)
    .execute();
  return { ...team.calendar, holidays: holidays.map((h) => h.day) };
}

export function timelineOf(row: TicketSlaRow): SlaTimelineEntry[] {
  return parse<TimelineJson[]>(row.timeline).map(
    (e) =>
      ({ at: new Date(e.at), kind: e.kind, ...(e.status ? { status: e.status } : {}) }) as SlaTimelineEntry,
  );
}

export function appliedOf(row: TicketSlaRow): AppliedSla {
  const a = parse<{
    targets: AppliedSla['targets'];
    pauseStatuses: TicketStatus[];
    atRisk: AppliedSla['atRisk'];
  }>(row.applied);
  return { policyId: row.policy_id, version: row.policy_version, ...a };
}

/** The ticket's SLA state at `now`, on its team's calendar. */
export async function stateOf(db: Db, row: TicketSlaRow, now: Date): Promise<SlaState> {
  const calendar = await calendarOf(db, row.organization_id, row.team_id);
  return evaluateSla(appliedOf(row), new Date(row.ticket_created_at), timelineOf(row), calendar, now);
}

/** What a new ticket is matched on (ticket.created's payload and the event's provider). */
export interface NewTicketFacts {
  ticketId: string;
  organizationId: string;
  providerId: string | null;
  teamId: string | null;
  priority: string | null;
  channel: string | null;
  segment: string | null;
  type: string | null;
  createdAt: Date;
}

function match(versions: SlaPolicyVersion[], t: NewTicketFacts): AppliedSla | null {
  return matchSlaPolicy(
    versions,
    {
      type: t.type,
      priority: t.priority as never,
      channel: t.channel as never,
      segment: t.segment,
      teamId: t.teamId,
      providerId: t.providerId,
    },
    t.createdAt,
  );
}

const appliedJson = (a: AppliedSla) =>
  JSON.stringify({ targets: a.targets, pauseStatuses: a.pauseStatuses, atRisk: a.atRisk });

/** Applies the policy in force at the ticket's creation; no row when none covers it. */
export async function applyPolicy(db: Db, clock: Clock, t: NewTicketFacts): Promise<void> {
  const applied = match(await policyVersions(db, t.organizationId), t);
  if (!applied) return;
  const inserted = await db
    .insertInto('ticket_sla')
    .values({
      ticket_id: t.ticketId,
      organization_id: t.organizationId,
      provider_id: t.providerId,
      team_id: t.teamId,
      priority: t.priority,
      channel: t.channel,
      segment: t.segment,
      ticket_type: t.type,
      ticket_created_at: t.createdAt,
      policy_id: applied.policyId,
      policy_version: applied.version,
      applied: appliedJson(applied),
      timeline: '[]',
      paused_seconds: 0,
      outcome_synced: null,
      updated_at: clock.now(),
    })
    .onConflict((oc) => oc.column('ticket_id').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) await refresh(db, clock, inserted);
}

/**
 * A ticket's type changed: the policy is matched again as if the ticket had been created with that
 * type (the versions in force at its creation, so the clocks still run from creation and the
 * timeline is kept). A ticket no policy covered before gets a row now; one no policy covers any
 * more loses its row and targets (it has no SLA).
 */
export async function reapplyPolicy(db: Db, clock: Clock, t: NewTicketFacts): Promise<void> {
  const row = await lockRow(db, t.organizationId, t.ticketId);
  if (!row) return applyPolicy(db, clock, t);
  const facts = { ...t, segment: row.segment, providerId: row.provider_id, teamId: row.team_id };
  const applied = match(await policyVersions(db, t.organizationId), facts);
  if (!applied) {
    await db.deleteFrom('ticket_sla_targets').where('ticket_id', '=', t.ticketId).execute();
    await db.deleteFrom('ticket_sla').where('ticket_id', '=', t.ticketId).execute();
    return;
  }
  const updated = await db
    .updateTable('ticket_sla')
    .set({
      ticket_type: t.type,
      priority: t.priority,
      policy_id: applied.policyId,
      policy_version: applied.version,
      applied: appliedJson(applied),
      updated_at: clock.now(),
    })
    .where('ticket_id', '=', t.ticketId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await refresh(db, clock, updated);
}

/** Appends a timeline entry (events arrive at least once: an entry already there is not repeated). */
export async function appendTimeline(
  db: Db,
  clock: Clock,
  organizationId: string,
  ticketId: string,
  entry: TimelineJson,
): Promise<void> {
  const row = await lockRow(db, organizationId, ticketId);
  if (!row) return;
  const timeline = parse<TimelineJson[]>(row.timeline);
  if (timeline.some((e) => e.at === entry.at && e.kind === entry.kind && e.status === entry.status)) return;
  timeline.push(entry);
  const updated = await db
    .updateTable('ticket_sla')
    .set({ timeline: JSON.stringify(timeline), updated_at: clock.now() })
    .where('ticket_id', '=', ticketId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await refresh(db, clock, updated);
}

/** A transfer: the row follows the ticket's provider (scope) and team (calendar). */
export async function moveTicket(
  db: Db,
  clock: Clock,
  organizationId: string,
  ticketId: string,
  to: { providerId: string | null; teamId: string | null },
): Promise<void> {
  const row = await lockRow(db, organizationId, ticketId);
  if (!row) return;
  const updated = await db
    .updateTable('ticket_sla')
    .set({ provider_id: to.providerId, team_id: to.teamId, updated_at: clock.now() })
    .where('ticket_id', '=', ticketId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .updateTable('ticket_sla_targets')
    .set({ provider_id: to.providerId })
    .where('ticket_id', '=', ticketId)
    .execute();
  await refresh(db, clock, updated);
}

export function lockRow(db: Db, organizationId: string, ticketId: string) {
  return db
    .selectFrom('ticket_sla')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('ticket_id', '=', ticketId)
    .forUpdate()
    .executeTakeFirst();
}

/** The resolution outcome Insight reads as `tickets.sla_breached`: decided once achieved or breached. */
export function resolutionOutcome(state: SlaState): boolean | null {
  const r = state.targets.find((t) => t.metric === 'resolution');
  if (!r || r.status === 'running' || r.status === 'paused' || r.status === 'cancelled') return null;
  return r.breached;
}

/** The earliest due instant of a target still owed (running, or breached and not met), or null. */
export function nextDue(state: SlaState): Date | null {
  let next: Date | null = null;
  for (const t of state.targets)
    if (
      t.achievedAt === null &&
      (t.status === 'running' || t.status === 'breached') &&
      t.dueAt !== null &&
      (next === null || t.dueAt.getTime() < next.getTime())
    )
      next = t.dueAt;
  return next;
}

/**
 * Recomputes a ticket's state at the clock's now, stores the targets (keeping what was already
 * raised for the same cycle), and schedules one `sla.check` job at every future at-risk and due
 * instant (idempotency key: ticket + instant). A recomputed instant leaves the old job in the
 * queue; it re-checks the state when it runs and does nothing. When the resolution outcome changed,
 * a check runs now to write it to the ticket through the tickets service.
 */
export async function refresh(db: Db, clock: Clock, row: TicketSlaRow): Promise<SlaState> {
  const now = clock.now();
  const state = await stateOf(db, row, now);
  const existing = await db
    .selectFrom('ticket_sla_targets')
    .selectAll()
    .where('ticket_id', '=', row.ticket_id)
    .execute();
  for (const t of state.targets) {
    const before = existing.find((e) => e.metric === t.metric);
    const sameCycle = before && new Date(before.started_at).getTime() === t.startedAt.getTime();
    const values = {
      provider_id: row.provider_id,
      target_seconds: t.targetSeconds,
      started_at: t.startedAt,
      due_at: t.dueAt,
      at_risk_at: t.atRiskAt,
      achieved_at: t.achievedAt,
      status: t.status,
      breached: t.breached,
      remaining_seconds: t.remainingSeconds,
      at_risk_raised_at: sameCycle ? before.at_risk_raised_at : null,
      breached_raised_at: sameCycle ? before.breached_raised_at : null,
      updated_at: now,
    };
    await db
      .insertInto('ticket_sla_targets')
      .values({ ticket_id: row.ticket_id, organization_id: row.organization_id, metric: t.metric, ...values })
      .onConflict((oc) => oc.columns(['ticket_id', 'metric']).doUpdateSet(values))
      .execute();
  }
  await db
    .updateTable('ticket_sla')
    .set({
      paused_since: state.pausedSince,
      paused_seconds: state.pausedSeconds,
      next_due_at: nextDue(state),
      updated_at: now,
    })
    .where('ticket_id', '=', row.ticket_id)
    .execute();
  const jobs = slaWakeUps(state, now).map((at) => ({ at, key: `${row.ticket_id}@${at.toISOString()}` }));
  const unraised = state.targets.some(
    (t) => t.breached && !existing.some((e) => e.metric === t.metric && e.breached_raised_at !== null),
  );
  if (unraised || resolutionOutcome(state) !== row.outcome_synced) {
    // Due now: keyed by the timeline's length too, so a check already run at this instant does not hide it.
    const entries = parse<TimelineJson[]>(row.timeline).length;
    jobs.unshift({ at: now, key: `${row.ticket_id}@${now.toISOString()}#${entries}` });
  }
  for (const { at, key } of jobs)
    await enqueueJob(db, clock, {
      name: SLA_CHECK_JOB,
      organizationId: row.organization_id,
      providerId: row.provider_id,
      runAt: at,
      payload: { ticketId: row.ticket_id },
      idempotencyKey: key,
    });
  return state;
}
