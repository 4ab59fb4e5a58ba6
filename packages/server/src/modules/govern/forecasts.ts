// The client's forecasts to the vendor (decision 0039): logged append-only, so a late change is a
// newer row beside the old one, and read by the settlement's forecast relief (core forecastRelief).
import type { Selectable } from 'kysely';
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
    queue: r.queue,
    channel: r.channel,
    language: r.language,
    volume: r.volume,
    note: r.note,
    loggedBy: r.logged_by,
    loggedAt: new Date(r.logged_at).toISOString(),
    superseded,
  };
}

/** Logs a forecast (client administrators only); the audit log keeps who logged what. */
export async function logForecast(s: ScopedDb, clock: Clock, input: ClientForecastInput) {
  authorizeGovern(s.actor, 'govern.manage');
  const directory = await directoryFor(s);
  if (!directory.providers.some((p) => p.id === input.providerId))
    throw new AppError('validation_failed', 'no such provider', 'providerId');
  const days = input.period ? monthDays(input.period) : { from: input.from!, to: input.to! };
  return s.transaction(async (tx) => {
    const row = await insertNewRow(tx, 'client_forecasts', 'fct', clock.now(), {
      provider_id: input.providerId,
      period_from: days.from,
      period_to: days.to,
      ...scopeColumns(input),
      volume: input.volume,
      note: input.note ?? '',
      logged_by: s.actor.userId,
      logged_at: clock.now(),
    });
    await appendAudit(tx, clock, {
      action: 'forecast.logged',
      subjectType: 'provider',
      subjectId: input.providerId,
      providerId: input.providerId,
      payload: { id: row.id, from: days.from, to: days.to, volume: input.volume },
    });
    return present(row, false);
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

/**
 * The forecast a month is judged against: the latest logged for exactly that month with no queue,
 * channel or language scope, logged no later than `asOf` (a forecast logged after settling does not
 * rewrite history). Undefined when the client logged none.
 */
export async function monthForecast(s: ScopedDb, providerId: string, period: string, asOf: Date) {
  const days = monthDays(period);
  const row = await s
    .selectFrom('client_forecasts')
    .selectAll()
    .where('provider_id', '=', providerId)
    .where('period_from', '=', days.from)
    .where('period_to', '=', days.to)
    .where('queue', 'is', null)
    .where('channel', 'is', null)
    .where('language', 'is', null)
    .where('logged_at', '<=', asOf)
    .orderBy('logged_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? present(row, false) : undefined;
}
