// API under concurrent use: requests/s and latency of signed-in reads with C concurrent clients,
// against a real `shoreline serve` process, driven from a separate load process (bench/api-load.ts)
// so client and server do not share an event loop. The demo organization plus BENCH_TICKETS
// generated tickets (default 1,000,000) on PostgreSQL (DATABASE_URL; PGlite in memory otherwise,
// with BENCH_TICKETS capped at 100,000). Goals (Hardening #14 item 15): ≥ 2,000 requests/s for
// /api/me, ≥ 500 for a KPI table, p99 ≤ 50 ms for cached reads.
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench -- api
// BENCH_DATABASE=name keeps the prepared database between runs (made and filled once, never
// dropped), so before/after runs measure the same data without a new 1 M import each time.
// Two tables: closed loop (CLIENTS clients back to back: saturation throughput, latency ≈ CLIENTS /
// throughput plus the tail) and open loop (requests due at fixed rates, BENCH_RATES, default
// 1000,2000 a second, latency counted from the time each was due: the p99 at that load). The cached
// routes only in the open loop (BENCH_OPEN_ROUTES). BENCH_WORKERS=N runs `serve --workers N`.

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SERVER_NODE_FLAGS } from '../packages/server/bin/node-flags.js';
import { generateCanonicalTickets } from '../packages/server/test/insight/generate.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const cli = join(root, 'packages/server/src/cli/main.ts');
const url = process.env.DATABASE_URL;
const N = Math.min(Number(process.env.BENCH_TICKETS ?? 1_000_000), url ? Number.POSITIVE_INFINITY : 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const PORT = 40_000 + (process.pid % 20_000);

function node(args: string[], env: NodeJS.ProcessEnv): string {
  return execFileSync(process.execPath, ['--import', 'tsx', '--conditions=source', cli, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
}

function cpuSeconds(pid: number): number {
  // utime + stime in clock ticks (fields 14 and 15 of /proc/PID/stat; 100 ticks a second on Linux),
  // plus the live children's (the workers of `serve --workers N`).
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  let ticks = Number(fields[11]) + Number(fields[12]);
  let children: string[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean);
  } catch {}
  for (const child of children) {
    try {
      ticks += cpuSeconds(Number(child)) * 100;
    } catch {}
  }
  return ticks / 100;
}

async function waitFor(urlToPoll: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(urlToPoll)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not answer at ${urlToPoll}`);
}

/** The demo organization plus N generated tickets. */
async function prepare(env: NodeJS.ProcessEnv, dir: string): Promise<void> {
  node(['seed-demo'], env);
  const file = join(dir, 'tickets.ndjson');
  const out = createWriteStream(file);
  for (const line of generateCanonicalTickets(N))
    if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((r) => out.end(() => r()));
  const t0 = performance.now();
  node(['import', 'canonical', file, '--organization', 'Northwind Outfitters'], env);
  console.log(`imported in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function main() {
  console.log(
    `Machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${N.toLocaleString('en')} tickets; ${CLIENTS} clients × ${SECONDS} s per route`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'shoreline-api-bench-'));
  const env: NodeJS.ProcessEnv = {
    PORT: String(PORT),
    HOST: '127.0.0.1',
    SHORELINE_DATA_DIR: join(dir, 'data'),
  };
  let dropDatabase = async () => {};
  let prepared = false;
  if (url) {
    const kept = process.env.BENCH_DATABASE;
    const name = kept ?? `shoreline_apibench_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
    if (!exists) await admin.query(`create database ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    env.DATABASE_URL = target.toString();
    if (exists) {
      const db = new pg.Client({ connectionString: env.DATABASE_URL });
      await db.connect();
      const tickets = await db.query('select count(*)::int as n from tickets').catch(() => null);
      prepared = (tickets?.rows[0]?.n ?? 0) >= N;
      await db.end();
    }
    dropDatabase = async () => {
      if (!kept) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else delete process.env.DATABASE_URL;
  let server: ChildProcess | undefined;
  try {
    if (prepared) console.log(`reusing ${process.env.BENCH_DATABASE} (already holds the tickets)`);
    else await prepare(env, dir);

    // With the V8 flags `shoreline serve` runs with (packages/server/bin/node-flags.js).
    server = spawn(
      process.execPath,
      [
        ...SERVER_NODE_FLAGS,
        // e.g. BENCH_SERVER_FLAGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile the server under load
        ...(process.env.BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? []),
        '--import',
        'tsx',
        '--conditions=source',
        cli,
        'serve',
        ...(process.env.BENCH_WORKERS ? ['--workers', process.env.BENCH_WORKERS] : []),
      ],
      {
        env: { ...process.env, ...env },
        // BENCH_SERVER_LOG=file keeps the server's output (e.g. with BENCH_SERVER_FLAGS=--trace-gc).
        stdio: [
          'ignore',
          process.env.BENCH_SERVER_LOG ? openSync(process.env.BENCH_SERVER_LOG, 'w') : 'ignore',
          'inherit',
        ],
      },
    );
    const base = `http://127.0.0.1:${PORT}`;
    await waitFor(`${base}/healthz`);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@northwind.example', password: 'shoreline-demo' }),
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0];
    if (!cookie) throw new Error(`sign-in failed: ${login.status}`);
    // BENCH_ROUTES=/healthz,/api/me to measure some only.
    const routes = process.env.BENCH_ROUTES?.split(',') ?? [
      '/healthz',
      '/api/me',
      '/api/insight/kpis?groupBy=provider',
      '/api/insight/kpis?groupBy=topic&channel=email',
      '/api/insight/tickets?limit=50',
    ];
    // The server's CPU while nothing is asked (timers, the event bus's polls), taken off each route's
    // CPU so the per-request figure does not grow when the machine is busy and fewer requests are served.
    // First let the start finish: with workers, /healthz answers once the first listens while the
    // others still load; wait until the processes use under a tenth of a core (60 s at most).
    for (let i = 0; i < 60; i++) {
      const before = cpuSeconds(server.pid!);
      await new Promise((r) => setTimeout(r, 1000));
      if (cpuSeconds(server.pid!) - before < 0.1) break;
    }
    const idleSeconds = 5;
    const idleBefore = cpuSeconds(server.pid!);
    await new Promise((r) => setTimeout(r, idleSeconds * 1000));
    const idlePerSecond = (cpuSeconds(server.pid!) - idleBefore) / idleSeconds;
    console.log(`\nserver CPU while idle: ${(idlePerSecond * 1000).toFixed(1)} ms per second`);
    console.log(
      '\n| route | requests/s | p50 ms | p95 ms | p99 ms | errors | server CPU ms/request | the same, idle CPU taken off |\n|---|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const route of routes) {
      // Warm caches (KPI columns); a kept-alive socket the server just closed fails once, so retry.
      // With workers, on several connections at once so that each process (its own caches) is warmed.
      const warmers = 2 * Number(process.env.BENCH_WORKERS || 1) - 1;
      await Promise.all(
        Array.from({ length: warmers }, () =>
          fetch(`${base}${route}`, { headers: { cookie } }).catch(() =>
            fetch(`${base}${route}`, { headers: { cookie } }),
          ),
        ),
      );
      const cpuBefore = cpuSeconds(server.pid!);
      const result = JSON.parse(
        execFileSync(
          process.execPath,
          [join(here, 'api-load.mjs'), `${base}${route}`, cookie, String(CLIENTS), String(SECONDS)],
          { encoding: 'utf8' },
        ),
      ) as { requests: number; errors: number; p50: number; p95: number; p99: number; seconds: number };
      const cpu = cpuSeconds(server.pid!) - cpuBefore;
      console.log(
        `| ${route} | ${(result.requests / result.seconds).toFixed(0)} | ${result.p50.toFixed(1)} | ${result.p95.toFixed(1)} | ${result.p99.toFixed(1)} | ${result.errors} | ${((cpu * 1000) / Math.max(1, result.requests)).toFixed(3)} | ${(((cpu - idlePerSecond * result.seconds) * 1000) / Math.max(1, result.requests)).toFixed(3)} |`,
      );
    }
    // Open loop: the same cached routes at fixed rates, latency from each request's due time.
    const rates = (process.env.BENCH_RATES ?? '1000,2000').split(',').filter(Boolean).map(Number);
    const openRoutes =
      process.env.BENCH_OPEN_ROUTES?.split(',') ??
      routes.filter((r) => r !== '/api/insight/tickets?limit=50');
    if (rates.length > 0) {
      console.log(
        `\nOpen loop: requests due at a fixed rate on up to ${CLIENTS} connections, latency from the due time\n\n| route | offered/s | answered/s | p50 ms | p95 ms | p99 ms | max ms | errors | server CPU ms/request |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|`,
      );
      for (const route of openRoutes)
        for (const rate of rates) {
          const cpuBefore = cpuSeconds(server.pid!);
          const result = JSON.parse(
            execFileSync(
              process.execPath,
              [
                join(here, 'api-load.mjs'),
                `${base}${route}`,
                cookie,
                String(CLIENTS),
                String(SECONDS),
                String(rate),
              ],
              { encoding: 'utf8' },
            ),
          ) as {
            requests: number;
            errors: number;
            p50: number;
            p95: number;
            p99: number;
            max: number;
            seconds: number;
          };
          const cpu = cpuSeconds(server.pid!) - cpuBefore;
          console.log(
            `| ${route} | ${rate} | ${(result.requests / result.seconds).toFixed(0)} | ${result.p50.toFixed(1)} | ${result.p95.toFixed(1)} | ${result.p99.toFixed(1)} | ${result.max.toFixed(1)} | ${result.errors} | ${((cpu * 1000) / Math.max(1, result.requests)).toFixed(3)} |`,
          );
        }
    }
    console.log(
      `\nLoad average (1, 5, 15 min): ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}`,
    );
  } finally {
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dir, { recursive: true, force: true });
    await dropDatabase();
  }
}

await main();
