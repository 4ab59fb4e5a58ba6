// `shoreline staff` on shared/reference/staffing/intervals_year.csv: the whole process (node start,
// imports, streaming read, planning, streaming write), timed over several runs, next to a bare
// `node -e 0` start on the same machine; and the computation alone, in process. Builds first (tsc -b):
// the CLI runs compiled JavaScript. Run: npm run bench -- staff-cli
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIntervalPlanner } from '@shoreline/core/staffing/index';
import { ByteRowParser } from '../packages/server/src/modules/plan/cli/staff-bytes.js';
import { RowParser, readHeader, splitCsvLine } from '../packages/server/src/modules/plan/cli/staff-csv.js';
import { createRowPlanner, type StaffingRow } from '../packages/server/src/modules/plan/row-planner.js';
import { sharedPathOrSkip } from './shared-data.js';
import { median, medianMs } from './timing.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const input = sharedPathOrSkip('reference/staffing/intervals_year.csv', 'staff-cli benchmark');
const runs = Number(process.env.BENCH_RUNS ?? 9);

execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b'], {
  cwd: root,
  stdio: 'inherit',
});
const cli = join(root, 'packages/server/dist/cli/main.js');
const output = join(tmpdir(), 'shoreline-staff-bench.csv');

const hasTime = existsSync('/usr/bin/time');
const timeFile = join(tmpdir(), 'shoreline-staff-bench.time');

/**
 * Median and best wall time of a child process, milliseconds; with /usr/bin/time also the median CPU
 * time (user + system, all threads: the JIT compiles and the GC marks beside the main thread).
 */
function processMs(args: string[]): { median: number; best: number; cpu: number } {
  spawnSync(process.execPath, args, { stdio: 'ignore' }); // warm the file cache
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const r = hasTime
      ? spawnSync('/usr/bin/time', ['-o', timeFile, '-f', '%U %S', process.execPath, ...args], {
          stdio: ['ignore', 'ignore', 'pipe'],
        })
      : spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    times.push(performance.now() - start);
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
    if (hasTime) {
      const [user, system] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).map(Number);
      cpu.push((user! + system!) * 1000);
    }
  }
  return { median: median(times), best: Math.min(...times), cpu: hasTime ? median(cpu) : Number.NaN };
}

/** Median wall and CPU milliseconds in process, after a JIT warm-up. */
const computeMs = (work: () => void) => medianMs(runs, work);

const bare = processMs(['-e', '0']);
const whole = processMs([cli, 'staff', '--input', input, '--output', output, '--no-progress']);
const help = processMs([cli, 'staff', '--help']);

const [headerLine, ...lines] = readFileSync(input, 'utf8').trim().split(/\r?\n/);
const index = readHeader(splitCsvLine(headerLine!) as string[]);
if (Array.isArray(index)) throw new Error('bad header');
const parser = new RowParser(index, [], 1);
const rows = lines.map((line, i) => parser.parse(splitCsvLine(line) as string[], i + 2)!) as StaffingRow[];
let sink = 0;
const parse = computeMs(() => {
  for (let i = 0; i < lines.length; i++) sink += parser.parse(lines[i]!.split(','), i + 2)!.volume;
});
// The byte path `shoreline staff` takes for plain lines (the text path above is its fallback).
const bytes = readFileSync(input);
const latin1 = bytes.toString('latin1');
const byteParse = computeMs(() => {
  const fast = new ByteRowParser(index);
  let from = bytes.indexOf(10) + 1;
  for (let end = bytes.indexOf(10, from); end >= 0; end = bytes.indexOf(10, from)) {
    sink += fast.parse(bytes, from, bytes[end - 1] === 13 ? end - 1 : end, latin1)!.volume;
    from = end + 1;
  }
});
const planRows = computeMs(() => {
  const planner = createRowPlanner();
  for (const row of rows) sink += planner.plan(row).scheduledAgents;
  sink += planner.totals().fte;
});
const coreOnly = computeMs(() => {
  const planner = createIntervalPlanner();
  for (const row of rows) sink += planner.plan(row).scheduledAgents;
});

const f = (ms: number) => ms.toFixed(1);
console.log(
  `machine: ${cpus()[0]?.model} × ${cpus().length}, Node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(`input: intervals_year.csv (${lines.length} rows); ${runs} runs each\n`);
console.log('| measure | median ms | best ms | median CPU ms | goal |');
console.log('| --- | ---: | ---: | ---: | --- |');
console.log(
  `| \`node -e 0\` (bare Node start, for scale) | ${f(bare.median)} | ${f(bare.best)} | ${f(bare.cpu)} | |`,
);
console.log(
  `| \`shoreline staff --help\` (start + commander) | ${f(help.median)} | ${f(help.best)} | ${f(help.cpu)} | |`,
);
console.log(
  `| \`shoreline staff --input intervals_year.csv --output …\` (whole process) | ${f(whole.median)} | ${f(whole.best)} | ${f(whole.cpu)} | < 250 |`,
);
console.log(
  `| whole process minus bare Node start | ${f(whole.median - bare.median)} | ${f(whole.best - bare.best)} | ${f(whole.cpu - bare.cpu)} | |`,
);
console.log('\n| compute, in process (after warm-up) | median wall ms | median CPU ms | goal |');
console.log('| --- | ---: | ---: | --- |');
console.log(
  `| parse 35,040 CSV rows (text path: split + RowParser) | ${f(parse.wall)} | ${f(parse.cpu)} | |`,
);
console.log(
  `| parse 35,040 CSV rows (byte path: ByteRowParser) | ${f(byteParse.wall)} | ${f(byteParse.cpu)} | |`,
);
console.log(`| plan 35,040 rows (row planner + totals) | ${f(planRows.wall)} | ${f(planRows.cpu)} | < 20 |`);
console.log(
  `| plan 35,040 rows (core createIntervalPlanner alone) | ${f(coreOnly.wall)} | ${f(coreOnly.cpu)} | |`,
);
if (sink === 0) console.log('(sink)');
