import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * The retention rule: an event is deleted once it is older than `retentionDays` (by occurred_at)
 * AND every listener named has moved past it, so no listener ever loses an unread event; a browser
 * resuming from a deleted event gets what is left after it. Returns the number deleted.
 */
export async function pruneEvents(
  db: Kysely<DB>,
  now: Date,
  retentionDays: number,
  listeners: readonly string[],
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const names = listeners.length > 0 ? listeners : [''];
  const result = await sql`delete from domain_events e
    where e.occurred_at < ${cutoff}
      and not exists (select 1 from event_listener_cursors c
        where c.listener in (${sql.join(names)}) and (e.tx, e.id) > (c.tx, c.event_id))`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
