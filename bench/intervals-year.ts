// The reference year of quarter-hours (../shared/reference/staffing/intervals_year.csv) as the
// schedule and rotation benches read it, and each interval staffed by Plan (Erlang C with the
// file's service level, occupancy cap and shrinkage).
import { readFileSync } from 'node:fs';
import { requiredAgents } from '@shoreline/core';
import { sharedPathOrSkip } from './shared-data.js';

export interface YearInterval {
  readonly start: string;
  readonly weekday: string;
  readonly volume: number;
  readonly aht: number;
  readonly intervalMin: number;
  readonly withinSec: number;
  readonly fraction: number;
  readonly shrinkage: number;
  readonly maxOccupancy: number;
}

/** The year's rows; skips the calling `benchmark` (exit 0) when ../shared is absent. */
export function readIntervalsYear(benchmark: string): YearInterval[] {
  const year = sharedPathOrSkip('reference/staffing/intervals_year.csv', benchmark);
  const [, ...lines] = readFileSync(year, 'utf8').trim().split(/\r?\n/);
  return lines.map((line) => {
    const [start, weekday, volume, aht, intervalMin, withinSec, fraction, shrinkage, maxOccupancy] =
      line.split(',');
    return {
      start: start!,
      weekday: weekday!,
      volume: Number(volume),
      aht: Number(aht),
      intervalMin: Number(intervalMin),
      withinSec: Number(withinSec),
      fraction: Number(fraction),
      shrinkage: Number(shrinkage),
      maxOccupancy: Number(maxOccupancy),
    };
  });
}

/** Plan's staffing of interval `r` with its volume times `scale`. */
export function staffingOf(r: YearInterval, scale = 1) {
  return requiredAgents({
    volume: r.volume * scale,
    intervalSec: r.intervalMin * 60,
    ahtSec: r.aht,
    targets: { serviceLevel: { fraction: r.fraction, withinSec: r.withinSec }, maxOccupancy: r.maxOccupancy },
    shrinkage: r.shrinkage,
  });
}

/** The index of `date`'s first quarter-hour in `rows`, in days. */
export function dayIndexIn(rows: readonly YearInterval[], date: string): number {
  return rows.findIndex((r) => r.start.startsWith(date)) / 96;
}
