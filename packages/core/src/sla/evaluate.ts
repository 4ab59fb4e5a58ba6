import type { TicketStatus } from '../domain/vocabulary.js';
import type { TeamCalendar } from '../time/business-hours.js';
import { dueAfter, type Pause, runningSeconds } from './clock.js';
import { type AppliedSla, atRiskSeconds, type SlaMetric } from './policy.js';

/** What happened on a ticket, as far as its SLA clocks care (live tickets' domain events). */
export type SlaTimelineEntry =
  | { readonly at: Date; readonly kind: 'customer_message' }
  /** A public agent reply (internal notes do not answer the customer). */
  | { readonly at: Date; readonly kind: 'agent_reply' }
  | { readonly at: Date; readonly kind: 'status'; readonly status: TicketStatus };

export type SlaTargetStatus = 'running' | 'paused' | 'achieved' | 'breached' | 'cancelled';

/** One target's state at the evaluation instant. */
export interface SlaTargetState {
  readonly metric: SlaMetric;
  readonly targetSeconds: number;
  readonly startedAt: Date;
  /** When it falls due; null while a pause stops the clock before it. */
  readonly dueAt: Date | null;
  readonly atRiskAt: Date | null;
  readonly achievedAt: Date | null;
  readonly status: SlaTargetStatus;
  /** Missed: achieved after its due time, or due and not achieved. */
  readonly breached: boolean;
  /** Business seconds left (negative: overdue by that much); frozen while paused, final once achieved. */
  readonly remainingSeconds: number;
}

export interface SlaState {
  readonly policyId: string;
  readonly version: number;
  /** When the running pause began, or null. */
  readonly pausedSince: Date | null;
  /** Business seconds spent paused so far (each pause on the calendar, up to `now`). */
  readonly pausedSeconds: number;
  readonly targets: readonly SlaTargetState[];
  /** Next-response cycles missed so far (each customer message after a reply starts one). */
  readonly nextResponseBreaches: number;
}

/** Statuses that stop every clock besides the policy's pause statuses: the work is done (for now). */
const DONE: readonly TicketStatus[] = ['solved', 'closed'];
/** Statuses that end the ticket without an answer: running targets are cancelled, not breached. */
const VOID: readonly TicketStatus[] = ['spam', 'merged'];

/** The stretches a set of statuses held, from the timeline's status changes (the ticket opens as `new`). */
function stretchesIn(
  timeline: readonly SlaTimelineEntry[],
  statuses: readonly TicketStatus[],
  createdAt: Date,
): Pause[] {
  const out: Pause[] = [];
  let since: Date | null = null;
  const changes = [{ at: createdAt, status: 'new' as TicketStatus }, ...timeline.filter(isStatus)];
  for (const c of changes) {
    const inSet = statuses.includes(c.status);
    if (inSet && since === null) since = c.at;
    if (!inSet && since !== null) {
      out.push({ from: since, to: c.at });
      since = null;
    }
  }
  if (since !== null) out.push({ from: since, to: null });
  return out;
}

const isStatus = (e: SlaTimelineEntry): e is Extract<SlaTimelineEntry, { kind: 'status' }> =>
  e.kind === 'status';

/** Pauses cut at `end`: what happened after a target was achieved does not move it. */
const clip = (pauses: readonly Pause[], end: Date): Pause[] =>
  pauses
    .filter((p) => p.from.getTime() < end.getTime())
    .map((p) => ({ from: p.from, to: p.to === null || p.to.getTime() > end.getTime() ? end : p.to }));

/**
 * A ticket's SLA state at `now`, from its timeline, applied policy and team calendar (null: around
 * the clock). Pure: the same inputs give the same state, so the server recomputes it on every event
 * and when a job wakes at a due instant.
 *
 * Semantics (Zendesk help center, "Defining and using SLA policies"; Freshdesk "SLA policies"):
 * - first response runs from creation to the first public agent reply;
 * - next response: every customer message after an agent reply starts a cycle that the next
 *   public agent reply ends (Zendesk "next reply time"); the state shows the latest cycle;
 * - resolution runs from creation until the ticket is solved; a reopen continues it, the time spent
 *   solved not counted;
 * - every clock stops while the status is one of the policy's pause statuses or solved/closed
 *   (ITIL "SLA clock stop"); solving fulfils running response targets (Zendesk: a target is
 *   fulfilled when the ticket is solved); spam or merged cancels them;
 * - a target is met when achieved at or before its due instant.
 */
export function evaluateSla(
  applied: AppliedSla,
  createdAt: Date,
  timeline: readonly SlaTimelineEntry[],
  calendar: TeamCalendar | null,
  now: Date,
): SlaState {
  const events = [...timeline]
    .filter((e) => e.at.getTime() <= now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const stops = stretchesIn(events, [...applied.pauseStatuses, ...DONE], createdAt);
  const voided = events.find((e) => isStatus(e) && VOID.includes(e.status))?.at ?? null;
  const solves = events.filter((e) => isStatus(e) && DONE.includes(e.status));
  const last = events.filter(isStatus).at(-1);
  const solvedAt = last && DONE.includes(last.status) ? last.at : null;

  const target = (metric: SlaMetric, startedAt: Date, achievedAt: Date | null): SlaTargetState | null => {
    const seconds = applied.targets[metric];
    if (seconds === undefined) return null;
    const cancelled = achievedAt === null && voided !== null;
    const end = achievedAt ?? (cancelled ? voided : null);
    const pauses = end ? clip(stops, end) : stops;
    const dueAt = dueAfter(startedAt, seconds, pauses, calendar);
    const atRiskAt = dueAfter(startedAt, atRiskSeconds(seconds, applied.atRisk), pauses, calendar);
    const used = runningSeconds(startedAt, end ?? now, pauses, calendar);
    const paused = end === null && pauses.some((p) => p.to === null);
    const overdue = dueAt !== null && (end ?? now).getTime() >= dueAt.getTime() && used >= seconds;
    const late = achievedAt !== null && used > seconds;
    const status: SlaTargetStatus = cancelled
      ? 'cancelled'
      : achievedAt
        ? 'achieved'
        : overdue
          ? 'breached'
          : paused
            ? 'paused'
            : 'running';
    return {
      metric,
      targetSeconds: seconds,
      startedAt,
      dueAt,
      atRiskAt,
      achievedAt,
      status,
      breached: achievedAt ? late : !cancelled && overdue,
      remainingSeconds: seconds - used,
    };
  };

  const firstReply = events.find((e) => e.kind === 'agent_reply')?.at ?? null;
  const firstDone = solves[0]?.at ?? null;
  const targets: SlaTargetState[] = [];
  const first = target('first_response', createdAt, earliest(firstReply, firstDone));
  if (first) targets.push(first);

  // Next-response cycles: a customer message after a reply opens one; the next reply (or a solve) closes it.
  let replied = false;
  let openedAt: Date | null = null;
  const cycles: { start: Date; end: Date | null }[] = [];
  for (const e of events) {
    if (e.kind === 'agent_reply') {
      if (openedAt) cycles.push({ start: openedAt, end: e.at });
      openedAt = null;
      replied = true;
    } else if (e.kind === 'customer_message') {
      if (replied && openedAt === null) openedAt = e.at;
    } else if (DONE.includes(e.status) && openedAt) {
      cycles.push({ start: openedAt, end: e.at });
      openedAt = null;
    }
  }
  if (openedAt) cycles.push({ start: openedAt, end: null });
  let nextResponseBreaches = 0;
  let latest: SlaTargetState | null = null;
  for (const c of cycles) {
    latest = target('next_response', c.start, c.end);
    if (latest?.breached) nextResponseBreaches++;
  }
  if (latest) targets.push(latest);

  const resolution = target('resolution', createdAt, solvedAt);
  if (resolution) targets.push(resolution);

  const pausePeriods = stretchesIn(events, applied.pauseStatuses, createdAt);
  const pausedSince = pausePeriods.find((p) => p.to === null)?.from ?? null;
  const pausedSeconds = pausePeriods.reduce((sum, p) => sum + spanSeconds(p.from, p.to ?? now, calendar), 0);
  return {
    policyId: applied.policyId,
    version: applied.version,
    pausedSince,
    pausedSeconds,
    targets,
    nextResponseBreaches,
  };
}

const earliest = (a: Date | null, b: Date | null): Date | null =>
  a === null ? b : b === null ? a : a.getTime() <= b.getTime() ? a : b;

const spanSeconds = (from: Date, to: Date, calendar: TeamCalendar | null) =>
  runningSeconds(from, to, [], calendar);

/**
 * The instants after `now` at which the state can change without a new event: each running
 * target's at-risk and due instants. The server schedules one job per instant (no polling).
 */
export function slaWakeUps(state: SlaState, now: Date): Date[] {
  const out = new Set<number>();
  for (const t of state.targets) {
    if (t.status !== 'running') continue;
    for (const at of [t.atRiskAt, t.dueAt]) if (at && at.getTime() > now.getTime()) out.add(at.getTime());
  }
  return [...out].sort((a, b) => a - b).map((ms) => new Date(ms));
}
