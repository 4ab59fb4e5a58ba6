import { sql } from 'kysely';
import type { ScopedDb } from '../../platform/scope.js';
import { directoryFor } from '../identity/index.js';
import { filteredTickets, type TicketFilter } from './kpi-query.js';

/**
 * What a view leaves out, said in its response so that two pages that count differently say why
 * (Hardening #14 item 18: Contact reasons left out 58 % of an import while Breakdown counted them).
 * A ticket without a creation time has no day, week or hour: every trend leaves it out, and so does
 * every view bounded by dates.
 */
export interface LeftOut {
  /** Tickets the other filters select that have no creation time. */
  noCreationTime: number;
}

/** Whether a KPI view needs a creation time: bounded by dates or by an hour of the week. */
export const needsCreationTime = (filter: TicketFilter): boolean =>
  Boolean(filter.from || filter.to || filter.hourOfWeek !== undefined);

/**
 * The tickets a view over `filter` leaves out (`timeBased`: the view needs a creation time for every
 * ticket, e.g. a trend). One count in the database for both KPI engines.
 */
export async function leftOutOf(
  scoped: ScopedDb,
  filter: TicketFilter,
  timeBased: boolean,
): Promise<LeftOut> {
  if (!timeBased) return { noCreationTime: 0 };
  const other = { ...filter, from: undefined, to: undefined, hourOfWeek: undefined };
  const row = await filteredTickets(scoped, other, filter.providerKind ? await directoryFor(scoped) : null)
    .select(sql<number>`count(*)`.as('n'))
    .where('tickets.created_at', 'is', null)
    .executeTakeFirst();
  return { noCreationTime: Number(row?.n ?? 0) };
}
