import { type Generated, type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * A fact another module may care about (`ticket.created`, `message.received`, …), written by the
 * owning module's service in the same transaction as the change it describes (the outbox pattern:
 * the event exists exactly when the change committed). Listeners, webhooks, push and the audit log
 * read the outbox; the writer knows none of them.
 */
export interface DomainEvent<P extends Record<string, unknown> = Record<string, unknown>> {
  /** `noun.verb_past`, e.g. `ticket.status_changed`. */
  readonly type: string;
  readonly organizationId: string;
  /** The provider the subject belongs to; vendor staff only ever receive events of their own provider. */
  readonly providerId: string | null;
  /** What the event is about: `ticket`, `import_run`, … and its id. */
  readonly subjectType: string;
  readonly subjectId: string;
  /** Who caused it: a user id, or a system actor such as `system:cli` or `system:mail`. */
  readonly actorId: string | null;
  readonly occurredAt: Date;
  readonly payload: P;
}

export interface DomainEventsTable {
  id: Generated<string>;
  organization_id: string;
  provider_id: string | null;
  type: string;
  subject_type: string;
  subject_id: string;
  actor_id: string | null;
  occurred_at: Date | string;
  payload: string | Record<string, unknown>;
}

declare module '../db/schema.js' {
  interface DB {
    domain_events: DomainEventsTable;
  }
}

/** Appends an event to the outbox; call it with the transaction that makes the change. */
export async function recordEvent(db: Kysely<DB> | Transaction<DB>, event: DomainEvent): Promise<void> {
  await sql`insert into domain_events
      (organization_id, provider_id, type, subject_type, subject_id, actor_id, occurred_at, payload)
    values (${event.organizationId}, ${event.providerId}, ${event.type}, ${event.subjectType},
      ${event.subjectId}, ${event.actorId}, ${event.occurredAt.toISOString()}, ${JSON.stringify(event.payload)}::jsonb)`.execute(
    db,
  );
}

/**
 * The same, through a plain query function: for writers holding a native transaction rather than
 * Kysely's (the bulk import's COPY transaction).
 */
export async function recordEventWith(
  tx: { query(sql: string, params?: unknown[]): Promise<unknown> },
  event: DomainEvent,
): Promise<void> {
  await tx.query(
    `insert into domain_events
      (organization_id, provider_id, type, subject_type, subject_id, actor_id, occurred_at, payload)
    values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
    [
      event.organizationId,
      event.providerId,
      event.type,
      event.subjectType,
      event.subjectId,
      event.actorId,
      event.occurredAt.toISOString(),
      JSON.stringify(event.payload),
    ],
  );
}
