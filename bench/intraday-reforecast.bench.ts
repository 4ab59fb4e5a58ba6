// Intraday reforecast accuracy (decision 0061): on the Anonymous Bank calls of August 1999 by 30
// minutes (the series, origins and weekdays of forecast-accuracy.bench.ts), the rest of each weekday
// reforecast from the calls of the day so far (core `reforecastIntraday`, `damped` as the day-ahead
// input), against the day-ahead `damped`, seasonal naive and mean8 on the same target intervals.
// Only history before the as-of time is read. `npm run bench -- intraday`.
import { readFileSync } from 'node:fs';
import {
  accuracy,
  bankTraceFromRows,
  dampedLevelMeans,
  dispersion,
  forecasterFor,
  poissonMedian,
  priorStrengthFromDayWape,
  reforecastIntraday,
  type SeasonalSeries,
  tuneDampedLevel,
} from '@shoreline/core';
import { sharedPathOrSkip } from './shared-data.js';

const dataDir = sharedPathOrSkip('data/', 'intraday-reforecast benchmark');

function csvRows(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const names = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i]!, v])));
}

// Calls reaching the agent queue by half-hour, as in forecast-accuracy.bench.ts.
const trace = bankTraceFromRows(csvRows(`${dataDir}call-center/anonymous_bank_1999-08_calls.csv`));
const DAYS = 31;
const P = 48;
const series: SeasonalSeries = (() => {
  const values = new Array<number>(DAYS * P).fill(0);
  for (const call of trace.calls) {
    const i = Math.floor(call.arrivalSec / 1800);
    if (i < values.length) values[i]!++;
  }
  return { values, periodsPerDay: P, firstDayOfWeek: 0 }; // 1 August 1999 was a Sunday
})();
const isWeekday = (day: number) => (series.firstDayOfWeek + day) % 7 <= 4; // Sunday–Thursday (Israel)
const dayOf = (d: number) => series.values.slice(d * P, (d + 1) * P);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** The day-ahead forecasts of day d, made at its midnight from the days before it. */
interface DayAhead {
  readonly means: number[];
  /** damped's points (Poisson medians), what a saved plan stores as its forecast. */
  readonly medians: number[];
  readonly snaive: number[];
  readonly mean8: number[];
}
const started = process.cpuUsage();
const dayAhead = new Map<number, DayAhead>();
for (let d = 7; d < DAYS; d++) {
  const training: SeasonalSeries = { ...series, values: series.values.slice(0, d * P) };
  const settings = tuneDampedLevel(training);
  const means = dampedLevelMeans(training, P, settings);
  dayAhead.set(d, {
    means,
    medians: means.map(poissonMedian), // exactly dampedLevelProfile's points
    snaive: forecasterFor('snaive')(training, P),
    mean8: forecasterFor('mean8')(training, P),
  });
}

type Input = 'means' | 'medians' | 'snaive' | 'mean8';

/**
 * The prior strength a and dispersion φ at day d's midnight from a day-ahead input's errors over the 7
 * days before (as a saved plan reads them from its backtest): a from the day WAPE, φ from the points.
 */
function backtestBefore(d: number, input: Input = 'means'): { a: number; phi: number; dayWape: number } {
  const days = Array.from({ length: 7 }, (_, i) => d - 7 + i).filter((k) => k >= 7);
  const forecastTotals = days.map((k) => sum(dayAhead.get(k)![input]));
  const actualTotals = days.map((k) => sum(dayOf(k)));
  const dayWape = accuracy(actualTotals, forecastTotals).wape;
  const points = input === 'means' ? 'medians' : input;
  const phi = dispersion(
    days.flatMap((k) => dayOf(k)),
    days.flatMap((k) => dayAhead.get(k)![points]),
  );
  return { a: priorStrengthFromDayWape(dayWape), phi, dayWape };
}

// Origins: every weekday midnight from day 14, as the day-ahead table (17 midnights, 13 weekdays).
const origins: number[] = [];
for (let d = 14; d < DAYS; d++) if (isWeekday(d)) origins.push(d);

type Variant = {
  name: string;
  discount: number;
  prior: 'wape' | 'none';
  tempered: boolean;
  input: Input;
};
const V = (name: string, o: Partial<Variant>): Variant => ({
  name,
  discount: 1,
  prior: 'wape',
  tempered: true,
  input: 'means',
  ...o,
});
const VARIANTS: Variant[] = [
  V('**reforecast** (damped’s means, ω = 1, a and φ from its backtest)', {}),
  V('reforecast, φ = 1 (counts as Poisson)', { tempered: false }),
  V('reforecast, ω = 0.95', { discount: 0.95 }),
  V('reforecast, ω = 0.9', { discount: 0.9 }),
  V('reforecast of damped’s stored points (medians), as the server does', { input: 'medians' }),
  V('day-so-far ratio (no prior, φ = 1)', { prior: 'none', tempered: false }),
];
/** The reforecast of a weaker day-ahead input, beside that input (a level further off to correct). */
const WEAK_INPUTS: Variant[] = [
  V('reforecast of mean8', { input: 'mean8' }),
  V('reforecast of snaive', { input: 'snaive' }),
];

const pct = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(1)} %`;
const f2 = (x: number) => x.toFixed(2);

/** MAE over (origin day, target interval) pairs of a forecaster given the day and the as-of interval k. */
function mae(targets: (k: number) => number[], asOfs: number[], point: (d: number, k: number) => number[]) {
  let abs = 0;
  let n = 0;
  for (const d of origins) {
    const y = dayOf(d);
    for (const k of asOfs) {
      const f = point(d, k);
      targets(k).forEach((j, i) => {
        abs += Math.abs(f[i]! - y[j]!);
        n++;
      });
    }
  }
  return { mae: abs / n, n };
}

function reforecastPoints(v: Variant) {
  return (d: number, k: number) => {
    const ahead = dayAhead.get(d)!;
    const { a, phi } = backtestBefore(d, v.input);
    const r = reforecastIntraday(ahead[v.input], dayOf(d).slice(0, k), {
      priorStrength: v.prior === 'wape' ? a : 1e-9,
      discount: v.discount,
      dispersion: v.tempered ? phi : 1,
    });
    return r.points.map((p) => p.volume);
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const baselines = (targets: (k: number) => number[]) => ({
  damped: (d: number, k: number) => targets(k).map((j) => dayAhead.get(d)!.medians[j]!),
  snaive: (d: number, k: number) => targets(k).map((j) => dayAhead.get(d)!.snaive[j]!),
  mean8: (d: number, k: number) => targets(k).map((j) => dayAhead.get(d)!.mean8[j]!),
});

/** The perfect-level bound: damped's day-ahead shape times the day's TRUE total (not a forecast). */
const oracle = (targets: (k: number) => number[]) => (d: number, k: number) => {
  const ahead = dayAhead.get(d)!;
  const scale = sum(dayOf(d)) / sum(ahead.means);
  return targets(k).map((j) => poissonMedian(ahead.means[j]! * scale));
};

function table(title: string, targets: (k: number) => number[], asOfs: number[]) {
  const b = baselines(targets);
  const sn = mae(targets, asOfs, b.snaive);
  const m8 = mae(targets, asOfs, b.mean8);
  const da = mae(targets, asOfs, b.damped);
  console.log(`\n### ${title} (${sn.n.toLocaleString('en')} target intervals)\n`);
  console.log('| forecast | MAE | vs snaive | vs mean8 | vs damped day ahead |');
  console.log('| --- | --- | --- | --- | --- |');
  const row = (name: string, m: number) =>
    console.log(
      `| ${name} | ${f2(m)} | ${pct(m / sn.mae - 1)} | ${pct(m / m8.mae - 1)} | ${pct(m / da.mae - 1)} |`,
    );
  for (const v of VARIANTS) row(v.name, mae(targets, asOfs, reforecastPoints(v)).mae);
  row('damped, day ahead', da.mae);
  row('seasonal naive', sn.mae);
  row('mean8', m8.mae);
  for (const v of WEAK_INPUTS) row(v.name, mae(targets, asOfs, reforecastPoints(v)).mae);
  row('(bound) damped shape × the true day total', mae(targets, asOfs, oracle(targets)).mae);
}

console.log(
  `Anonymous Bank, 30-minute intervals, ${origins.length} weekday origins (days ${origins[0]! + 1}–${origins.at(-1)! + 1} of August 1999; the day-ahead table's origins that fall on Sunday–Thursday). The day-ahead input is damped (decision 0055) made at the day's midnight; the prior strength a of the day multiplier comes from damped's day WAPE over the 7 days before (priorStrengthFromDayWape), the dispersion φ (which tempers the counts and widens the band) from its interval errors over the same days. Prior strengths a used: ${origins.map((d) => Math.round(backtestBefore(d).a)).join(', ')}; dispersions φ: ${origins.map((d) => backtestBefore(d).phi.toFixed(2)).join(', ')}.`,
);

// (a) the next interval, from every half-hour as-of time 00:30 … 23:30; (b) the rest of the day.
const allAsOfs = range(1, P);
table('Next interval (30 minutes ahead), as-of every half-hour 00:30–23:30', (k) => [k], allAsOfs);
table('Next interval, as-of every half-hour 07:00–21:30 (the busy hours)', (k) => [k], range(14, 44));
for (const hour of [10, 12, 14]) table(`Rest of the day from ${hour}:00`, (k) => range(k, P), [hour * 2]);

// Coverage of the 95 % band for the rest of the day, from 12:00, with φ from damped's backtest and with φ = 1.
for (const useBacktestPhi of [true, false]) {
  let inside = 0;
  let n = 0;
  for (const d of origins) {
    const { a, phi } = backtestBefore(d);
    const r = reforecastIntraday(dayAhead.get(d)!.means, dayOf(d).slice(0, 24), {
      priorStrength: a,
      dispersion: useBacktestPhi ? phi : 1,
    });
    r.points.forEach((p, i) => {
      const y = dayOf(d)[24 + i]!;
      if (y >= p.lower && y <= p.upper) inside++;
      n++;
    });
  }
  console.log(
    `\n95 % band for the rest of the day from 12:00, ${useBacktestPhi ? 'φ from damped’s backtest of the 7 days before' : 'φ = 1 (Poisson)'}: ${((100 * inside) / n).toFixed(1)} % of ${n} intervals inside.`,
  );
}
const cpu = process.cpuUsage(started);
console.log(`\nCPU: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s.`);
