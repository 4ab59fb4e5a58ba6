// Staffing maths benchmark: compute-only planning of a year of quarter-hours, Erlang A at 5,000
// agents, inverse staffing at 40,000 Erlangs. Run by bench/run.ts (node --import tsx --conditions=source).
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { createIntervalPlanner, erlangAMetrics, type IntervalRow, requiredAgents } from '@shoreline/core';
import { sharedPathOrSkip } from './shared-data.js';
import { medianMs } from './timing.js';

const referenceDir = sharedPathOrSkip('reference/staffing/', 'staffing benchmark');

// Warm-up: a fifth of the runs, at least 3.
const measure = (runs: number, work: () => void) => medianMs(runs, work, Math.max(3, runs / 5));

const [, ...lines] = readFileSync(`${referenceDir}intervals_year.csv`, 'utf8').trim().split(/\r?\n/);
const rows: IntervalRow[] = lines.map((line) => {
  const [start = '', , volume, aht, intervalMin, withinSec, fraction, shrinkage, maxOccupancy] =
    line.split(',');
  return {
    start,
    volume: Number(volume),
    ahtSec: Number(aht),
    intervalMin: Number(intervalMin) as 15,
    serviceLevel: { fraction: Number(fraction), withinSec: Number(withinSec) },
    shrinkage: Number(shrinkage),
    maxOccupancy: Number(maxOccupancy),
  };
});

let sink = 0;
const planYear = measure(15, () => {
  const planner = createIntervalPlanner({ paidHoursPerFte: 2080 });
  for (const row of rows) sink += planner.plan(row).scheduledAgents;
  sink += planner.totals().fte;
});
const erlangA = measure(201, () => {
  sink += erlangAMetrics({
    agents: 5000,
    offeredLoad: 5000,
    ahtSec: 300,
    patienceSec: 180,
    targetAnswerSec: 20,
  }).serviceLevel;
});
const inverse = measure(21, () => {
  sink += requiredAgents({
    offeredLoad: 40_000,
    ahtSec: 300,
    targets: { serviceLevel: { fraction: 0.8, withinSec: 20 } },
  }).rawAgents;
});
const inverseA = measure(11, () => {
  sink += requiredAgents({
    offeredLoad: 40_000,
    ahtSec: 300,
    patienceSec: 300,
    targets: { serviceLevel: { fraction: 0.8, withinSec: 20 }, maxAbandonRate: 0.02 },
  }).rawAgents;
});

const format = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(1)} ms`);
const cell = (t: { wall: number; cpu: number }) => `${format(t.wall)} | ${format(t.cpu)}`;
console.log(`Machine: ${cpus()[0]?.model ?? 'unknown'} · Node ${process.version}\n`);
console.log('| case | median wall | median CPU | goal |');
console.log('| --- | --- | --- | --- |');
console.log(
  `| plan ${rows.length.toLocaleString('en')} quarter-hours (Erlang C, 80/20, occ ≤ 85 %, shrinkage) | ${cell(planYear)} | < 20 ms |`,
);
console.log(`| Erlang A metrics, 5,000 agents, 5,000 Erlangs | ${cell(erlangA)} | < 1 ms |`);
console.log(`| inverse staffing, Erlang C, 40,000 Erlangs | ${cell(inverse)} | — |`);
console.log(`| inverse staffing, Erlang A + abandonment, 40,000 Erlangs | ${cell(inverseA)} | — |`);
if (Number.isNaN(sink)) console.log('unreachable');
