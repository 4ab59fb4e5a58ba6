// A client forecast's volume on some of its days (decision 0063). A forecast is one volume over a
// range of days; a settlement month or a newer forecast may take only some of them. A forecast that
// carries its own volume per day (a saved plan's, which knows its forecast per interval) counts those
// days' volumes exactly; one typed in as a single number over the range counts pro rata by day,
// the only reading a single number allows.
import { SettlementInputError } from './errors.js';

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/**
 * Whole numbers in proportion to `weights` that add up to `total` exactly: Hamilton's method of
 * largest remainders (Balinski & Young, *Fair Representation*, 2nd ed. 2001, ch. 2). Each share
 * starts at the floor of its quota qᵢ = total · wᵢ / Σw; the units left go one each to the largest
 * remainders qᵢ − ⌊qᵢ⌋ (ties: the earlier index). So every share is ⌊qᵢ⌋ or ⌈qᵢ⌉ and the sum is
 * `total`: a plan's per-day forecasts, rounded, still add up to the forecast's whole volume.
 *
 * @throws {SettlementInputError} `weights` with a negative or non-finite value, `total` not a whole
 *   number ≥ 0, or a positive `total` over weights that sum to 0.
 * @example apportionWhole([1.4, 1.4, 1.2], 4) // [2, 1, 1]
 */
export function apportionWhole(weights: readonly number[], total: number): number[] {
  if (!Number.isSafeInteger(total) || total < 0)
    throw new SettlementInputError('total', `must be a whole number ≥ 0, got ${total}`);
  weights.forEach((w, i) => {
    if (!Number.isFinite(w) || w < 0)
      throw new SettlementInputError(`weights[${i}]`, `must be a finite number ≥ 0, got ${w}`);
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) {
    if (total > 0) throw new SettlementInputError('weights', 'all zero: nothing to share the total by');
    return weights.map(() => 0);
  }
  const quotas = weights.map((w) => (total * w) / sum);
  const shares = quotas.map(Math.floor);
  const left = total - shares.reduce((a, b) => a + b, 0);
  const byRemainder = quotas
    .map((q, i) => ({ i, remainder: q - Math.floor(q) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (let k = 0; k < left; k++) shares[byRemainder[k % byRemainder.length]!.i]! += 1;
  return shares;
}

/** A logged forecast as the relief reads it. */
export interface DayRangeForecast {
  /** First and last day (YYYY-MM-DD, inclusive). */
  readonly from: string;
  readonly to: string;
  readonly volume: number;
  /** Its volume on each day from `from` to `to`, when it has one (a plan's); null: one number over the range. */
  readonly dailyVolumes?: readonly number[] | null | undefined;
}

/**
 * The forecast volume on `days` (each inside the forecast's range): the sum of its own volumes on
 * those days when it carries them, else pro rata by day, volume × |days| ÷ days in its range.
 *
 * @throws {SettlementInputError} `days` with a day outside `from`–`to`, or `dailyVolumes` whose
 *   length is not the number of days in the range.
 * @example forecastVolumeOn({ from: '2023-03-27', to: '2023-04-02', volume: 70, dailyVolumes: [40, 5, 5, 5, 5, 5, 5] }, ['2023-03-27']) // 40
 * @example forecastVolumeOn({ from: '2023-03-27', to: '2023-04-02', volume: 70 }, ['2023-03-27']) // 10
 */
export function forecastVolumeOn(forecast: DayRangeForecast, days: Iterable<string>): number {
  const first = dayNumber(forecast.from);
  const span = dayNumber(forecast.to) - first + 1;
  const daily = forecast.dailyVolumes;
  if (daily && daily.length !== span)
    throw new SettlementInputError('dailyVolumes', `has ${daily.length} days, the range ${span}`);
  let count = 0;
  let exact = 0;
  for (const day of days) {
    const index = dayNumber(day) - first;
    if (!(index >= 0 && index < span))
      throw new SettlementInputError('days', `${day} is outside ${forecast.from}–${forecast.to}`);
    count += 1;
    if (daily) exact += daily[index]!;
  }
  return daily ? exact : (forecast.volume * count) / span;
}
