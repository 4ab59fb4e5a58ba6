#!/usr/bin/env node
// CPU of each step of the server's first start, as `npm start` runs it: `serve --demo` on a fresh copy
// of the prebuilt cluster, each line it prints with the wall time and the server process's CPU
// seconds so far (user + system, from /proc), then stopped once it listens. The wall time depends on
// the machine's load; the CPU time much less. Build first (`npm start` once, or `npm run build`).
//   node bench/server-start.mjs [ENTRY]   (default: the bundled CLI; packages/server/dist/cli/main.js
//                                          for the file-per-module build)
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../packages/server/bin/node-flags.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const entry = resolve(process.argv[2] ?? join(root, 'packages/server/dist/bundle/cli/main.js'));
const dir = mkdtempSync(join(tmpdir(), 'shoreline-server-start-'));
execFileSync('tar', ['xzf', join(root, 'packages/server/assets/pglite-cluster.tar.gz'), '-C', dir], {
  stdio: 'ignore',
});
console.log(
  `${entry}; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')}`,
);
const t0 = performance.now();
const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, entry, 'serve', '--demo'], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(20000 + Math.floor(Math.random() * 20000)),
    SMTP_PORT: '0',
    SHORELINE_DATA_DIR: dir,
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const cpu = () => {
  try {
    const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) / 100).toFixed(2);
  } catch {
    return '?';
  }
};
const onOutput = (chunk) => {
  for (const line of chunk.toString().split('\n').filter(Boolean)) {
    console.log(`[${((performance.now() - t0) / 1000).toFixed(1)} s, CPU ${cpu()} s] ${line.slice(0, 100)}`);
    if (/is running at/.test(line)) child.kill('SIGTERM');
  }
};
child.stdout.on('data', onOutput);
child.stderr.on('data', onOutput);
child.on('exit', () => {
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `load average at the end ${loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')}`,
  );
});
