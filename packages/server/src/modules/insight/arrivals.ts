// Ticket arrivals per interval, for Plan: the history a saved plan forecasts from, and the actual
// volume its forecast is compared with once the tickets have arrived (imported or live).
import { sql } from 'kysely';
import type { ScopedDb } from '../../platform/scope.js';

/** Which tickets count: every field optional (none = all the caller may read). */
export interface ArrivalFilter {
  readonly channel?: string | undefined;
  readonly language?: string | undefined;
  readonly providerId?: string | undefined;
  /** The help desk's queue or group (`source_group`). */
  readonly queue?: string | undefined;
}

export interface ArrivalQuery extends ArrivalFilter {
  /** First local midnight, `YYYY-MM-DD`. */
  readonly fromDay: string;
  readonly days: number;
  readonly stepMin: number;
  /** IANA time zone the days and intervals are local to (checked by the caller). */
  readonly timeZone: string;
}

// biome-ignore lint/suspicious/noExplicitAny: Kysely's where-builder over the scoped tickets table.
const filtered = (q: any, f: ArrivalFilter) => {
  let out = q;
  if (f.channel) out = out.where('channel', '=', f.channel);
  if (f.language) out = out.where('language', '=', f.language);
  if (f.providerId) out = out.where('provider_id', '=', f.providerId);
  if (f.queue) out = out.where('source_group', '=', f.queue);
  return out;
};

/**
 * Tickets created per interval from `fromDay`'s local midnight for `days` days: `days × 1440/stepMin`
 * counts (zero where none arrived). Counted in SQL over the caller's scope (a vendor's staff count
 * their provider's tickets only), local intervals by `created_at at time zone`.
 */
export async function ticketArrivals(scoped: ScopedDb, q: ArrivalQuery): Promise<number[]> {
  const perDay = 1440 / q.stepMin;
  const out = new Array<number>(q.days * perDay).fill(0);
  const from = `${q.fromDay} 00:00:00`;
  const rows = (await filtered(
    scoped
      .selectFrom('tickets')
      .select([
        sql<number>`floor(extract(epoch from ((created_at at time zone ${q.timeZone}) - ${from}::timestamp)) / ${q.stepMin * 60})::int`.as(
          'slot',
        ),
        sql<number>`count(*)::int`.as('n'),
      ])
      .where(sql<boolean>`created_at >= (${from}::timestamp at time zone ${q.timeZone})`)
      .where(
        sql<boolean>`created_at < ((${from}::timestamp + make_interval(days => ${q.days})) at time zone ${q.timeZone})`,
      ),
    q,
  )
    .groupBy('slot')
    .execute()) as { slot: number; n: number }[];
  for (const r of rows) if (r.slot >= 0 && r.slot < out.length) out[r.slot] = Number(r.n);
  return out;
}

/** The local day (`YYYY-MM-DD`) of the latest ticket that matches, or null when none does. */
export async function lastArrivalDay(
  scoped: ScopedDb,
  f: ArrivalFilter & { timeZone: string },
): Promise<string | null> {
  const row = (await filtered(
    scoped
      .selectFrom('tickets')
      .select(
        sql<string | null>`to_char(max(created_at at time zone ${f.timeZone}), 'YYYY-MM-DD')`.as('day'),
      ),
    f,
  ).executeTakeFirst()) as { day: string | null } | undefined;
  return row?.day ?? null;
}
