import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { DomainEvent, DomainEventsTable } from './domain-event.js';
import { afterPosition, belowHorizon, type EventPosition, HEAD_SQL } from './position.js';

/** An event as read back from the outbox: the domain event plus its id and delivery position. */
export interface StoredEvent extends DomainEvent {
  readonly id: string;
  readonly position: EventPosition;
}

/** An outbox row as read: the table's columns, with the id as the driver returns it and the writing transaction. */
interface Row extends Omit<DomainEventsTable, 'id'> {
  id: string | number;
  tx: string;
}

/** Narrows a read to one organization and, for vendor staff, one provider. */
export interface OutboxScope {
  readonly organizationId: string;
  readonly providerId: string | null;
}

/**
 * Up to `limit` events after `after`, in delivery order, only below the horizon (so none can still
 * appear before them). With a scope, only that organization's (and provider's) events.
 */
export async function readEvents(
  db: Kysely<DB> | Transaction<DB>,
  after: EventPosition,
  limit: number,
  scope?: OutboxScope,
): Promise<StoredEvent[]> {
  const org = scope ? sql`and e.organization_id = ${scope.organizationId}` : sql``;
  const provider = scope?.providerId ? sql`and e.provider_id = ${scope.providerId}` : sql``;
  const { rows } = await sql<Row>`select e.id, e.tx::text as tx, e.organization_id, e.provider_id, e.type,
      e.subject_type, e.subject_id, e.actor_id, e.occurred_at, e.payload
    from domain_events e
    where ${afterPosition(after)} and ${belowHorizon()} ${org} ${provider}
    order by e.tx, e.id
    limit ${limit}`.execute(db);
  return rows.map(toStoredEvent);
}

/** The current head: events written from now on sort after it. */
export async function headPosition(db: Kysely<DB> | Transaction<DB>): Promise<EventPosition> {
  const { rows } = await HEAD_SQL.execute(db);
  return { tx: rows[0]!.tx, id: '0' };
}

function toStoredEvent(r: Row): StoredEvent {
  const id = String(r.id);
  return {
    id,
    position: { tx: r.tx, id },
    type: r.type,
    organizationId: r.organization_id,
    providerId: r.provider_id,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    actorId: r.actor_id,
    occurredAt: new Date(r.occurred_at),
    payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
  };
}
