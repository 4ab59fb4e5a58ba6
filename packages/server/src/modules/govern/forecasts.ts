// The client's forecasts to the vendor (decision 0039): logged append-only, so a late change is a
// newer row beside the old one, and read by the settlement's forecast relief (core forecastRelief).
import { forecastVolumeOn, type LocalDayRange, localDayRanges } from '@shoreline/core';
import { type Selectable, sql } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/http/problem.js';
import { insertNewRow } from '../../platform/insert-new-row.js';
import type { ScopedDb } from '../../platform/scope.js';
import { appendAudit } from '../audit/index.js';
import { directoryFor } from '../identity/index.js';
import { authorizeGovern } from './policy.js';
import type { ClientForecastsTable } from './tables.js';

export interface ClientForecastInput {
  providerId: string;
  period?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  queue?: string | undefined;
  channel?: string | undefined;
  language?: string | undefined;
  volume: number;
  note?: string | undefined;
  /** The saved plan whose split it comes from (plan's "send to vendors", decision 0059). */
  planId?: string | undefined;
  /**
   * Its volume on each day of its range, first to last, adding up to `volume` (a saved plan's, which
   * knows its forecast per interval; decision 0063). Absent: one number over the range, which the
   * relief counts pro rata by day when it judges only some of the days.
   */
  dailyVolumes?: readonly number[] | undefined;
  /**
   * The IANA zone whose local days its days are (decision 0065; default UTC): the relief counts the
   * vendor's tickets on those local days. The route checks it is a zone the server knows.
   */
  timeZone?: string | undefined;
}

type Row = Selectable<ClientForecastsTable>;

/** First and last day of a month YYYY-MM. */
export function monthDays(period: string): { from: string; to: string } {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${period}-01`, to: `${period}-${String(last).padStart(2, '0')}` };
}

/** A forecast's scope as stored: a queue, channel or language left unset is null (all of them). */
const scopeColumns = (input: ClientForecastInput) => ({
  queue: input.queue ?? null,
  channel: input.channel ?? null,
  language: input.language ?? null,
});

const scopeKey = (r: Row) => [r.period_from, r.period_to, r.queue, r.channel, r.language].join('|');

function present(r: Row, superseded: boolean) {
  return {
    id: r.id,
    providerId: r.provider_id,
    from: r.period_from,
    to: r.period_to,
    timeZone: r.time_zone,
    queue: r.queue,
    channel: r.channel,
    language: r.language,
    volume: r.volume,
    note: r.note,
    planId: r.plan_id,
    dailyVolumes: r.daily_volumes,
    loggedBy: r.logged_by,
    loggedAt: new Date(r.logged_at).toISOString(),
    superseded,
  };
}

/** Logs a forecast (client administrators only); the audit log keeps who logged what. */
export async function logForecast(s: ScopedDb, clock: Clock, input: ClientForecastInput) {
  const [logged] = await logForecasts(s, clock, [input]);
  return logged!;
}

const DAY_MS = 86_400_000;
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Every day from `from` to `to`, both included (YYYY-MM-DD). */
function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); t <= end; t += DAY_MS)
    out.push(dayOf(t));
  return out;
}

/** Why daily volumes cannot stand for a forecast of `days` days and `volume` in all, or null. */
function dailyVolumesProblem(daily: readonly number[], days: number, volume: number): string | null {
  if (daily.length !== days) return `${daily.length} volumes for ${days} days`;
  if (daily.some((v) => !Number.isSafeInteger(v) || v < 0))
    return 'each day’s volume must be a whole number ≥ 0';
  const sum = daily.reduce((a, b) => a + b, 0);
  return sum === volume ? null : `they add up to ${sum}, not the volume ${volume}`;
}

/**
 * Logs several forecasts in one transaction (a saved plan's split sends one per vendor, decision
 * 0059): all or none. Client administrators only (`govern.manage`), each provider one the caller sees.
 * @throws {AppError} `validation_failed` naming `providerId` for a provider the directory lacks, or
 *   `dailyVolumes` for daily volumes that are not one whole number ≥ 0 per day adding up to `volume`.
 */
export async function logForecasts(s: ScopedDb, clock: Clock, inputs: readonly ClientForecastInput[]) {
  authorizeGovern(s.actor, 'govern.manage');
  const directory = await directoryFor(s);
  const rangeOf = (input: ClientForecastInput) =>
    input.period ? monthDays(input.period) : { from: input.from!, to: input.to! };
  for (const input of inputs) {
    if (!directory.providers.some((p) => p.id === input.providerId))
      throw new AppError('validation_failed', 'no such provider', 'providerId');
    const range = rangeOf(input);
    const problem =
      input.dailyVolumes &&
      dailyVolumesProblem(input.dailyVolumes, daysBetween(range.from, range.to).length, input.volume);
    if (problem) throw new AppError('validation_failed', `dailyVolumes: ${problem}`, 'dailyVolumes');
  }
  // One instant for all: forecasts logged together read as one sending.
  const now = clock.now();
  return s.transaction(async (tx) => {
    const out: ReturnType<typeof present>[] = [];
    for (const input of inputs) {
      const days = rangeOf(input);
      const row = await insertNewRow(tx, 'client_forecasts', 'fct', now, {
        provider_id: input.providerId,
        period_from: days.from,
        period_to: days.to,
        ...scopeColumns(input),
        volume: input.volume,
        note: input.note ?? '',
        plan_id: input.planId ?? null,
        daily_volumes: input.dailyVolumes ? JSON.stringify(input.dailyVolumes) : null,
        time_zone: input.timeZone ?? 'UTC',
        logged_by: s.actor.userId,
        logged_at: now,
      });
      await appendAudit(tx, clock, {
        action: 'forecast.logged',
        subjectType: 'provider',
        subjectId: input.providerId,
        providerId: input.providerId,
        payload: {
          id: row.id,
          from: days.from,
          to: days.to,
          volume: input.volume,
          timeZone: input.timeZone ?? 'UTC',
          ...(input.planId ? { planId: input.planId } : {}),
        },
      });
      out.push(present(row, false));
    }
    return out;
  });
}

/** Every logged forecast, newest first, each marked when a later one of the same days and scope replaced it. */
export async function listForecasts(s: ScopedDb, providerId?: string) {
  authorizeGovern(s.actor, 'govern.read');
  let q = s.selectFrom('client_forecasts').selectAll();
  if (providerId) q = q.where('provider_id', '=', providerId);
  const rows = await q.orderBy('logged_at', 'desc').orderBy('id', 'desc').limit(500).execute();
  const seen = new Set<string>();
  return rows.map((r) => {
    const key = `${r.provider_id}|${scopeKey(r)}`;
    const superseded = seen.has(key);
    seen.add(key);
    return present(r, superseded);
  });
}

/** One forecast's share of the month the relief judges: its days there and the contacts of its scope. */
export interface ForecastPiece {
  forecastId: string;
  from: string;
  to: string;
  /** Days of the month this forecast decides (a newer overlapping forecast takes the others). */
  days: number;
  /**
   * Its volume on those days (the whole volume when it decides all its days): its own volumes of
   * those days when it has them (`spread` `daily`, a plan's), else pro rata by day (`even`).
   */
  volume: number;
  spread: 'daily' | 'even';
  /** The IANA zone whose local days these are (decision 0065). */
  timeZone: string;
  /** Tickets of the provider created on those local days in the forecast's queue, channel and language. */
  actual: number;
  queue: string | null;
  channel: string | null;
  language: string | null;
  planId: string | null;
}

/** The forecast a month is judged against: the sum of its pieces, against the contacts of the same days and scope. */
export interface ForecastBasis {
  /** The newest forecast that decides a day of the month. */
  id: string;
  volume: number;
  actual: number;
  loggedAt: string;
  loggedBy: string;
  pieces: ForecastPiece[];
}

type Scope = Pick<Row, 'queue' | 'channel' | 'language'>;
const SCOPE_FIELDS = ['queue', 'channel', 'language'] as const;

/** Two scopes share tickets unless a field both name differs (an absent field is every value). */
const scopesOverlap = (a: Scope, b: Scope) =>
  SCOPE_FIELDS.every((f) => a[f] === null || b[f] === null || a[f] === b[f]);

/**
 * The forecasts a month is judged against (decision 0059, generalising 0039's whole-month forecast):
 * newest first, each forecast logged by `asOf` decides the days of the month it covers that no newer
 * forecast of an overlapping scope decides already; so a plan's two weeks sent after a whole-month
 * forecast decide those two weeks, a later version of the same days replaces the earlier one, and
 * forecasts of different languages (or queues, channels) add up. A forecast that decides only some of
 * its days counts its own volumes of those days when it has them (a plan's, decision 0063), else its
 * volume pro rata by day (core forecastVolumeOn). The actual is counted on the same days and scope, so a partial
 * forecast is never compared with the whole month's tickets. Undefined when no forecast covers a day
 * of the month.
 */
export async function monthForecast(
  s: ScopedDb,
  providerId: string,
  period: string,
  asOf: Date,
): Promise<ForecastBasis | undefined> {
  const month = monthDays(period);
  const rows = await s
    .selectFrom('client_forecasts')
    .selectAll()
    .where('provider_id', '=', providerId)
    .where('period_from', '<=', month.to)
    .where('period_to', '>=', month.from)
    .where('logged_at', '<=', asOf)
    .orderBy('logged_at', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
  const chosen: { row: Row; days: Set<string> }[] = [];
  for (const row of rows) {
    const from = row.period_from > month.from ? row.period_from : month.from;
    const to = row.period_to < month.to ? row.period_to : month.to;
    const own = daysBetween(from, to).filter(
      (d) => !chosen.some((c) => c.days.has(d) && scopesOverlap(c.row, row)),
    );
    if (own.length > 0) chosen.push({ row, days: new Set(own) });
  }
  if (chosen.length === 0) return undefined;
  // Each forecast's days are local days of its own zone (decision 0065): the month's days, as
  // instants, once per zone among the chosen forecasts (almost always one).
  const counts: DayCount[] = [];
  for (const timeZone of new Set(chosen.map((c) => c.row.time_zone)))
    counts.push(
      ...(await ticketsByLocalDay(s, providerId, localDayRanges(month.from, month.to, timeZone), timeZone)),
    );
  const pieces = chosen.map(({ row, days }): ForecastPiece => {
    const actual = counts
      .filter(
        (c) =>
          c.timeZone === row.time_zone &&
          days.has(c.day) &&
          (row.queue === null || c.source_group === row.queue) &&
          (row.channel === null || c.channel === row.channel) &&
          (row.language === null || c.language === row.language),
      )
      .reduce((sum, c) => sum + Number(c.n), 0);
    const ordered = [...days].sort();
    return {
      forecastId: row.id,
      from: ordered[0]!,
      to: ordered[ordered.length - 1]!,
      days: days.size,
      volume: forecastVolumeOn(
        { from: row.period_from, to: row.period_to, volume: row.volume, dailyVolumes: row.daily_volumes },
        days,
      ),
      spread: row.daily_volumes ? 'daily' : 'even',
      timeZone: row.time_zone,
      actual,
      queue: row.queue,
      channel: row.channel,
      language: row.language,
      planId: row.plan_id,
    };
  });
  const newest = chosen[0]!.row;
  return {
    id: newest.id,
    volume: Math.round(pieces.reduce((sum, p) => sum + p.volume, 0)),
    actual: pieces.reduce((sum, p) => sum + p.actual, 0),
    loggedAt: new Date(newest.logged_at).toISOString(),
    loggedBy: newest.logged_by,
    pieces,
  };
}

interface DayCount {
  timeZone: string;
  day: string;
  source_group: string | null;
  channel: string | null;
  language: string | null;
  n: string | number;
}

/**
 * The provider's tickets per local day of `days` (consecutive, from core `localDayRanges`) and per
 * queue, channel and language. Each ticket's day is the range holding its `created_at`, so the
 * boundaries are core's (Intl's tz data, DST-correct), not SQL's `at time zone`.
 */
async function ticketsByLocalDay(
  s: ScopedDb,
  providerId: string,
  days: readonly LocalDayRange[],
  timeZone: string,
): Promise<DayCount[]> {
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) return [];
  // Days in order: the first whose end lies after the ticket holds it (an empty day, one a zone
  // skipped, never does).
  const dayOf = sql<string>`case ${sql.join(
    days.map((d) => sql`when ${sql.ref('created_at')} < ${new Date(d.endMs)} then ${d.day}::text`),
    sql` `,
  )} end`;
  const rows = await s
    .selectFrom('tickets')
    .select((eb) => [
      dayOf.as('day'),
      'source_group',
      'channel',
      'language',
      eb.fn.countAll<string>().as('n'),
    ])
    .where('provider_id', '=', providerId)
    .where('created_at', '>=', new Date(first.startMs))
    .where('created_at', '<', new Date(last.endMs))
    .groupBy([sql`1`, 'source_group', 'channel', 'language'])
    .execute();
  return rows.map((r) => ({ ...r, timeZone }));
}
