import { sql } from 'kysely';
import type { ScopedDb } from '../../platform/scope.js';
import { presentTicket } from './presenters.js';

/** Statuses with work to do: what the inbox queues hold (pending waits on the customer). */
export const OPEN_STATUSES = ['new', 'open', 'on_hold'] as const;

/**
 * Which tickets an inbox view holds. Each combination matches a partial index of migration
 * `desk_search_and_queues` (its `where` and leading columns), so a page is an index scan.
 */
export type QueueFilter =
  | {
      readonly kind: 'open';
      readonly assignee?: string;
      readonly teamIds?: readonly string[];
      /** One channel's tickets only (an agent's open chats, for the chat concurrency limit). */
      readonly channel?: string;
    }
  | { readonly kind: 'unassigned'; readonly providerIds?: readonly string[] | undefined }
  | { readonly kind: 'pending'; readonly providerIds?: readonly string[] | undefined };

/** Only these providers' tickets (the caller's home queues); undefined: all in reach; none: nothing. */
function ofProviders<Q extends ReturnType<ScopedDb['selectFrom']>>(
  q: Q,
  providerIds: readonly string[] | undefined,
): Q {
  if (providerIds === undefined) return q;
  if (providerIds.length === 0) return q.where(sql<boolean>`false`) as Q;
  return q.where(sql<boolean>`provider_id in (${sql.join(providerIds)})`) as Q;
}

/** Where the previous page ended: the last ticket's creation instant and id (keyset pagination). */
export interface QueueCursor {
  readonly createdAt: string;
  readonly id: string;
}

function filtered(s: ScopedDb, filter: QueueFilter) {
  let q = s.selectFrom('tickets');
  if (filter.kind === 'pending') return ofProviders(q.where('status', '=', 'pending'), filter.providerIds);
  q = q.where('status', 'in', OPEN_STATUSES);
  if (filter.kind === 'unassigned') return ofProviders(q.where('assignee', 'is', null), filter.providerIds);
  if (filter.assignee !== undefined) q = q.where('assignee', '=', filter.assignee);
  if (filter.channel !== undefined) q = q.where('channel', '=', filter.channel);
  if (filter.teamIds !== undefined)
    q = filter.teamIds.length === 0 ? q.where(sql<boolean>`false`) : q.where('team_id', 'in', filter.teamIds);
  return q;
}

/**
 * One page of a queue, oldest first, after `cursor`: `(created_at, id) > cursor` on the view's
 * index, so page 1,000 costs what page 1 does. `next` is the cursor of the following page.
 */
export async function queuePage(s: ScopedDb, filter: QueueFilter, cursor: QueueCursor | null, limit: number) {
  let q = filtered(s, filter)
    .selectAll()
    .where('created_at', 'is not', null)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit + 1);
  if (cursor)
    q = q.where(sql<boolean>`(created_at, id) > (${new Date(cursor.createdAt)}::timestamptz, ${cursor.id})`);
  const rows = await q.execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next =
    rows.length > limit && last?.created_at
      ? { createdAt: new Date(last.created_at).toISOString(), id: last.id }
      : null;
  return { tickets: page.map(presentTicket), next };
}

/**
 * The tickets of a page another module ordered (the SLA engine's "breaching soon"), in that order,
 * as far as the caller sees them (a ticket out of scope is left out). At most a page of ids.
 */
export async function queueTickets(s: ScopedDb, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await s
    .selectFrom('tickets')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [presentTicket(row)] : [];
  });
}

/**
 * A queue's tickets up to `cap`, as a query (not run): counted by `queueCount`, or with other
 * views' counts in one statement (the inbox's overview).
 */
export function queueCountQuery(s: ScopedDb, filter: QueueFilter, cap: number) {
  return filtered(s, filter).select(sql<number>`1`.as('one')).limit(cap);
}

/**
 * How many tickets a queue holds, counted up to `cap` (an index-only count that stops there): an
 * inbox shows "10,000+" instead of paying for an exact count of a huge backlog.
 */
export async function queueCount(s: ScopedDb, filter: QueueFilter, cap: number): Promise<number> {
  const inner = queueCountQuery(s, filter, cap);
  const row = await s.executor
    .selectFrom(inner.as('capped'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
