import type { OpeningWindow, TeamCalendar } from '@shoreline/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { SignalledMemory } from '../../platform/events/index.js';
import type { ModuleContext } from '../../platform/module.js';
import type { ScopedDb } from '../../platform/scope.js';

/**
 * What other modules need to know about an organization's providers and teams (names for labels
 * and import rules, kinds for grouping, team calendars for business hours), so that they ask
 * identity instead of reading its tables.
 */
export interface DirectoryProvider {
  readonly id: string;
  readonly name: string;
  readonly kind: 'in_house' | 'vendor';
}

export interface DirectoryTeam {
  readonly id: string;
  readonly providerId: string;
  readonly name: string;
  /** Languages (BCP 47 tags) and channels the team works: where an escalation lands. */
  readonly languages: readonly string[];
  readonly channels: readonly string[];
  /** The IANA zone the team works in (its local days and hours: decision 0065). */
  readonly timeZone: string;
  /** The team's business hours, or null when it has none (business-time KPIs then stay empty). */
  readonly calendar: TeamCalendar | null;
}

export interface Directory {
  readonly providers: readonly DirectoryProvider[];
  readonly teams: readonly DirectoryTeam[];
}

type TeamRow = {
  id: string;
  provider_id: string;
  name: string;
  languages: string[];
  channels: string[];
  time_zone: string;
  business_hours: unknown;
};

function toTeam(t: TeamRow): DirectoryTeam {
  const hours = typeof t.business_hours === 'string' ? JSON.parse(t.business_hours) : t.business_hours;
  const calendar =
    Array.isArray(hours) && hours.length > 0
      ? { timeZone: t.time_zone, hours: hours as OpeningWindow[] }
      : null;
  return {
    id: t.id,
    providerId: t.provider_id,
    name: t.name,
    languages: t.languages,
    channels: t.channels,
    timeZone: t.time_zone,
    calendar,
  };
}

/**
 * How long a remembered directory is trusted without asking the database when no signal arrives (a
 * lost signal's bound, as for sign-ins: docs/decisions/0012-session-cache.md).
 */
export const DIRECTORY_CACHE_TTL_MS = 5_000;

/** The prefix the directory triggers send (migration `identity_directory_signals`). */
const DIRECTORY_SIGNAL = 'identity.directory:';

/**
 * Organizations' whole directories, remembered by one server process: every KPI table that names
 * providers or teams, and the drill-downs, read it on every request (two queries and every team's
 * calendar; the provider KPI table's main cost once its answer is cached). A change to providers or
 * teams (API, CLI, import rules, plain SQL) reaches every process as `identity.directory:<org>` from
 * the triggers, at commit; the process that made it forgets at once. Served from memory only while
 * signals arrive, and for at most `ttlMs`.
 */
export class DirectoryCache extends SignalledMemory<Directory> {
  constructor(live: () => boolean, nowMs: () => number, ttlMs = DIRECTORY_CACHE_TTL_MS) {
    super(DIRECTORY_SIGNAL, live, nowMs, ttlMs);
  }
}

/** The cache of each server instance, by its database handle (ScopedDb.database). */
const caches = new WeakMap<object, DirectoryCache>();

/**
 * Remembers directories for this instance (a server: called when its routes are built; CLI commands
 * read the database each time). Returns the instance's cache.
 */
export function cacheDirectories(ctx: ModuleContext): DirectoryCache {
  const existing = caches.get(ctx.db);
  if (existing) return existing;
  const cache = new DirectoryCache(
    () => ctx.events.signalsLive,
    () => ctx.clock.now().getTime(),
  );
  ctx.events.onSignal((signal) => cache.onSignal(signal));
  caches.set(ctx.db, cache);
  return cache;
}

/** Forgets an organization's directory in this process at once (its writer; others learn by signal). */
export function forgetDirectory(scoped: ScopedDb): void {
  caches.get(scoped.database)?.forget(scoped.actor.organizationId);
}

/** The providers and teams the caller sees (vendor staff: their own provider and its teams). */
export async function directoryFor(scoped: ScopedDb): Promise<Directory> {
  const cache = caches.get(scoped.database);
  // Inside a transaction the caller may have changed the directory itself: read it.
  if (!cache || scoped.executor.isTransaction) return readDirectory(scoped);
  const organizationId = scoped.actor.organizationId;
  let whole = cache.get(organizationId);
  if (!whole) {
    const mark = cache.mark();
    whole = await organizationDirectory(scoped.executor as Kysely<DB>, organizationId);
    cache.put(organizationId, whole, mark);
  }
  // The scope rule of `providers` (id) and `teams` (provider_id), applied in memory.
  const providerId = scoped.actor.providerId;
  if (providerId === null) return whole;
  return {
    providers: whole.providers.filter((p) => p.id === providerId),
    teams: whole.teams.filter((t) => t.providerId === providerId),
  };
}

async function readDirectory(scoped: ScopedDb): Promise<Directory> {
  const [providers, teams] = await Promise.all([
    scoped.selectFrom('providers').select(['id', 'name', 'kind']).orderBy('name').execute(),
    scoped
      .selectFrom('teams')
      .select(['id', 'provider_id', 'name', 'languages', 'channels', 'time_zone', 'business_hours'])
      .orderBy('name')
      .execute(),
  ]);
  return { providers, teams: teams.map(toTeam) };
}

/**
 * An organization's whole directory, for work done on its behalf without a signed-in caller
 * (imports run by the CLI or a job).
 */
export async function organizationDirectory(db: Kysely<DB>, organizationId: string): Promise<Directory> {
  const [providers, teams] = await Promise.all([
    db
      .selectFrom('providers')
      .select(['id', 'name', 'kind'])
      .where('organization_id', '=', organizationId)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('teams')
      .select(['id', 'provider_id', 'name', 'languages', 'channels', 'time_zone', 'business_hours'])
      .where('organization_id', '=', organizationId)
      .orderBy('name')
      .execute(),
  ]);
  return { providers, teams: teams.map(toTeam) };
}

/**
 * What a foreign key to organizations, providers and teams does, once for a whole batch of rows
 * (the tickets table dropped its foreign keys for import speed, migration `tickets_references_checked_per_batch`): true when the
 * organization and every named provider and team exist in it, and key-share locks them until the
 * caller's transaction ends, so none is deleted under the rows being written.
 */
export async function lockReferences(
  tx: { query<R>(sql: string, params?: unknown[]): Promise<R[]> },
  organizationId: string,
  providerIds: readonly string[],
  teamIds: readonly string[],
): Promise<boolean> {
  const [found] = await tx.query<{ organizations: number; providers: number; teams: number }>(
    `with o as (select id from organizations where id = $1 for key share),
     p as (select id from providers where organization_id = $1 and id = any($2::text[]) for key share),
     t as (select id from teams where organization_id = $1 and id = any($3::text[]) for key share)
     select (select count(*) from o)::int as organizations, (select count(*) from p)::int as providers,
     (select count(*) from t)::int as teams`,
    [organizationId, providerIds, teamIds],
  );
  return (
    found?.organizations === 1 && found.providers === providerIds.length && found.teams === teamIds.length
  );
}

/** A person who works tickets, as other modules may show them (names for presence, macros, assignment). */
export interface StaffMember {
  readonly id: string;
  readonly name: string;
  readonly providerId: string | null;
  readonly role: 'admin' | 'supervisor' | 'agent';
}

/**
 * The active people the caller sees (vendor staff: their provider's), all or those named by `ids`,
 * by name.
 */
export async function staffFor(scoped: ScopedDb, ids?: readonly string[]): Promise<StaffMember[]> {
  let q = scoped
    .selectFrom('users')
    .select(['id', 'name', 'provider_id', 'role'])
    .where('status', '=', 'active')
    .orderBy('name');
  if (ids !== undefined) {
    if (ids.length === 0) return [];
    q = q.where('id', 'in', ids);
  }
  return (await q.execute()).map((u) => ({
    id: u.id,
    name: u.name,
    providerId: u.provider_id,
    role: u.role,
  }));
}

/**
 * The organization's own time zone as far as the directory knows one (decision 0065): the zone all
 * teams of its in-house providers share; UTC when it has no in-house team or they work in different
 * zones (then the caller should name one). Organizations have no zone of their own: their teams do.
 */
export function directoryTimeZone(directory: Directory): string {
  const inHouse = new Set(directory.providers.filter((p) => p.kind === 'in_house').map((p) => p.id));
  const zones = new Set(directory.teams.filter((t) => inHouse.has(t.providerId)).map((t) => t.timeZone));
  return zones.size === 1 ? [...zones][0]! : 'UTC';
}
