// `shoreline staff` memory on a 1-year (35,040 rows) and a 10-year (350,400 rows) interval file:
// streamed, so the peak resident set size should be about the same. Reads the peak from
// /usr/bin/time -v when present, and from the CLI's own sampling (SHORELINE_REPORT_PEAK_RSS) always.
// Builds first (tsc -b). Run: npm run bench -- staff-memory
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b'], {
  cwd: root,
  stdio: 'inherit',
});
const cli = join(root, 'packages/server/dist/cli/main.js');

/** Writes `years` years of quarter-hours from 2025-01-01 with a daily and weekly shape. */
async function generate(years: number): Promise<string> {
  const path = join(tmpdir(), `shoreline-intervals-${years}y.csv`);
  const out = createWriteStream(path);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(
    'interval_start,weekday,volume,aht_sec,interval_min,target_answer_sec,sl_target,shrinkage,max_occupancy\n',
  );
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const first = Date.UTC(2025, 0, 1);
  const rows = years * 35_040;
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const at = new Date(first + i * 900_000);
    const hour = at.getUTCHours() + at.getUTCMinutes() / 60;
    const weekday = at.getUTCDay();
    const shape = Math.max(0, Math.sin((Math.PI * (hour - 6)) / 16));
    const volume = Math.round((weekday === 0 || weekday === 6 ? 40 : 120) * shape + (i % 7));
    chunk += `${at.toISOString().slice(0, 16)},${days[weekday]},${volume},${(280 + (i % 40)).toFixed(1)},15,20,0.8,0.3,0.85\n`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise((r) => out.end(r));
  return path;
}

const hasTime = existsSync('/usr/bin/time');
function measure(input: string, nodeFlags: string[] = []) {
  const output = join(tmpdir(), 'shoreline-staff-memory-out.csv');
  const args = [...nodeFlags, cli, 'staff', '--input', input, '--output', output, '--no-progress'];
  const start = performance.now();
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], {
        env: { ...process.env, SHORELINE_REPORT_PEAK_RSS: '1' },
        encoding: 'utf8',
      })
    : spawnSync(process.execPath, args, {
        env: { ...process.env, SHORELINE_REPORT_PEAK_RSS: '1' },
        encoding: 'utf8',
      });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(r.stderr);
  const sampled = Number(/peak_rss_bytes (\d+)/.exec(r.stderr)?.[1]) / 2 ** 20;
  const maxKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]);
  return {
    seconds,
    sampled,
    timeMb: hasTime ? maxKb / 1024 : Number.NaN,
    mb: statSync(input).size / 2 ** 20,
  };
}

const oneYearFile = await generate(1);
const tenYearFile = await generate(10);
const oneYear = measure(oneYearFile);
const tenYears = measure(tenYearFile);
// With the old generation capped, V8 cannot defer collection: what remains is the real working set.
const capped = ['--max-old-space-size=24'];
const oneYearCapped = measure(oneYearFile, capped);
const tenYearsCapped = measure(tenYearFile, capped);
const f = (v: number, d = 1) => (Number.isNaN(v) ? 'n/a' : v.toFixed(d));
console.log(`machine: ${cpus()[0]?.model} × ${cpus().length}, Node ${process.version}\n`);
console.log(
  '| input | rows | file MB | wall s | peak RSS MB (/usr/bin/time -v) | peak RSS MB (sampled in process) |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
const results = [
  ['1 year', 35_040, oneYear],
  ['10 years', 350_400, tenYears],
  ['1 year, --max-old-space-size=24', 35_040, oneYearCapped],
  ['10 years, --max-old-space-size=24', 350_400, tenYearsCapped],
] as const;
for (const [label, rows, m] of results)
  console.log(
    `| ${label} | ${rows.toLocaleString('en-US')} | ${f(m.mb)} | ${f(m.seconds, 2)} | ${f(m.timeMb)} | ${f(m.sampled)} |`,
  );
console.log(
  `\n10-year / 1-year peak RSS: ${f(hasTime ? tenYears.timeMb / oneYear.timeMb : tenYears.sampled / oneYear.sampled, 2)}; with the heap capped: ${f(hasTime ? tenYearsCapped.timeMb / oneYearCapped.timeMb : tenYearsCapped.sampled / oneYearCapped.sampled, 2)} (flat ≈ 1)`,
);
