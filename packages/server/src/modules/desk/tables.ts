import type { ColumnType } from 'kysely';
import type { Timestamp } from '../../platform/db/columns.js';
import { scopedTables, VENDOR_VISIBLE } from '../../platform/scope.js';

/** A script agents follow: a body per language with placeholders, and what applying it does. */
export interface MacrosTable {
  id: string;
  organization_id: string;
  name: string;
  /** Language tag → body with `{{placeholders}}` (core/desk/placeholders.ts). */
  bodies: ColumnType<Record<string, string>, string, string>;
  /** Status to set and tags to add when the reply is sent. */
  actions: ColumnType<{ status?: string; addTags?: string[] }, string, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/**
 * Who has a ticket open right now, and whether they are replying: a row per (ticket, user) that
 * lives `PRESENCE_TTL_SEC` unless renewed. In the database, not in memory, so every server process
 * on it sees the same people (docs/decisions/0018-inbox-and-search.md).
 */
export interface DeskPresenceTable {
  organization_id: string;
  /** The ticket's provider: vendor staff see presence on their provider's tickets only. */
  provider_id: string | null;
  ticket_id: string;
  user_id: string;
  user_name: string;
  mode: 'viewing' | 'replying';
  expires_at: Timestamp;
}

/** The teams whose queue an agent works ("my team's queue"); the agent chooses them. */
export interface DeskTeamMembersTable {
  organization_id: string;
  /** The team's provider. */
  provider_id: string;
  team_id: string;
  user_id: string;
}

/**
 * An agent's availability, renewed by their open inbox (a heartbeat every ~30 s). In the database,
 * so every server process agrees on who may be given a chat; stale after AVAILABILITY_TTL_SEC.
 */
export interface DeskAvailabilityTable {
  user_id: string;
  organization_id: string;
  /** The agent's provider (null: in house): vendor supervisors see their own agents only. */
  provider_id: string | null;
  status: 'online' | 'away' | 'offline';
  seen_at: Timestamp;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    desk_availability: DeskAvailabilityTable;
    macros: MacrosTable;
    desk_presence: DeskPresenceTable;
    desk_team_members: DeskTeamMembersTable;
  }
}

export const deskScopedTables = scopedTables({
  // The organization's scripts: every agent follows them, vendor staff included; only the
  // organization's own supervisors and admins write them (policy.ts).
  macros: VENDOR_VISIBLE,
  desk_presence: 'provider_id',
  desk_team_members: 'provider_id',
  desk_availability: 'provider_id',
});
