// CPU of core `forecast()` (`auto`: a rolling-origin backtest of every candidate, then the chosen
// method) for the inputs its callers pass: a month of half-hours (the CLI's typical file), the saved
// plan's bound (12 weeks of 15 minutes, 14 days out; run in the plan's worker thread), a year of 15
// minutes (the CLI reads any length), and Source's forecast demand bound (1,100 days of daily totals,
// 26 weeks out; on the request's thread). Each with auto's default origins and with 7 (the old
// default). Synthetic counts from a fixed sequence, so it runs on a fresh clone.
// Run by bench/run.ts: `npm run bench -- forecast-cost` (env FORECAST_COST_ONLY=month,plan,year,source).
import { cpus, loadavg } from 'node:os';
import { forecast, type SeasonalSeries } from '@shoreline/core';
import { median } from './timing.js';

/** Counts with a weekly and a daily shape and noise from a fixed linear congruential sequence. */
function series(days: number, periodsPerDay: number, dailyVolume: number): SeasonalSeries {
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const weekday = [0.3, 1.2, 1.1, 1, 1, 0.9, 0.4];
  const values: number[] = [];
  for (let d = 0; d < days; d++)
    for (let j = 0; j < periodsPerDay; j++) {
      const hour = (24 * (j + 0.5)) / periodsPerDay;
      const shape = periodsPerDay === 1 ? 1 : Math.max(0.02, Math.exp(-(((hour - 13) / 4) ** 2)));
      const mean =
        ((dailyVolume * weekday[d % 7]! * shape) / (periodsPerDay === 1 ? 1 : 7.1)) * (1 - d / 2000);
      // Normal approximation of a Poisson count, rounded: enough noise to make the methods disagree.
      const u = next() + next() + next() - 1.5;
      values.push(Math.max(0, Math.round(mean + 2 * u * Math.sqrt(mean))));
    }
  return { values, periodsPerDay, firstDayOfWeek: 0 };
}

const cases = [
  { name: 'month', label: '31 days × 30 min, 1 day out', s: series(31, 48, 1500), horizon: 48, runs: 5 },
  {
    name: 'month7',
    label: '31 days × 30 min, 7 days out',
    s: series(31, 48, 1500),
    horizon: 7 * 48,
    runs: 5,
  },
  {
    name: 'plan',
    label: '84 days × 15 min, 14 days out (saved plan bound)',
    s: series(84, 96, 1500),
    horizon: 14 * 96,
    runs: 3,
  },
  {
    name: 'year',
    label: '365 days × 15 min, 7 days out (CLI)',
    s: series(365, 96, 1500),
    horizon: 7 * 96,
    runs: 1,
  },
  {
    name: 'source',
    label: '1,100 days × 1 day, 182 days out (Source bound)',
    s: series(1100, 1, 800),
    horizon: 182,
    runs: 5,
  },
];
const only = process.env.FORECAST_COST_ONLY?.split(',');
console.log('| input | origins | chosen | CPU ms (median) | runs |\n| --- | --- | --- | --- | --- |');
for (const c of cases) {
  if (only && !only.includes(c.name)) continue;
  for (const backtestOrigins of [undefined, 7]) {
    const cpu: number[] = [];
    let method = '';
    for (let k = 0; k < c.runs + 1; k++) {
      const c0 = process.cpuUsage();
      const r = forecast({
        series: c.s,
        horizon: c.horizon,
        ...(backtestOrigins === undefined ? {} : { backtestOrigins }),
      });
      const used = process.cpuUsage(c0);
      method = r.method;
      if (k > 0 || c.runs === 1) cpu.push((used.user + used.system) / 1000);
    }
    console.log(
      `| ${c.label} | ${backtestOrigins ?? 'default'} | ${method} | ${median(cpu).toFixed(0)} | ${cpu.length} |`,
    );
  }
}
console.log(`\nload average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`);
