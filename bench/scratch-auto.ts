// Throw-away: how auto should choose (origins, horizon, criterion), on the forecast-accuracy bench's
// series, origins and weekday intervals. Every candidate's forecast from each midnight o is made once
// from the history before o, cleaned of outliers on that history alone (so nothing after o is read),
// and reused by every variant. `node --import tsx --conditions=source bench/scratch-auto.ts`
import { readFileSync } from 'node:fs';
import {
  AUTO_CANDIDATES,
  bankTraceFromRows,
  cleanOutliers,
  flagOutliers,
  forecasterFor,
  minimumWeeks,
  type SeasonalSeries,
  seasonalNaive,
} from '@shoreline/core';
import { sharedPathOrSkip } from './shared-data.js';

const dataDir = sharedPathOrSkip('data/', 'scratch');
function csvRows(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const names = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i]!, v])));
}
const trace = bankTraceFromRows(csvRows(`${dataDir}call-center/anonymous_bank_1999-08_calls.csv`));
const DAYS = 31;
function bankSeries(stepMin: number): SeasonalSeries {
  const p = 1440 / stepMin;
  const values = new Array<number>(DAYS * p).fill(0);
  for (const call of trace.calls) {
    const i = Math.floor(call.arrivalSec / (stepMin * 60));
    if (i < values.length) values[i]!++;
  }
  return { values, periodsPerDay: p, firstDayOfWeek: 0 };
}
const isWeekday = (day: number) => day % 7 <= 4;
const CANDS = AUTO_CANDIDATES as readonly string[];

type Variant = {
  name: string;
  cap: number;
  minDays: 'all' | 7; // 'all': origins need every candidate's history; 7: drop candidates that lack it
  horizon: 'week' | 'day';
  criterion: 'mae' | 'rank' | 'weekday';
};
const variants: Variant[] = [];
for (const minDays of ['all', 7] as const)
  for (const horizon of ['week', 'day'] as const)
    for (const criterion of ['mae', 'rank'] as const)
      for (const cap of [7, 14, 21, 28])
        variants.push({
          name: `${minDays}/${horizon}/${criterion}/${cap}`,
          cap,
          minDays,
          horizon,
          criterion,
        });

const results = new Map<string, string[]>();
const STEPS = (process.env.STEPS ?? '30,15').split(',').map(Number);
for (const step of STEPS) {
  const series = bankSeries(step);
  const p = series.periodsPerDay;
  const raw = series.values;
  const cache = new Map<string, number[] | null>();
  const cleaned = new Map<number, SeasonalSeries>();
  const training = (o: number) => {
    let s = cleaned.get(o);
    if (!s) {
      const t = { ...series, values: raw.slice(0, o * p) };
      s = cleanOutliers(t, flagOutliers(t, 4));
      cleaned.set(o, s);
    }
    return s;
  };
  const fcOf = (m: string, o: number, H: number): number[] | null => {
    const key = `${m}|${o}|${H}`;
    if (!cache.has(key)) {
      let f: number[] | null = null;
      if (o >= 7 * minimumWeeks(m as never))
        try {
          f = forecasterFor(m)(training(o), H);
        } catch {
          f = null;
        }
      cache.set(key, f);
    }
    return cache.get(key)!;
  };
  for (const hDays of [1, 7]) {
    const h = hDays * p;
    const outer: number[] = [];
    for (let d = 14; d + hDays <= DAYS; d++) outer.push(d);
    // seasonal naive on the raw history, as the bench scores it
    let snErr = 0;
    let count = 0;
    for (const d of outer) {
      const f = seasonalNaive({ ...series, values: raw.slice(0, d * p) }, h);
      for (let i = 0; i < h; i++)
        if (isWeekday(Math.floor((d * p + i) / p))) {
          snErr += Math.abs(f[i]! - raw[d * p + i]!);
          count++;
        }
    }
    const sn = snErr / count;
    const fixed = (m: string) => {
      let e = 0;
      for (const d of outer) {
        const f = fcOf(m, d, h)!;
        for (let i = 0; i < h; i++)
          if (isWeekday(Math.floor((d * p + i) / p))) e += Math.abs(f[i]! - raw[d * p + i]!);
      }
      return e / count / sn - 1;
    };
    const cell = `${step}min/${hDays}d`;
    console.log(
      `\n${cell}: snaive ${sn.toFixed(3)}; damped ${(100 * fixed('damped')).toFixed(1)} %, combo ${(100 * fixed('combo')).toFixed(1)} %`,
    );
    for (const v of variants) {
      let e = 0;
      const chosen = new Map<string, number>();
      for (const d of outer) {
        const weeks = Math.floor(d / 7);
        let cands = CANDS.filter((m) => minimumWeeks(m as never) <= weeks);
        let pick = 'mean4';
        for (const H of v.horizon === 'week' ? [Math.min(h, 7 * p), Math.min(h, p)] : [Math.min(h, p)]) {
          const Hd = H / p;
          const lo = v.minDays === 'all' ? 7 * Math.max(...cands.map((m) => minimumWeeks(m as never))) : 7;
          const origins: number[] = [];
          for (let o = d - Hd; o >= lo && origins.length < v.cap; o--) origins.push(o);
          if (origins.length === 0) continue;
          const first = Math.min(...origins);
          if (v.minDays === 7) cands = cands.filter((m) => 7 * minimumWeeks(m as never) <= first);
          const score = new Map<string, number>();
          if (v.criterion === 'mae') {
            for (const m of cands) {
              let s = 0;
              for (const o of origins) {
                const f = fcOf(m, o, H)!;
                for (let i = 0; i < H; i++) s += Math.abs(f[i]! - raw[o * p + i]!);
              }
              score.set(m, s);
            }
          } else {
            for (const m of cands) score.set(m, 0);
            for (const o of origins) {
              const errs = cands.map((m) => {
                const f = fcOf(m, o, H)!;
                let s = 0;
                for (let i = 0; i < H; i++) s += Math.abs(f[i]! - raw[o * p + i]!);
                return [m, s] as const;
              });
              const sorted = [...errs].sort((a, b) => a[1] - b[1]);
              for (const [m, s] of errs) {
                // mid-rank for ties
                const below = sorted.filter((x) => x[1] < s).length;
                const eq = sorted.filter((x) => x[1] === s).length;
                score.set(m, score.get(m)! + below + (eq - 1) / 2);
              }
            }
          }
          pick = [...score].reduce((a, b) => (b[1] < a[1] ? b : a))[0];
          break;
        }
        chosen.set(pick, (chosen.get(pick) ?? 0) + 1);
        const f = fcOf(pick, d, h)!;
        for (let i = 0; i < h; i++)
          if (isWeekday(Math.floor((d * p + i) / p))) e += Math.abs(Math.max(0, f[i]!) - raw[d * p + i]!);
      }
      const r = `${(100 * (e / count / sn - 1)).toFixed(1)} %`;
      console.log(`${v.name.padEnd(20)} ${r}  ${[...chosen].map(([m, c]) => `${m}×${c}`).join(' ')}`);
      results.set(v.name, [...(results.get(v.name) ?? []), r]);
    }
  }
}
console.log('\nvariant (minDays/horizon/criterion/cap): 30/1d 30/7d 15/1d 15/7d');
for (const [k, r] of results) console.log(`${k.padEnd(20)} ${r.join('  ')}`);
