import { type RawBuilder, sql } from 'kysely';

/**
 * Where an event sits in the outbox's delivery order: its writing transaction (xid8, as text), then
 * its id. Readers only read below the horizon (see `belowHorizon`), so every event that can still
 * appear sorts after every position already read. See docs/decisions/0011-event-delivery.md.
 */
export interface EventPosition {
  readonly tx: string;
  readonly id: string;
}

/** The position before every event: a new reader that should replay everything starts here. */
export const ORIGIN: EventPosition = { tx: '0', id: '0' };

/** `tx-id`: what the browser sees as an SSE event id and sends back as `Last-Event-ID`. */
export function formatPosition(p: EventPosition): string {
  return `${p.tx}-${p.id}`;
}

/** Parses `tx-id`; anything else is null (the caller then starts at the head). */
export function parsePosition(text: string | undefined | null): EventPosition | null {
  const m = /^(\d{1,20})-(\d{1,19})$/.exec(text?.trim() ?? '');
  if (!m) return null;
  return { tx: BigInt(m[1]!).toString(), id: BigInt(m[2]!).toString() };
}

/** Strictly after `p` in delivery order. */
export function afterPosition(p: EventPosition, alias = 'e'): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(`${alias}.tx`)}, ${sql.ref(`${alias}.id`)}) > (${p.tx}::xid8, ${p.id}::bigint)`;
}

/**
 * Written by a transaction older than every transaction still running: such events are committed (or
 * rolled back) for good, and no event can later appear before them in (tx, id) order. Evaluated in
 * the same statement as the read, so both see one snapshot.
 */
export function belowHorizon(alias = 'e'): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(`${alias}.tx`)} < pg_snapshot_xmin(pg_current_snapshot())`;
}

/** The head: the position every event written from now on sorts after. */
export const HEAD_SQL = sql<{ tx: string }>`select pg_snapshot_xmin(pg_current_snapshot())::text as tx`;

export function comparePositions(a: EventPosition, b: EventPosition): number {
  const tx = BigInt(a.tx) - BigInt(b.tx);
  if (tx !== 0n) return tx < 0n ? -1 : 1;
  const id = BigInt(a.id) - BigInt(b.id);
  return id === 0n ? 0 : id < 0n ? -1 : 1;
}
