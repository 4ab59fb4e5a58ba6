// Simulator throughput: calls/s single-skill, events/s multi-skill with overflow, and the Anonymous
// Bank trace replay. Run with `npm run bench -- simulation`. Prints a markdown table.
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { bankTraceFromRows, type Scenario, simulate } from '@shoreline/core/simulation/index';

const BANK_CSV = new URL('../../shared/data/call-center/anonymous_bank_1999-08_calls.csv', import.meta.url);

/** Wall time, and CPU time of this process (steadier when other work shares the machine). */
function timed<T>(run: () => T): { value: T; seconds: number; cpuSeconds: number } {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const value = run();
  const cpu = process.cpuUsage(cpuStart);
  return { value, seconds: (performance.now() - start) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

/** Best of a few runs after a warm-up, so JIT compilation is not measured. */
function bestOf<T>(runs: number, run: () => T): ReturnType<typeof timed<T>> {
  run();
  let best = timed(run);
  for (let i = 1; i < runs; i++) {
    const next = timed(run);
    if (next.seconds < best.seconds) best = next;
  }
  return best;
}

function singleSkill(callsPerInterval: number): Scenario {
  return {
    name: 'M/M/100+M',
    seed: 1,
    intervals: { lengthSec: 3600, count: 24 },
    serviceLevelThresholdSec: 20,
    skills: [
      {
        id: 'voice',
        arrivals: { kind: 'poisson', callsPerInterval: [callsPerInterval] },
        service: { kind: 'exponential', meanSec: 180 },
        patience: { kind: 'exponential', meanSec: 300 },
      },
    ],
    groups: [
      {
        id: 'in-house',
        skills: ['voice'],
        agentsPerInterval: [Math.ceil((callsPerInterval * 180) / 3600 + 8)],
      },
    ],
  };
}

function multiSkill(): Scenario {
  const hours = 24;
  const profile = Array.from({ length: hours }, (_, h) =>
    Math.round(4000 + 3000 * Math.sin((Math.PI * h) / hours)),
  );
  const staffing = (share: number) => profile.map((calls) => Math.ceil((calls * 240 * share) / 3600));
  return {
    name: '3 groups, 3 skills, overflow',
    seed: 7,
    intervals: { lengthSec: 3600, count: hours },
    serviceLevelThresholdSec: 20,
    skills: ['en-voice', 'es-voice', 'en-chat'].map((id, i) => ({
      id,
      arrivals: { kind: 'poisson' as const, callsPerInterval: profile.map((c) => c * [0.5, 0.25, 0.25][i]!) },
      service: { kind: 'lognormal' as const, meanSec: 240, sdSec: 200 },
      patience: { kind: 'exponential' as const, meanSec: 240 },
      routing: [
        { groups: [i === 1 ? 'nearshore' : 'in-house'], afterSec: 0 },
        { groups: i === 1 ? ['in-house'] : ['nearshore', 'offshore'], afterSec: 30 },
      ],
    })),
    groups: [
      {
        id: 'in-house',
        provider: 'own',
        site: 'HQ',
        skills: ['en-voice', 'es-voice', 'en-chat'],
        agentsPerInterval: staffing(0.5),
      },
      {
        id: 'nearshore',
        provider: 'vendor-a',
        site: 'MX',
        skills: ['en-voice', 'es-voice', 'en-chat'],
        agentsPerInterval: staffing(0.3),
      },
      {
        id: 'offshore',
        provider: 'vendor-b',
        site: 'PH',
        skills: ['en-voice', 'en-chat'],
        agentsPerInterval: staffing(0.2),
      },
    ],
  };
}

const rows: string[][] = [];
const single = bestOf(3, () => simulate(singleSkill(40_000)));
const singleCalls = single.value.total.offered.mean ?? 0;
rows.push([
  'single skill, M/M/n+M, 1 group (calls/s)',
  `${Math.round(singleCalls).toLocaleString('en')} calls`,
  single.seconds.toFixed(3),
  `${(singleCalls / single.seconds / 1e6).toFixed(2)} M calls/s (CPU time: ${(singleCalls / single.cpuSeconds / 1e6).toFixed(2)})`,
  '≥ 2 M calls/s',
]);
const multi = bestOf(3, () => simulate(multiSkill()));
rows.push([
  'multi-skill, 3 groups, overflow after 30 s (events/s)',
  `${multi.value.events.toLocaleString('en')} events`,
  multi.seconds.toFixed(3),
  `${(multi.value.events / multi.seconds / 1e6).toFixed(2)} M events/s (CPU time: ${(multi.value.events / multi.cpuSeconds / 1e6).toFixed(2)})`,
  '≥ 1 M events/s',
]);

if (existsSync(BANK_CSV)) {
  const parsed = timed(() => {
    const [header, ...lines] = readFileSync(BANK_CSV, 'utf8').trim().split(/\r?\n/);
    const names = header!.split(',');
    return bankTraceFromRows(
      lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i], v]))),
    );
  });
  const trace = parsed.value;
  const days = Math.ceil((trace.calls.at(-1)?.arrivalSec ?? 0) / 86_400);
  const agents = Array.from({ length: days * 24 }, () => new Set<string>());
  for (const call of trace.calls)
    if (call.agent && call.serviceStartSec !== undefined)
      agents[Math.floor(call.serviceStartSec / 3600)]?.add(call.agent);
  const served = trace.calls.filter((c) => c.serviceSec !== undefined).map((c) => c.serviceSec!);
  const replay = bestOf(3, () =>
    simulate({
      seed: 1,
      intervals: { lengthSec: 3600, count: days * 24 },
      serviceLevelThresholdSec: 30,
      skills: [
        {
          id: 'bank',
          arrivals: { kind: 'trace', calls: trace.calls },
          service: { kind: 'empirical', valuesSec: served },
          patience: { kind: 'none' },
        },
      ],
      groups: [{ id: 'bank', skills: ['bank'], agentsPerInterval: agents.map((set) => set.size) }],
    }),
  );
  rows.push([
    'Anonymous Bank replay, Aug 1999 (1 replication)',
    `${trace.calls.length.toLocaleString('en')} calls`,
    replay.seconds.toFixed(3),
    `CSV parse + map ${parsed.seconds.toFixed(3)} s`,
    '—',
  ]);
} else {
  rows.push(['Anonymous Bank replay', '../shared not found: skipped', '—', '—', '—']);
}

console.log(
  `Machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, Node ${process.version}, load average ${loadavg()[0]?.toFixed(1)}\n`,
);
console.log('| case | size | wall seconds (best of 3) | throughput (wall) | goal |');
console.log('| --- | ---: | ---: | ---: | --- |');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
