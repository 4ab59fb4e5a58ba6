#!/usr/bin/env node
// Times `npm start` in a clone: every line it prints with the second it came, and when GET / first
// answers; then stops it. Usage (a fresh clone, as a newcomer has it):
//   git clone . /tmp/fresh && (cd /tmp/fresh && npm ci) && node bench/first-start.mjs /tmp/fresh
// Run it again on the same clone for a second start. Listens on a random high port, with its own
// data directory (DIR/.data); prints to stdout (record the figures in BENCHMARKS.md, "First start").
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? '.');
const port = 20000 + Math.floor(Math.random() * 20000);
const t0 = performance.now();
const at = () => ((performance.now() - t0) / 1000).toFixed(1);
const child = spawn('npm', ['start'], {
  cwd: dir,
  env: { ...process.env, PORT: String(port), SHORELINE_DATA_DIR: `${dir}/.data` },
  detached: true,
});
let polling = false;
const onOutput = (chunk) => {
  for (const line of String(chunk).split('\n')) {
    if (!line.trim()) continue;
    console.log(`[${at()} s] ${line.slice(0, 200)}`);
    if (line.includes('running at') && !polling) {
      polling = true;
      void poll();
    }
  }
};
child.stdout.on('data', onOutput);
child.stderr.on('data', onOutput);
child.on('exit', (code) => {
  if (!polling) {
    console.log(`npm start ended (${code}) before listening`);
    process.exit(1);
  }
});

async function poll() {
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      if (res.ok) {
        console.log(`[${at()} s] GET / answered ${res.status}: the first page`);
        break;
      }
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  process.kill(-child.pid, 'SIGTERM');
  setTimeout(() => process.exit(0), 2000);
}
