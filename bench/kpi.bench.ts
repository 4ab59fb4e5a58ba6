// KPI bench: p50/p95 latency of KPI queries on N imported tickets (default 1,000,000; BENCH_TICKETS
// to change) on PostgreSQL (DATABASE_URL) — the goal is p95 ≤ 300 ms. Run: npm run bench -- kpi
// BENCH_ENGINES=memory,sql (default memory) chooses the KPI engines measured. "first" is the first
// request after the import: for the memory engine it includes loading the organization's columns.
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { runMigrations } from '../packages/server/src/main.js';
import { createOrganization } from '../packages/server/src/modules/identity/bootstrap.js';
import { runImport } from '../packages/server/src/modules/insight/import/run-import.js';
import { ColumnCache } from '../packages/server/src/modules/insight/kpi-columns/column-cache.js';
import type { GroupBy } from '../packages/server/src/modules/insight/kpi-query.js';
import { type KpiEngine, KpiService } from '../packages/server/src/modules/insight/kpi-service.js';
import { modules } from '../packages/server/src/modules.js';
import { systemClock } from '../packages/server/src/platform/clock.js';
import { scopeRulesOf } from '../packages/server/src/platform/context.js';
import { type Database, openDatabase } from '../packages/server/src/platform/db/connect.js';
import { ScopedDb } from '../packages/server/src/platform/scope.js';
import {
  createPostgresDatabase,
  dropPostgresDatabase,
} from '../packages/server/src/test-support/databases.js';
import { generateCanonicalTickets } from '../packages/server/test/insight/generate.js';

const N = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const ENGINES = (process.env.BENCH_ENGINES ?? 'memory').split(',') as KpiEngine[];

async function load(database: Database) {
  const dir = mkdtempSync(join(tmpdir(), 'shoreline-kpi-'));
  const file = join(dir, 't.ndjson');
  const out = createWriteStream(file);
  for (const line of generateCanonicalTickets(N))
    if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((r) => out.end(() => r()));
  await runMigrations(database);
  const { organizationId } = await createOrganization(database.db, systemClock, {
    name: `kpi bench ${Date.now()}`,
    inHouseName: 'Northwind in-house',
  });
  // The generator names three providers; with the two vendors present every ticket has its provider.
  const vendors = ['Baltic Contact', 'Manila CX'].map((name, i) => ({
    id: `prv_kpibench${i}`,
    organization_id: organizationId,
    name,
    kind: 'vendor' as const,
    shore: i === 0 ? ('nearshore' as const) : ('offshore' as const),
    countries: [],
    languages: [],
    updated_at: new Date(),
  }));
  await database.db.insertInto('providers').values(vendors).execute();
  await runImport({
    database,
    clock: systemClock,
    organizationId,
    format: 'canonical',
    filePath: file,
  });
  rmSync(dir, { recursive: true, force: true });
  await database.db
    .executeQuery({ sql: 'analyze tickets', parameters: [], query: { kind: 'RawNode' } } as never)
    .catch(() => undefined);
  const rules = scopeRulesOf(modules);
  const scoped = new ScopedDb(
    database.db,
    { userId: 'bench', organizationId, providerId: null, role: 'admin' },
    rules,
  );
  const vendorScoped = new ScopedDb(
    database.db,
    { userId: 'bench-vendor', organizationId, providerId: 'prv_kpibench1', role: 'agent' },
    rules,
  );
  return { scoped, vendorScoped };
}

async function measure(engine: KpiEngine, { scoped, vendorScoped }: Awaited<ReturnType<typeof load>>) {
  // A fresh service per engine: an empty column cache, so "first" includes loading the columns.
  const service = new KpiService(engine, new ColumnCache());
  const kpis: KpiService['kpis'] = (...args) => service.kpis(...args);
  const queries: [string, () => Promise<unknown>][] = [
    ...(['none', 'provider', 'team', 'channel', 'topic', 'hour_of_week'] as GroupBy[]).map(
      (g) => [`kpis by ${g}`, () => kpis(scoped, g, {})] as [string, () => Promise<unknown>],
    ),
    [
      'kpis by provider, one quarter',
      () => kpis(scoped, 'provider', { from: '2024-04-01', to: '2024-07-01' }),
    ],
    ['kpis by hour of week in Riga', () => kpis(scoped, 'hour_of_week', { timeZone: 'Europe/Riga' })],
    ['volume per week', () => service.volume(scoped, 'week', {})],
    ['contact reasons per month', () => service.topicTrend(scoped, 'month', {})],
    ['training needs', () => service.trainingNeeds(scoped, {})],
    ['kpis as a vendor agent (one provider)', () => kpis(vendorScoped, 'none', {})],
  ];
  const rows = [];
  for (const [name, q] of queries) {
    const first = performance.now();
    await q();
    const firstMs = performance.now() - first;
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await q();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    rows.push({
      name,
      firstMs,
      p50: times[Math.floor(RUNS * 0.5)]!,
      p95: times[Math.ceil(RUNS * 0.95) - 1]!,
    });
  }
  const cache = service.columns.stats();
  return { rows, cache, rssMiB: process.memoryUsage().rss / 2 ** 20 };
}

async function main() {
  console.log(
    `Machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${N} tickets, ${RUNS} runs each`,
  );
  const url = process.env.DATABASE_URL;
  const targets: [string, () => Promise<Database>, () => Promise<void>][] = [];
  if (url) {
    const dbName = `shoreline_kpibench_${process.pid}`;
    const dbUrl = await createPostgresDatabase(url, dbName);
    targets.push([
      'PostgreSQL',
      () => openDatabase({ url: dbUrl }),
      async () => {
        await dropPostgresDatabase(url, dbName);
      },
    ]);
  } else targets.push(['PGlite (memory)', () => openDatabase({ dataDir: 'memory://' }), async () => {}]);
  for (const [name, open, cleanup] of targets) {
    const database = await open();
    try {
      const scopes = await load(database);
      for (const engine of ENGINES) {
        const { rows, cache, rssMiB } = await measure(engine, scopes);
        console.log(
          `\n${name}, ${engine} engine\n\n| query | first ms | p50 ms | p95 ms |\n|---|---:|---:|---:|`,
        );
        for (const r of rows)
          console.log(`| ${r.name} | ${r.firstMs.toFixed(0)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} |`);
        console.log(
          `\nColumns held: ${cache.sets} sets, ${cache.tickets} tickets, ${(cache.bytes / 2 ** 20).toFixed(0)} MiB; process RSS ${rssMiB.toFixed(0)} MiB`,
        );
      }
      console.log(
        `\nLoad average (1, 5, 15 min): ${loadavg()
          .map((l) => l.toFixed(2))
          .join(', ')}`,
      );
    } finally {
      await database.close();
      await cleanup();
    }
  }
}

await main();
