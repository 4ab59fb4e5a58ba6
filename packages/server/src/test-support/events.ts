import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { type DomainEvent, recordEvent } from '../platform/events/index.js';

let n = 0;

/** Records one domain event in its own transaction, as a module's service would; fields default. */
export async function recordTestEvent(
  db: Kysely<DB>,
  event: Partial<DomainEvent> & { organizationId: string },
): Promise<void> {
  await db.transaction().execute((tx) =>
    recordEvent(tx, {
      type: 'ticket.created',
      providerId: null,
      subjectType: 'ticket',
      subjectId: `tkt_test${++n}`,
      actorId: null,
      occurredAt: new Date('2026-01-01T00:00:00Z'),
      payload: {},
      ...event,
    }),
  );
}

/**
 * Waits until every committed outbox row is below the delivery horizon. On a PostgreSQL cluster
 * shared with other work, a write transaction in ANY database holds the horizon back
 * (docs/decisions/0011-event-delivery.md); tests wait for it instead of assuming an idle cluster.
 */
export async function waitForOutboxHorizon(db: Kysely<DB>, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const { rows } = await sql<{ ready: boolean }>`select not exists (
        select 1 from domain_events where tx >= pg_snapshot_xmin(pg_current_snapshot())) as ready`.execute(
      db,
    );
    if (rows[0]?.ready) return;
    if (performance.now() > deadline) throw new Error('outbox horizon did not pass the last event');
    await new Promise((r) => setTimeout(r, 20));
  }
}
