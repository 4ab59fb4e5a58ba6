import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

/**
 * The tickets' data version per organization. Every writer of `tickets`, `ticket_messages` or
 * `ticket_events` (this module's service and bulk import, nothing else) raises it inside its
 * transaction, so a reader that sees the version unchanged knows no committed write happened since
 * it last looked.
 */
const BUMP_TICKET_DATA_VERSION_SQL = `insert into ticket_data_versions (organization_id, version) values ($1, 1)
   on conflict (organization_id) do update set version = ticket_data_versions.version + 1`;

/** Raises the organization's version through a plain query function (the bulk import's COPY transaction). */
export async function bumpTicketDataVersionWith(
  tx: { query(sql: string, params?: unknown[]): Promise<unknown> },
  organizationId: string,
): Promise<void> {
  await tx.query(BUMP_TICKET_DATA_VERSION_SQL, [organizationId]);
}

/** Raises the organization's version; call it in the same transaction as the write. */
export async function bumpTicketDataVersion(
  db: Kysely<DB> | Transaction<DB>,
  organizationId: string,
): Promise<void> {
  await sql`insert into ticket_data_versions (organization_id, version) values (${organizationId}, 1)
    on conflict (organization_id) do update set version = ticket_data_versions.version + 1`.execute(db);
}
