// "Send to vendors" (decision 0059): a built plan's split becomes Govern's client forecasts, one per
// vendor, so the forecast-accuracy relief measures each vendor against the volume the plan gave it,
// not against a figure typed in by hand. An explicit action rather than a side effect of saving: the
// volumes exist only once the job has built the plan, and sending binds the vendor's contract, which
// is an administrator's act (Govern's `govern.manage`), not every planner's.
import { apportionWhole } from '@shoreline/core';
import type { Clock } from '../../../platform/clock.js';
import { AppError } from '../../../platform/http/problem.js';
import type { ScopedDb } from '../../../platform/scope.js';
import { type ClientForecastInput, logForecasts } from '../../govern/index.js';
import { directoryFor } from '../../identity/index.js';
import type { PlanForecastSend, SavedPlanResult, SentForecast } from './schemas.js';

const fieldError = (field: string, message: string) =>
  new AppError('validation_failed', `${field}: ${message}`, field, [{ field, code: 'custom', message }]);

/** First and last local day of the plan's forecast (a horizon may start at a time other than midnight). */
export function forecastDays(result: Pick<SavedPlanResult, 'forecastStart' | 'stepMin' | 'forecast'>): {
  from: string;
  to: string;
} {
  const start = Date.parse(`${result.forecastStart}:00Z`);
  const lastStart = start + (result.forecast.volume.length - 1) * result.stepMin * 60_000;
  return {
    from: result.forecastStart.slice(0, 10),
    to: new Date(lastStart).toISOString().slice(0, 10),
  };
}

/**
 * A plan provider's forecast volume on each local day of the plan, first to last: its intervals'
 * volumes summed by the day each starts on (unrounded).
 */
export function dailyForecast(
  result: Pick<SavedPlanResult, 'forecastStart' | 'stepMin' | 'forecast'>,
  volume: readonly number[],
): number[] {
  const { from, to } = forecastDays(result);
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  const startMin = (Date.parse(`${result.forecastStart}:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 60_000;
  const out = new Array<number>(days).fill(0);
  volume.forEach((v, i) => {
    out[Math.floor((startMin + i * result.stepMin) / 1440)]! += v;
  });
  return out;
}

/**
 * Logs, through Govern, one client forecast per vendor named in `send`: the plan provider's forecast
 * volume over the plan's days with its volume of each day (whole numbers adding up to the rounded
 * volume, Hamilton's largest remainders: decision 0063; a plan built before providers kept their
 * volume per interval sends one number, counted pro rata), on the plan's local days (its
 * `timeZone`, decision 0065), scoped as its history was
 * (`historyScope`: imported or declared with an uploaded series), its note naming the plan and version; then
 * appends them to the plan's own list, in the same transaction. Sending again logs newer rows, which
 * supersede these in Govern's list and in the settlement's relief.
 * @throws {AppError} 409 for a plan not built; 400 naming `vendors.N.planProvider` (not one of the
 * plan's providers, or named twice) or `vendors.N.providerId` (not a vendor of the organization);
 * 404 when the caller may not log forecasts (Govern's rule).
 */
export async function sendPlanForecasts(
  scoped: ScopedDb,
  clock: Clock,
  planId: string,
  send: PlanForecastSend,
): Promise<void> {
  const plan = await scoped.findOrNotFound('plans', planId, 'plan');
  const result = plan.result;
  if (plan.status !== 'done' || !result)
    throw new AppError('conflict', `the plan is ${plan.status}: it has no forecast to send`, 'id');
  const directory = await directoryFor(scoped);
  const days = forecastDays(result);
  const seen = new Set<string>();
  const picked = send.vendors.map((v, i) => {
    const share = result.providers.find((p) => p.id === v.planProvider || p.name === v.planProvider);
    if (!share) throw fieldError(`vendors.${i}.planProvider`, 'not one of the plan’s providers');
    if (seen.has(share.id)) throw fieldError(`vendors.${i}.planProvider`, 'named twice');
    seen.add(share.id);
    const vendor = directory.providers.find((p) => p.id === v.providerId);
    if (vendor?.kind !== 'vendor') throw fieldError(`vendors.${i}.providerId`, 'not a vendor');
    return { share, providerId: vendor.id };
  });
  const inputs: ClientForecastInput[] = picked.map(({ share, providerId }) => ({
    providerId,
    from: days.from,
    to: days.to,
    ...(share.volume
      ? { dailyVolumes: apportionWhole(dailyForecast(result, share.volume), Math.round(share.totalVolume)) }
      : {}),
    // The history's own filter, not the split's language (a default 'en' that every ticket would be
    // measured against): an unfiltered history forecasts every ticket, so its forecast is unscoped.
    queue: plan.input.historyScope?.queue,
    channel: plan.input.historyScope?.channel,
    language: plan.input.historyScope?.language,
    volume: Math.round(share.totalVolume),
    // The plan's days are local days of its zone (decision 0065): Govern counts the vendor's tickets
    // between those local midnights. A plan saved before it has none: UTC days, as then.
    timeZone: plan.input.timeZone ?? 'UTC',
    note: `Plan “${plan.name}” version ${plan.version} (${plan.id}): ${share.name}`,
    planId: plan.id,
  }));
  await scoped.transaction(async (tx) => {
    const logged = await logForecasts(tx, clock, inputs);
    const sent: SentForecast[] = logged.map((f, i) => ({
      forecastId: f.id,
      planProvider: picked[i]!.share.id,
      providerId: f.providerId,
      from: f.from,
      to: f.to,
      timeZone: f.timeZone,
      queue: f.queue,
      channel: f.channel,
      language: f.language,
      volume: f.volume,
      version: plan.version,
      loggedAt: f.loggedAt,
    }));
    // Appended under the row's lock, so two sends at once both stay listed.
    const row = await tx
      .selectFrom('plans')
      .select('forecasts_sent')
      .where('id', '=', plan.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await tx
      .updateTable('plans')
      .set({ forecasts_sent: JSON.stringify([...row.forecasts_sent, ...sent]) })
      .where('id', '=', plan.id)
      .execute();
  });
}
