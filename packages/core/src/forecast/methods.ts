import { dampedLevelTuned } from './damped-level.js';
import { doubleSeasonal } from './double-seasonal.js';
import { medianCombination } from './median-combination.js';
import { poissonProfile } from './poisson-profile.js';
import { pooledProfile } from './pooled-profile.js';
import { pooledTuned } from './pooled-tuned.js';
import { seasonalNaive } from './seasonal-naive.js';
import { ForecastInputError, type PointForecaster } from './series.js';
import { weekMean } from './week-mean.js';

/** Method names: `snaive`, `meanN` (N = 1 … 52 weeks), `poisson`, `pooled`, `pooled-cv`, `combo`, `damped`, `taylor`. */
export type ForecastMethodName =
  | 'snaive'
  | 'poisson'
  | 'pooled'
  | 'pooled-cv'
  | 'combo'
  | 'damped'
  | 'taylor'
  | `mean${number}`;

/** The methods `auto` chooses from. */
export const AUTO_CANDIDATES: readonly ForecastMethodName[] = [
  'snaive',
  'mean4',
  'mean8',
  'poisson',
  'pooled',
  'pooled-cv',
  'combo',
  'damped',
  'taylor',
];

/** Weeks of history each method needs before it can forecast. */
export function minimumWeeks(method: ForecastMethodName): number {
  return method === 'taylor' ? 2 : 1;
}

/**
 * The forecaster a method name stands for.
 *
 * @throws {ForecastInputError} an unknown name (field `method`).
 * @example forecasterFor('mean8')(series, 48)
 */
export function forecasterFor(method: string): PointForecaster {
  if (method === 'snaive') return seasonalNaive;
  if (method === 'poisson') return (s, h) => poissonProfile(s, h);
  if (method === 'pooled') return (s, h) => pooledProfile(s, h);
  if (method === 'pooled-cv') return pooledTuned;
  if (method === 'combo') return medianCombination;
  if (method === 'damped') return dampedLevelTuned;
  if (method === 'taylor') return doubleSeasonal;
  const mean = /^mean([1-9]\d?)$/.exec(method);
  if (mean && Number(mean[1]) <= 52) {
    const weeks = Number(mean[1]);
    return (s, h) => weekMean(s, h, weeks);
  }
  throw new ForecastInputError(
    `unknown method "${method}": use auto, snaive, mean1 … mean52, poisson, pooled, pooled-cv, combo, damped or taylor`,
    'method',
  );
}
