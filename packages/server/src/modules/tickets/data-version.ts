import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

/**
 * The tickets' data version per organization: the key of Insight's KPI column cache
 * (insight/kpi-columns), which reads the `tickets` rows only. Every writer of a `tickets` row (this
 * module's service and bulk import, nothing else) raises it inside its transaction, so a reader that
 * sees the version unchanged knows no committed change to a ticket's row happened since it last
 * looked. A write that changes no `tickets` row (a message that stamps no first response) need not:
 * the row is locked from the bump until commit, so each bump queues the organization's other
 * writers (decision 0034). A future reader keyed on this version that reads other tables must
 * widen this rule first.
 */
const BUMP_TICKET_DATA_VERSION_SQL = `insert into ticket_data_versions (organization_id, version) values ($1, 1)
   on conflict (organization_id) do update set version = ticket_data_versions.version + 1`;

/**
 * Told of every bump this process makes, at the bump (before its commit): a process that remembers
 * versions (insight's column cache, decision 0058) forgets the organization's at once, so its own
 * next read after the commit asks the database; other processes learn from the trigger's
 * `tickets.data_version:<org>` signal at commit (migration `tickets_data_version_signals`).
 */
const bumpListeners = new Set<(organizationId: string) => void>();

/** Calls `fn` with the organization of every version bump this process makes; returns the unsubscribe. */
export function onTicketDataBump(fn: (organizationId: string) => void): () => void {
  bumpListeners.add(fn);
  return () => bumpListeners.delete(fn);
}

const bumped = (organizationId: string) => {
  for (const fn of bumpListeners) fn(organizationId);
};

/** Raises the organization's version through a plain query function (the bulk import's COPY transaction). */
export async function bumpTicketDataVersionWith(
  tx: { query(sql: string, params?: unknown[]): Promise<unknown> },
  organizationId: string,
): Promise<void> {
  await tx.query(BUMP_TICKET_DATA_VERSION_SQL, [organizationId]);
  bumped(organizationId);
}

/** Raises the organization's version; call it in the same transaction as the write. */
export async function bumpTicketDataVersion(
  db: Kysely<DB> | Transaction<DB>,
  organizationId: string,
): Promise<void> {
  await sql`insert into ticket_data_versions (organization_id, version) values (${organizationId}, 1)
    on conflict (organization_id) do update set version = ticket_data_versions.version + 1`.execute(db);
  bumped(organizationId);
}
