// Pilot splits (decisions 0028 and 0037): while a pilot runs, new tickets of its slice (channel,
// language, topic tag, weekly hours in a time zone) are assigned an arm by a seeded hash (core
// `assignWeightedArm`: neither side picks its contacts) and routed only among that arm's teams —
// a vendor's provider's, or the in-house ones — by the same rules as any ticket.

import {
  assignWeightedArm,
  type RoutingTeam,
  type RoutingTicket,
  type WeeklyHours,
  withinWeeklyHours,
} from '@shoreline/core';
import type { Selectable } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import type { ScopedDb } from '../../platform/scope.js';
import type { RoutingSplitsTable, SplitArmRow } from './tables.js';

export interface SplitInput {
  readonly name: string;
  readonly channel?: string | undefined;
  readonly language?: string | undefined;
  /** A tag the ticket carries when it is opened (the slice's topic). */
  readonly tag?: string | undefined;
  /** Weekly windows the slice's tickets are opened in (null or absent: every hour). */
  readonly hours?: WeeklyHours | null | undefined;
  /** The arms, each with its key (stored on each routed ticket), teams' provider (null: in house) and weight. */
  readonly arms: readonly SplitArmRow[];
  readonly seed: number;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/** An arm's key as the split's caller named it. */
export type SplitArm = string;

/** Opens a split (its caller checked who may); answers its id. */
export async function openSplit(s: ScopedDb, clock: Clock, input: SplitInput): Promise<string> {
  const now = clock.now();
  const id = newId('spl', now.getTime());
  await s
    .insertInto('routing_splits', {
      id,
      name: input.name,
      channel: input.channel ?? null,
      language: input.language?.toLowerCase().split('-')[0] ?? null,
      tag: input.tag ?? null,
      arms: JSON.stringify(input.arms),
      hours: input.hours ? JSON.stringify(input.hours) : null,
      seed: input.seed,
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      created_at: now,
    })
    .execute();
  return id;
}

/** Ends a split now (a pilot stopped early); tickets already routed keep their arm. */
export async function closeSplit(s: ScopedDb, clock: Clock, id: string): Promise<void> {
  await s.updateTable('routing_splits').set({ ends_at: clock.now() }).where('id', '=', id).execute();
}

/** A jsonb column as the driver returns it (parsed, or text on some drivers). */
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

const matches = (split: Selectable<RoutingSplitsTable>, t: RoutingTicket, at: Date) =>
  (split.channel === null || split.channel === t.channel) &&
  (split.language === null || (t.language ?? '').toLowerCase().split('-')[0] === split.language) &&
  (split.tag === null || (t.tags ?? []).includes(split.tag)) &&
  withinWeeklyHours(at, json<WeeklyHours | null>(split.hours));

/**
 * The split a new ticket falls in at `at` (the first one running whose slice it matches), its arm
 * for `key`, and the teams that arm may route to; null when no split applies or an arm has no team.
 */
export async function splitFor(
  s: ScopedDb,
  at: Date,
  ticket: RoutingTicket,
  key: string,
  teams: readonly RoutingTeam[],
): Promise<{ splitId: string; arm: SplitArm; label: string; name: string; teams: RoutingTeam[] } | null> {
  const running = await s
    .selectFrom('routing_splits')
    .selectAll()
    .where('starts_at', '<=', at)
    .where('ends_at', '>', at)
    .orderBy('created_at')
    .execute();
  const split = running.find((x) => matches(x, ticket, at));
  if (!split) return null;
  const arms = json<SplitArmRow[]>(split.arms);
  const arm =
    arms[
      assignWeightedArm(
        key,
        split.seed,
        arms.map((a) => Number(a.weight)),
      )
    ]!;
  const armTeams = teams.filter((t) =>
    arm.providerId === null ? t.providerKind === 'in_house' : t.providerId === arm.providerId,
  );
  return armTeams.length === 0
    ? null
    : { splitId: split.id, arm: arm.key, label: arm.label ?? arm.key, name: split.name, teams: armTeams };
}

/** The tickets a split routed, with their arms (the organization's view; for Source's pilot report). */
export async function splitTickets(
  s: ScopedDb,
  splitId: string,
  limit = 200_000,
): Promise<{ ticketId: string; arm: SplitArm }[]> {
  const rows = await s
    .selectFrom('routing_decisions')
    .select(['ticket_id', 'split_arm'])
    .where('split_id', '=', splitId)
    .limit(limit)
    .execute();
  return rows.flatMap((r) => (r.split_arm ? [{ ticketId: r.ticket_id, arm: r.split_arm }] : []));
}
