// Import bench: a generated canonical NDJSON file of N tickets (default 1,000,000; BENCH_TICKETS to
// change) into PostgreSQL (when DATABASE_URL is set) and PGlite; prints a markdown table with rows/s
// and peak RSS. Run: npm run bench -- import
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { runMigrations } from '../packages/server/src/main.js';
import { createOrganization } from '../packages/server/src/modules/identity/bootstrap.js';
import { runImport } from '../packages/server/src/modules/insight/import/run-import.js';
import { systemClock } from '../packages/server/src/platform/clock.js';
import { type Database, openDatabase } from '../packages/server/src/platform/db/connect.js';
import {
  createPostgresDatabase,
  dropPostgresDatabase,
} from '../packages/server/src/test-support/databases.js';
import { generateCanonicalTickets } from '../packages/server/test/insight/generate.js';
import { backendTicks } from './backend-ticks.js';

const N = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'shoreline-bench-'));
const file = join(dir, 'tickets.ndjson');

async function writeFile(): Promise<void> {
  const out = createWriteStream(file);
  for (const line of generateCanonicalTickets(N))
    if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((r) => out.end(() => r()));
}

let peakRss = 0;
let peakHeap = 0;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed + m.external);
}, 100);

/**
 * CPU seconds used so far by this bench's PostgreSQL backends (same machine: /proc/PID/stat). The
 * machine is shared, so CPU per ticket is the load-independent figure; wall-clock rates vary with load.
 */
async function serverCpuSeconds(database: Database): Promise<number> {
  if (!database.pool) return 0;
  let ticks = 0;
  for (const t of (await backendTicks(database.pool)).values()) ticks += t;
  return ticks / 100;
}

async function bench(name: string, database: Database) {
  await runMigrations(database);
  const { organizationId } = await createOrganization(database.db, systemClock, {
    name: `bench ${Date.now()}`,
  });
  (globalThis as { gc?: () => void }).gc?.();
  peakRss = process.memoryUsage().rss;
  peakHeap = 0;
  const serverBefore = await serverCpuSeconds(database);
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const report = await runImport({
    database,
    clock: systemClock,
    organizationId,
    format: 'canonical',
    filePath: file,
    ...(process.env.BENCH_BATCH ? { batchSize: Number(process.env.BENCH_BATCH) } : {}),
  });
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const serverCpu = (await serverCpuSeconds(database)) - serverBefore;
  return {
    name,
    nodeCpuUs: ((cpu.user + cpu.system) / report.ticketsUpserted).toFixed(1),
    serverCpuUs: database.pool ? ((serverCpu * 1e6) / report.ticketsUpserted).toFixed(1) : '(in process)',
    tickets: report.ticketsUpserted,
    seconds,
    rate: report.ticketsUpserted / seconds,
    peakMb: peakRss / 2 ** 20,
    peakHeapMb: peakHeap / 2 ** 20,
  };
}

async function main() {
  await writeFile();
  const results = [];
  const url = process.env.DATABASE_URL;
  // BENCH_TARGETS=postgres or =pglite runs one of the two (default: both; PostgreSQL only with DATABASE_URL).
  const targets = (process.env.BENCH_TARGETS ?? 'postgres,pglite').split(',');
  if (url && targets.includes('postgres')) {
    const dbName = `shoreline_bench_${process.pid}`;
    const dbUrl = await createPostgresDatabase(url, dbName);
    const database = await openDatabase({ url: dbUrl });
    try {
      results.push(await bench('PostgreSQL', database));
    } finally {
      await database.close();
      await dropPostgresDatabase(url, dbName);
    }
  }
  if (targets.includes('pglite')) {
    const lite = await openDatabase({ dataDir: join(dir, 'pglite') });
    try {
      results.push(await bench('PGlite (on disk)', lite));
    } finally {
      await lite.close();
    }
  }
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `Machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}`,
  );
  console.log(
    `Load average (1, 5, 15 min) at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  console.log(
    `\n| database | tickets | seconds | tickets/s | Node CPU µs/ticket | server CPU µs/ticket | peak RSS MiB | peak JS heap + external MiB |\n|---|---:|---:|---:|---:|---:|---:|---:|`,
  );
  for (const r of results)
    console.log(
      `| ${r.name} | ${r.tickets} | ${r.seconds.toFixed(1)} | ${Math.round(r.rate)} | ${r.nodeCpuUs} | ${r.serverCpuUs} | ${r.peakMb.toFixed(0)} | ${r.peakHeapMb.toFixed(0)} |`,
    );
}

await main();
