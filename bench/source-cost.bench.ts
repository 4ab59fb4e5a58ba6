// Source cost benchmark (must-show 5): a cost comparison over a year of 15-minute intervals
// (35,040) for 3 options, staffing included. Run by bench/run.ts (node --import tsx --conditions=source).
import { cpus, loadavg } from 'node:os';
import {
  compareOptions,
  type DemandInterval,
  GERMANY_IN_HOUSE,
  PHILIPPINES_OFFSHORE_PER_CONTACT,
  POLAND_NEARSHORE_PER_HOUR,
} from '@shoreline/core';
import { medianMs } from './timing.js';

// 2025, every quarter-hour, 24/7: a daily curve peaking at 13:00 (8 to 48 contacts), weekends at 60 %.
const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad = (n: number) => String(n).padStart(2, '0');
const series: DemandInterval[] = [];
let weekday = 2; // 2025-01-01, Wednesday
monthDays.forEach((days, month) => {
  for (let day = 1; day <= days; day++) {
    for (let q = 0; q < 96; q++) {
      const hour = q / 4;
      const shape = Math.max(0, Math.cos(((hour - 13) / 24) * 2 * Math.PI));
      const volume = Math.round((8 + 40 * shape) * (weekday >= 5 ? 0.6 : 1));
      series.push({
        start: `2025-${pad(month + 1)}-${pad(day)}T${pad(Math.floor(hour))}:${pad((q % 4) * 15)}`,
        volume,
        ahtSec: 240 + (q % 7) * 10,
      });
    }
    weekday = (weekday + 1) % 7;
  }
});

const scenario = {
  series,
  staffing: {
    intervalMin: 15 as const,
    targets: { serviceLevel: { fraction: 0.8, withinSec: 20 }, maxOccupancy: 0.85 },
  },
  periodYears: 1,
  reportingCurrency: 'EUR',
  fx: { USD: { rate: 0.92, asOf: '2026-11-30' } },
  options: [GERMANY_IN_HOUSE, POLAND_NEARSHORE_PER_HOUR, PHILIPPINES_OFFSHORE_PER_CONTACT],
};

let sink = 0;
const first = performance.now();
sink += compareOptions(scenario).options.length;
const firstMs = performance.now() - first;
const warm = medianMs(15, () => {
  const result = compareOptions(scenario);
  for (const option of result.options) sink += option.totalMinor;
});
const result = compareOptions(scenario);
console.log(`intervals: ${series.length}, options: ${result.options.length}, contacts: ${result.contacts}`);
for (const option of result.options) {
  console.log(
    `  ${option.name}: €${(option.totalMinor / 100).toFixed(2)}, ${((option.costPerContactMinor ?? 0) / 100).toFixed(4)} €/contact, ${option.fte.toFixed(1)} FTE`,
  );
}
console.log(
  `compare 3 options over 35,040 quarter-hours (staffing included): first run ${firstMs.toFixed(1)} ms, warm median ${warm.wall.toFixed(1)} ms wall / ${warm.cpu.toFixed(1)} ms CPU (goal < 200 ms)`,
);
console.log(`load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores; sink ${sink > 0}`);
if (warm.wall >= 200) process.exitCode = 1;
