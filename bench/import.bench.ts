// Import bench: a generated canonical NDJSON file of N tickets (default 1,000,000; BENCH_TICKETS to
// change) into PostgreSQL (when DATABASE_URL is set) and PGlite; prints a markdown table with rows/s
// and peak RSS. Run: npm run bench -- import
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { runMigrations } from '../packages/server/src/main.js';
import { createOrganization } from '../packages/server/src/modules/identity/bootstrap.js';
import { runImport } from '../packages/server/src/modules/insight/import/run-import.js';
import { systemClock } from '../packages/server/src/platform/clock.js';
import { type Database, openDatabase } from '../packages/server/src/platform/db/connect.js';
import { generateCanonicalTickets } from '../packages/server/test/insight/generate.js';

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
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);

async function bench(name: string, database: Database) {
  await runMigrations(database);
  const { organizationId } = await createOrganization(database.db, systemClock, {
    name: `bench ${Date.now()}`,
  });
  peakRss = process.memoryUsage().rss;
  const start = performance.now();
  const report = await runImport({
    database,
    clock: systemClock,
    organizationId,
    format: 'canonical',
    filePath: file,
    batchSize: 10_000,
  });
  const seconds = (performance.now() - start) / 1000;
  return {
    name,
    tickets: report.ticketsUpserted,
    seconds,
    rate: report.ticketsUpserted / seconds,
    peakMb: peakRss / 2 ** 20,
  };
}

async function main() {
  await writeFile();
  const results = [];
  const url = process.env.DATABASE_URL;
  if (url) {
    const dbName = `shoreline_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    const target = new URL(url);
    target.pathname = `/${dbName}`;
    const database = await openDatabase({ url: target.toString() });
    try {
      results.push(await bench('PostgreSQL', database));
    } finally {
      await database.close();
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
  }
  const lite = await openDatabase({ dataDir: join(dir, 'pglite') });
  try {
    results.push(await bench('PGlite (on disk)', lite));
  } finally {
    await lite.close();
  }
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `Machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}`,
  );
  console.log(`\n| database | tickets | seconds | tickets/s | peak RSS MiB |\n|---|---:|---:|---:|---:|`);
  for (const r of results)
    console.log(
      `| ${r.name} | ${r.tickets} | ${r.seconds.toFixed(1)} | ${Math.round(r.rate)} | ${r.peakMb.toFixed(0)} |`,
    );
}

await main();
