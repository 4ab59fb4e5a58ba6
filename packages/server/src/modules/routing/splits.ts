// Pilot splits (decision 0028): while a pilot runs, new tickets of its slice are assigned an arm
// by a seeded hash (core `assignArm`: neither side picks its contacts) and routed only among that
// arm's teams — the vendor's provider's, or the in-house ones — by the same rules as any ticket.

import { assignArm, type RoutingTeam, type RoutingTicket } from '@shoreline/core';
import type { Selectable } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import type { ScopedDb } from '../../platform/scope.js';
import type { RoutingSplitsTable } from './tables.js';

export interface SplitInput {
  readonly name: string;
  readonly channel?: string | undefined;
  readonly language?: string | undefined;
  /** A tag the ticket carries when it is opened (the slice's topic). */
  readonly tag?: string | undefined;
  /** Share of the slice sent to the vendor. */
  readonly ratio: number;
  readonly seed: number;
  readonly vendorProviderId: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

export type SplitArm = 'vendor' | 'in-house';

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
      ratio: input.ratio,
      seed: input.seed,
      vendor_provider_id: input.vendorProviderId,
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

const matches = (split: Selectable<RoutingSplitsTable>, t: RoutingTicket) =>
  (split.channel === null || split.channel === t.channel) &&
  (split.language === null || (t.language ?? '').toLowerCase().split('-')[0] === split.language) &&
  (split.tag === null || (t.tags ?? []).includes(split.tag));

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
): Promise<{ splitId: string; arm: SplitArm; name: string; teams: RoutingTeam[] } | null> {
  const running = await s
    .selectFrom('routing_splits')
    .selectAll()
    .where('starts_at', '<=', at)
    .where('ends_at', '>', at)
    .orderBy('created_at')
    .execute();
  const split = running.find((x) => matches(x, ticket));
  if (!split) return null;
  const arm = assignArm(key, split.seed, Number(split.ratio));
  const armTeams = teams.filter((t) =>
    arm === 'vendor' ? t.providerId === split.vendor_provider_id : t.providerKind === 'in_house',
  );
  return armTeams.length === 0 ? null : { splitId: split.id, arm, name: split.name, teams: armTeams };
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
