// The forecast demand source of a cost scenario (decision 0035) at its bound: three years of daily
// tickets in (the most the API accepts), 26 weeks out, `auto` (rolling-origin backtest of its nine
// candidates from core's default origins, as compare-service.ts asks), spread over the hours of the
// week. The server runs it in a worker thread (plan's forecastInWorker): CPU per call here.
// Run by bench/run.ts (node --import tsx --conditions=source).
import { cpus, loadavg } from 'node:os';
import { businessHoursPattern, forecast, patternFromForecast } from '@shoreline/core';

const days = 1100;
// Weekly shape, a slow trend and a little noise from a fixed sequence (no randomness).
const values = Array.from(
  { length: days },
  (_v, i) => 800 + 200 * Math.sin((2 * Math.PI * i) / 7) + i / 10 + ((i * 37) % 23),
);
const run = () => {
  const r = forecast({
    series: { values, periodsPerDay: 1, firstDayOfWeek: 1 },
    horizon: 26 * 7,
  });
  return patternFromForecast(
    businessHoursPattern(10),
    r.points.map((p) => p.volume),
    0,
  ).length;
};
let sink = run();
const cpu: number[] = [];
for (let k = 0; k < 15; k++) {
  const c0 = process.cpuUsage();
  sink += run();
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
cpu.sort((a, b) => a - b);
console.log(
  `forecast demand: ${days} days in, 182 out, auto: median ${cpu[7]?.toFixed(1)} ms CPU per call (15 runs)`,
);
console.log(`load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores; sink ${sink > 0}`);
