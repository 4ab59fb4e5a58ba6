import { pickTranslation, renderPlaceholders } from '@shoreline/core';
import type { Clock } from '../../platform/clock.js';
import { publishTransient } from '../../platform/events/index.js';
import { AppError, notFound } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import type { ScopedDb } from '../../platform/scope.js';
import { type Directory, directoryFor, staffFor } from '../identity/index.js';
import { type BreachingCursor, breachingCountQuery, breachingPage, slaForTickets } from '../sla/index.js';
import {
  type QueueCursor,
  type QueueFilter,
  queueCountQuery,
  queuePage,
  queueTickets,
  searchTickets,
  ticketService,
} from '../tickets/index.js';
import { availabilityOf } from './availability.js';
import { authorize, can } from './policy.js';
import { presentMacro } from './presenters.js';
import type { DESK_VIEWS, PRESENCE_MODES } from './vocabulary.js';

export type DeskView = (typeof DESK_VIEWS)[number];
type PresenceMode = (typeof PRESENCE_MODES)[number];

/** Counts stop here: an inbox shows "1,000+" rather than pay for counting a whole backlog. */
export const COUNT_CAP = 1_000;
/** How long presence lasts without renewal; the web app renews it every 10 s while the ticket is open. */
export const PRESENCE_TTL_SEC = 30;

/** The teams the caller works, kept in `desk_team_members`. */
async function myTeamIds(s: ScopedDb): Promise<string[]> {
  const rows = await s
    .selectFrom('desk_team_members')
    .select('team_id')
    .where('user_id', '=', s.actor.userId)
    .execute();
  return rows.map((r) => r.team_id);
}

/**
 * The providers whose tickets are the caller's queues: a vendor's own; for in-house staff the
 * organization's in-house providers (a vendor's backlog is not an in-house agent's queue, though
 * they may open any ticket). Supervisors' and admins' queues hold everything in reach.
 */
function homeProviders(s: ScopedDb, directory: Directory): string[] | undefined {
  if (s.actor.providerId !== null) return [s.actor.providerId];
  if (can(s.actor, 'desk.view_all')) return undefined;
  return directory.providers.filter((p) => p.kind === 'in_house').map((p) => p.id);
}

/** What every view's filter needs to know about the caller, read once per request. */
interface ViewContext {
  readonly teamIds: string[];
  readonly providerIds: string[] | undefined;
  readonly directory: Directory;
}

async function viewContext(s: ScopedDb): Promise<ViewContext> {
  const [teamIds, directory] = await Promise.all([myTeamIds(s), directoryFor(s)]);
  return { teamIds, directory, providerIds: homeProviders(s, directory) };
}

/**
 * Where a view's tickets come from: a queue of the tickets module (oldest first), or the SLA
 * engine's tickets with a target still owed, most urgent first ("breaching soon").
 */
export type ViewSource =
  | { readonly kind: 'queue'; readonly filter: QueueFilter }
  | { readonly kind: 'sla'; readonly providerIds: readonly string[] | undefined };

/** What a view holds, for this caller; the "all" view is refused (404) to those who may not see it. */
function sourceFor(s: ScopedDb, view: DeskView, c: ViewContext): ViewSource {
  const queue = (filter: QueueFilter): ViewSource => ({ kind: 'queue', filter });
  switch (view) {
    case 'mine':
      return queue({ kind: 'open', assignee: s.actor.userId });
    case 'team':
      return queue({ kind: 'open', teamIds: c.teamIds });
    case 'unassigned':
      return queue({ kind: 'unassigned', providerIds: c.providerIds });
    case 'breaching':
      return { kind: 'sla', providerIds: c.providerIds };
    case 'pending':
      return queue({ kind: 'pending', providerIds: c.providerIds });
    case 'all':
      authorize(s.actor, 'desk.view_all', 'view');
      return queue({ kind: 'open' });
  }
}

export async function viewSource(s: ScopedDb, view: DeskView): Promise<ViewSource> {
  return sourceFor(s, view, await viewContext(s));
}

/**
 * The views the caller has, with their counts (each capped), and the teams they may work. The
 * counts are one statement: `select (select count(*) from (<view 1> limit cap)), (…), …`, each
 * subquery an index-only scan of its view's partial index that stops at the cap.
 */
export async function overview(s: ScopedDb, views: readonly DeskView[]) {
  const c = await viewContext(s);
  const shown = views.filter((v) => v !== 'all' || can(s.actor, 'desk.view_all'));
  const limit = COUNT_CAP + 1;
  const row = await s.executor
    .selectNoFrom((eb) =>
      shown.map((view) => {
        const source = sourceFor(s, view, c);
        const capped =
          source.kind === 'sla'
            ? breachingCountQuery(s, source.providerIds, limit)
            : queueCountQuery(s, source.filter, limit);
        return eb
          .selectFrom(capped.as('capped'))
          .select((e) => e.fn.countAll<number>().as('n'))
          .as(view);
      }),
    )
    .executeTakeFirstOrThrow();
  const counted = row as Record<string, number | string | null>;
  const counts = shown.map((view) => {
    const n = Number(counted[view] ?? 0);
    return { view, count: Math.min(n, COUNT_CAP), more: n > COUNT_CAP };
  });
  const mine = new Set(c.teamIds);
  const teams = c.directory.teams.map((t) => ({
    id: t.id,
    name: t.name,
    providerId: t.providerId,
    member: mine.has(t.id),
  }));
  return { views: counts, teams };
}

/** A page's cursor on the wire: a queue's (created_at, id) or "breaching soon"'s (due_at, ticket_id). */
type ViewCursor = QueueCursor | BreachingCursor;

const encodeCursor = (c: ViewCursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

const badCursor = () =>
  new AppError('validation_failed', 'not a cursor this server gave out', 'query.cursor');
const isInstant = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

function decodeCursor(text: string): Record<string, unknown> {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (c !== null && typeof c === 'object') return c as Record<string, unknown>;
  } catch {}
  throw badCursor();
}

function queueCursor(text: string): QueueCursor {
  const c = decodeCursor(text);
  if (typeof c.id === 'string' && isInstant(c.createdAt)) return { id: c.id, createdAt: c.createdAt };
  throw badCursor();
}

function breachingCursor(text: string): BreachingCursor {
  const c = decodeCursor(text);
  if (typeof c.ticketId === 'string' && isInstant(c.dueAt)) return { ticketId: c.ticketId, dueAt: c.dueAt };
  throw badCursor();
}

/**
 * One page of a view: a queue oldest first, "breaching soon" by the SLA engine's next due time
 * (keyset on `(due_at, ticket_id)`); `next` continues it.
 */
export async function viewPage(s: ScopedDb, view: DeskView, cursor: string | undefined, limit: number) {
  const source = await viewSource(s, view);
  let items: Awaited<ReturnType<typeof queuePage>>['tickets'];
  let next: ViewCursor | null;
  if (source.kind === 'sla') {
    const page = await breachingPage(s, source.providerIds, cursor ? breachingCursor(cursor) : null, limit);
    items = await queueTickets(
      s,
      page.items.map((i) => i.ticketId),
    );
    next = page.next;
  } else {
    const page = await queuePage(s, source.filter, cursor ? queueCursor(cursor) : null, limit);
    items = page.tickets;
    next = page.next;
  }
  const sla = await slaForTickets(
    s,
    items.map((t) => t.id as string),
  );
  return { items, next: next && encodeCursor(next), sla };
}

export async function search(s: ScopedDb, text: string, limit: number) {
  return { items: await searchTickets(s, text, limit) };
}

/** The people the caller may assign tickets to, with their availability now (who is online). */
export async function agents(s: ScopedDb, clock: Clock) {
  const staff = await staffFor(s);
  const availability = await availabilityOf(
    s,
    clock,
    staff.map((u) => u.id),
  );
  return {
    items: staff.map(({ id, name, providerId }) => ({
      id,
      name,
      providerId,
      availability: availability.get(id) ?? 'offline',
    })),
  };
}

/** Replaces the caller's teams; a team outside their reach answers 404 naming it. */
export async function setMyTeams(s: ScopedDb, teamIds: readonly string[]) {
  return s.transaction(async (tx) => {
    const teams = (await directoryFor(tx)).teams;
    const chosen = [...new Set(teamIds)].map((id, i) => {
      const team = teams.find((t) => t.id === id);
      if (!team) throw new AppError('not_found', 'team not found', `teamIds.${i}`);
      return team;
    });
    await tx.deleteFrom('desk_team_members').where('user_id', '=', tx.actor.userId).execute();
    if (chosen.length > 0)
      await tx
        .insertInto(
          'desk_team_members',
          chosen.map((t) => ({ provider_id: t.providerId, team_id: t.id, user_id: tx.actor.userId })),
        )
        .execute();
    return chosen.map((t) => t.id);
  });
}

// Macros.

export async function listMacros(s: ScopedDb) {
  const rows = await s.selectFrom('macros').selectAll().orderBy('name').execute();
  return { items: rows.map(presentMacro) };
}

export async function createMacro(
  s: ScopedDb,
  clock: Clock,
  input: { name: string; bodies: Record<string, string>; actions: { status?: string; addTags?: string[] } },
) {
  authorize(s.actor, 'macro.write', 'macro');
  const now = clock.now();
  const row = await s.insertRow('macros', {
    id: newId('mac', now.getTime()),
    name: input.name,
    bodies: JSON.stringify(input.bodies),
    actions: JSON.stringify(input.actions),
    created_at: now,
    updated_at: now,
  });
  return presentMacro(row);
}

export async function deleteMacro(s: ScopedDb, id: string) {
  authorize(s.actor, 'macro.write', 'macro');
  const deleted = await s.deleteFrom('macros').where('id', '=', id).executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) throw notFound('macro');
}

/** `Ayşe Demir <ayse@example.com>` → name and address; a bare address has no name. */
function requesterParts(requester: string | null): { name: string | null; email: string | null } {
  if (!requester) return { name: null, email: null };
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(requester);
  if (m) return { name: m[1] || null, email: m[2]! };
  return requester.includes('@') ? { name: null, email: requester.trim() } : { name: requester, email: null };
}

/**
 * A macro's body for one ticket: the translation for the ticket's language (else English, else
 * any), its placeholders filled from the ticket, its customer and the calling agent.
 */
export async function renderMacro(s: ScopedDb, ticketId: string, macroId: string) {
  const ticket = await ticketService.ticketReach(s, ticketId);
  const macro = await s.selectFrom('macros').selectAll().where('id', '=', macroId).executeTakeFirst();
  if (!macro) throw new AppError('not_found', 'macro not found', 'macroId');
  const m = presentMacro(macro);
  const [agent] = await staffFor(s, [s.actor.userId]);
  const customer = requesterParts(ticket.requester);
  const { language, text } = pickTranslation(m.bodies, ticket.language, 'en');
  const rendered = renderPlaceholders(text, {
    'customer.name': customer.name,
    'customer.email': customer.email,
    'ticket.number': ticket.number ?? ticket.external_id,
    'ticket.subject': ticket.subject,
    'agent.name': agent?.name,
  });
  return { body: rendered.text, language, missing: [...rendered.missing], actions: m.actions };
}

// Presence: who else has the ticket open, across every server process on the database.

async function presentOthers(s: ScopedDb, ticketId: string, now: Date) {
  const rows = await s
    .selectFrom('desk_presence')
    .select(['user_name', 'mode', 'user_id'])
    .where('ticket_id', '=', ticketId)
    .where('expires_at', '>', now)
    .orderBy('user_name')
    .execute();
  return rows;
}

/**
 * Records that the caller has the ticket open (or is replying) for the next PRESENCE_TTL_SEC, and
 * tells every process's browsers on the ticket (a transient `desk.presence` event, scoped like the
 * ticket). Answers who else is there.
 */
export async function touchPresence(s: ScopedDb, clock: Clock, ticketId: string, mode: PresenceMode) {
  return s.transaction(async (tx) => {
    const now = clock.now();
    const ticket = await ticketService.ticketReach(tx, ticketId);
    const [me] = await staffFor(tx, [tx.actor.userId]);
    const expires = new Date(now.getTime() + PRESENCE_TTL_SEC * 1000);
    const previous = await tx
      .selectFrom('desk_presence')
      .select(['mode', 'expires_at'])
      .where('ticket_id', '=', ticketId)
      .where('user_id', '=', tx.actor.userId)
      .executeTakeFirst();
    await tx
      .deleteFrom('desk_presence')
      .where('ticket_id', '=', ticketId)
      .where('expires_at', '<=', now)
      .execute();
    await tx
      .insertInto('desk_presence', {
        provider_id: ticket.provider_id,
        ticket_id: ticketId,
        user_id: tx.actor.userId,
        user_name: me?.name ?? tx.actor.userId,
        mode,
        expires_at: expires,
      })
      .onConflict((oc) =>
        oc
          .columns(['ticket_id', 'user_id'])
          .doUpdateSet({ mode, expires_at: expires, provider_id: ticket.provider_id }),
      )
      .execute();
    const all = await presentOthers(tx, ticketId, now);
    // Only a change is news: a renewal of the same mode is not broadcast.
    const changed = !previous || previous.mode !== mode || new Date(previous.expires_at) <= now;
    if (changed) await announce(tx, ticket, all);
    return {
      items: all
        .filter((p) => p.user_id !== tx.actor.userId)
        .map(({ user_name, mode: m }) => ({ name: user_name, mode: m })),
    };
  });
}

/** The caller closed the ticket: their presence ends now. */
export async function leavePresence(s: ScopedDb, clock: Clock, ticketId: string) {
  await s.transaction(async (tx) => {
    const ticket = await ticketService.ticketReach(tx, ticketId);
    const gone = await tx
      .deleteFrom('desk_presence')
      .where('ticket_id', '=', ticketId)
      .where('user_id', '=', tx.actor.userId)
      .executeTakeFirst();
    if (Number(gone.numDeletedRows) > 0)
      await announce(tx, ticket, await presentOthers(tx, ticketId, clock.now()));
  });
}

/** What a `desk.presence` push carries: names only (a vendor's agent never learns in-house staff's ids). */
export interface PresencePayload {
  present: { name: string; mode: (typeof PRESENCE_MODES)[number] }[];
}

/** Everyone on the ticket now, to every process's browsers allowed to see the ticket (after commit). */
function announce(
  tx: ScopedDb,
  ticket: { id: string; provider_id: string | null },
  present: { user_id: string; user_name: string; mode: string }[],
) {
  return publishTransient(tx.executor, {
    type: 'desk.presence',
    organizationId: tx.actor.organizationId,
    providerId: ticket.provider_id,
    subjectType: 'ticket',
    subjectId: ticket.id,
    // Names only: a vendor's agent may see who else works its ticket, not in-house staff's ids.
    payload: {
      present: present.map((p) => ({
        name: p.user_name,
        mode: p.mode as PresencePayload['present'][number]['mode'],
      })),
    } satisfies PresencePayload,
  });
}
