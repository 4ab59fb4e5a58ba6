import type { OpeningWindow, TeamCalendar } from '@shoreline/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
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
    calendar,
  };
}

/** The providers and teams the caller sees (vendor staff: their own provider and its teams). */
export async function directoryFor(scoped: ScopedDb): Promise<Directory> {
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
