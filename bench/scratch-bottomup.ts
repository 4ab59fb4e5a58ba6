// Scratch (issue 15, branch fcA; kept in git history only): bottom-up forecasts by call type and a
// voice-menu covariate for the level, on forecast-accuracy.bench.ts's origins and weekday intervals,
// each series forecast by damped (tuned at each origin on the days before it: nothing after the
// origin is read). Run: node --import tsx --conditions=source bench/scratch-bottomup.ts
// env STEP=15|30, HDAYS=1|7, GROUPS=PS,NW,NE,IN (the rest pooled as "other"),
// BY=type|priority|type+priority, PAIRED=1 (per-day errors, day ahead).
import { readFileSync } from 'node:fs';
import {
  bankTraceFromRows,
  dampedLevelMeans,
  poissonMedian,
  type SeasonalSeries,
  tuneDampedLevel,
} from '@shoreline/core';

const path = '../shared/data/call-center/anonymous_bank_1999-08_calls.csv';
const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
const names = header!.split(',');
const rows = lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i]!, v])));
const priorityOf = new Map(rows.map((r) => [r.call_id!, r.priority!]));
const trace = bankTraceFromRows(rows);
const DAYS = 31;
const STEP = Number(process.env.STEP ?? 30);
const HD = Number(process.env.HDAYS ?? 1);
const p = 1440 / STEP;
const H = HD * p;
const BY = process.env.BY ?? 'type';
const big = (process.env.GROUPS ?? 'PS,NW,NE,IN').split(',');
const labelOf = (c: { callType: string; callId: string }) =>
  BY === 'priority'
    ? priorityOf.get(c.callId)!
    : BY === 'type+priority'
      ? `${c.callType}/${priorityOf.get(c.callId)}`
      : c.callType;
const keyOf = (l: string) => (big.includes(l) ? l : 'other');
const keys = [...big, 'other'];
const empty = () => new Array<number>(DAYS * p).fill(0);
const total = empty();
const child = new Map(keys.map((k) => [k, empty()]));
for (const c of trace.calls) {
  const i = Math.floor(c.arrivalSec / (STEP * 60));
  if (i >= DAYS * p) continue;
  total[i]!++;
  child.get(keyOf(labelOf(c)))![i]!++;
}
// Every call entering the voice menu (VRU), by its vru_entry time: a candidate covariate for the level.
const vru = empty();
{
  const day0 = Date.UTC(1999, 7, 1) / 86_400_000;
  for (const r of rows) {
    if (r.outcome === 'PHANTOM') continue;
    const [h, m, s2] = r.vru_entry!.split(':').map(Number) as [number, number, number];
    const day =
      Date.UTC(Number(r.date!.slice(0, 4)), Number(r.date!.slice(5, 7)) - 1, Number(r.date!.slice(8, 10))) /
        86_400_000 -
      day0;
    const i = day * p + Math.floor((h * 3600 + m * 60 + s2) / (STEP * 60));
    if (i >= 0 && i < DAYS * p) vru[i]!++;
  }
}
const ser = (values: number[]): SeasonalSeries => ({ values, periodsPerDay: p, firstDayOfWeek: 0 });
const isWeekday = (d: number) => d % 7 <= 4;
const sum = (a: readonly number[]) => a.reduce((x, y) => x + y, 0);
const meansOf = (values: number[], o: number, delta?: number) => {
  const tr = ser(values.slice(0, o * p));
  const s = tuneDampedLevel(tr);
  const recent = sum(values.slice((o - 7) * p, o * p)) / 7;
  return {
    means: dampedLevelMeans(tr, H, s),
    flat: dampedLevelMeans(tr, H, { ...s, alpha: 1, beta: 0 }),
    flatTotalDelta: dampedLevelMeans(tr, H, {
      ...s,
      alpha: 1,
      beta: 0,
      shareDecayPerDay: delta ?? s.shareDecayPerDay,
    }),
    recent,
    delta: s.shareDecayPerDay,
  };
};
const unit = (a: number[]) =>
  rescale(
    a,
    a.map(() => 1 / p),
  );
// Per forecast day, the values scaled so the day sums to target's day sum.
const rescale = (shape: number[], target: number[]) => {
  const out: number[] = [];
  for (let d = 0; d < HD; d++) {
    const a = shape.slice(d * p, (d + 1) * p);
    const t = sum(target.slice(d * p, (d + 1) * p));
    const z = sum(a);
    out.push(...a.map((v) => (z > 0 ? (v / z) * t : t / p)));
  }
  return out;
};

const err: Record<string, number> = {};
const late: Record<string, number> = {};
let n = 0;
let nLate = 0;
for (let d0 = 14; d0 + HD <= DAYS; d0++) {
  const o = d0 * p;
  const y = total.slice(o, o + H);
  const T = meansOf(total, d0);
  const kids = keys.map((k) => ({
    k,
    y: child.get(k)!.slice(o, o + H),
    ...meansOf(child.get(k)!, d0, T.delta),
  }));
  const dayLevels = (m: number[]) =>
    m.map((_, j) => sum(m.slice(Math.floor(j / p) * p, Math.floor(j / p) * p + p)));
  const v2 = y.map((_, j) => sum(kids.map((c) => unit(c.flatTotalDelta)[j]! * dayLevels(c.means)[j]!)));
  const v3 = y.map((_, j) => sum(kids.map((c) => unit(c.flat)[j]! * c.recent)));
  const v4 = y.map((_, j) => sum(kids.map((c) => unit(c.flatTotalDelta)[j]! * c.recent)));
  const bu = y.map((_, j) => sum(kids.map((c) => c.means[j]!)));
  const V = meansOf(vru, d0);
  const ratio = sum(total.slice((d0 - 7) * p, o)) / sum(vru.slice((d0 - 7) * p, o));
  const vruLevel = V.means.map((v) => v * ratio);
  const methods: Record<string, number[]> = {
    snaive: y.map((_, j) => total[o + j - 7 * p]!),
    'damped shape × VRU damped level × queue/VRU ratio (7 d)': rescale(T.means, vruLevel).map(poissonMedian),
    'damped shape × mean(damped, VRU) level': rescale(
      T.means,
      vruLevel.map((v, j) => 0.5 * (v + T.means[j]!)),
    ).map(poissonMedian),
    damped: T.means.map(poissonMedian),
    'bottom-up (Σ type means)': bu.map(poissonMedian),
    'BU shape × damped daily total': rescale(bu, T.means).map(poissonMedian),
    'V2 type shares at total δ, BU weights × damped T': rescale(v2, T.means).map(poissonMedian),
    'V3 type shares, last-7-day weights × damped T': rescale(v3, T.means).map(poissonMedian),
    'V4 type shares at total δ, last-7-day weights': rescale(v4, T.means).map(poissonMedian),
    'damped shape × BU daily total': rescale(T.means, bu).map(poissonMedian),
    'BU shape × mean(BU, damped) total': rescale(
      bu,
      T.means.map((v, j) => 0.5 * (v + bu[j]!)),
    ).map(poissonMedian),
  };
  if (HD === 1) {
    methods['oracle: damped shape × true total'] = rescale(T.flat, y).map(poissonMedian);
    methods['oracle: type shapes × true type totals'] = y.map((_, j) =>
      poissonMedian(sum(kids.map((c) => (c.flat[j]! / sum(c.flat)) * sum(c.y)))),
    );
    methods['oracle: BU shape × true total'] = rescale(bu, y).map(poissonMedian);
  }
  if (process.env.PAIRED && HD === 1 && isWeekday(d0)) {
    const e = (f: number[]) => sum(f.map((v, j) => Math.abs(v - y[j]!)));
    console.log(
      `day ${d0}: damped ${e(methods.damped!)} BU-shape ${e(methods['BU shape × damped daily total']!)} V3 ${e(methods['V3 type shares, last-7-day weights × damped T']!)} oracle damped ${e(methods['oracle: damped shape × true total']!)} oracle BU ${e(methods['oracle: BU shape × true total']!)} VRUmean ${e(methods['damped shape × mean(damped, VRU) level']!)} | T ${sum(y)} damped ${sum(T.means).toFixed(0)} vru ${sum(vruLevel).toFixed(0)}`,
    );
  }
  for (let j = 0; j < H; j++) {
    if (!isWeekday(Math.floor((o + j) / p))) continue;
    n++;
    if (d0 >= 22) nLate++;
    for (const [name, f] of Object.entries(methods)) {
      err[name] = (err[name] ?? 0) + Math.abs(f[j]! - y[j]!);
      if (d0 >= 22) late[name] = (late[name] ?? 0) + Math.abs(f[j]! - y[j]!);
    }
  }
}
const sn = err.snaive! / n;
const snL = late.snaive! / nLate;
console.log(`STEP=${STEP} HDAYS=${HD} BY=${BY} groups=${keys.join(',')}`);
for (const [k, v] of Object.entries(err))
  console.log(
    `${k.padEnd(42)} MAE ${(v / n).toFixed(3)}  ${((100 * (v / n)) / sn - 100).toFixed(1)} %   origins ≥ day 22: ${((100 * (late[k]! / nLate)) / snL - 100).toFixed(1)} %`,
  );
