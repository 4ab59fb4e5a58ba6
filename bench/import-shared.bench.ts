// Import bench on real exports: the public files in ../shared/data, scaled up by replicating their
// rows under new ids (BENCH_ROWS rows each, default 120,000), imported with their shipped mappings
// (examples/import/) into PostgreSQL (when DATABASE_URL is set) and PGlite. Prints wall and CPU time,
// rows/s and the start-up cost. Skips, saying so, when ../shared is absent.
// Run: npm run bench -- import-shared   (BENCH_FILES=servicenow,twitter to choose; BENCH_TARGETS as in import.bench.ts;
// BENCH_PROFILE=<dir> writes a CPU profile of each import alone, <file>-<database>.cpuprofile, to that folder;
// BENCH_REPORT=1 prints each run's data-quality report and findings)
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { Session } from 'node:inspector/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import { seedDemo } from '../packages/server/src/demo/seed.js';
import { openShoreline } from '../packages/server/src/main.js';
import { readMappingFile } from '../packages/server/src/modules/insight/import/mapping-file.js';
import { runImport } from '../packages/server/src/modules/insight/import/run-import.js';
import { systemClock } from '../packages/server/src/platform/clock.js';
import { loadConfig } from '../packages/server/src/platform/config.js';
import { type Database, openDatabase } from '../packages/server/src/platform/db/connect.js';
import {
  createPostgresDatabase,
  dropPostgresDatabase,
} from '../packages/server/src/test-support/databases.js';
import { backendTicks, ticksSince } from './backend-ticks.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(repo, '../shared/data');
const ROWS = Number(process.env.BENCH_ROWS ?? 120_000);
/** The CLI's default (`shoreline import --batch-size`). */
const BATCH = Number(process.env.BENCH_BATCH ?? 5_000);

/** Rewrites one row for copy `k` (copy 0 is the file as it is): its ids made unique to the copy. */
type Rename = (row: Record<string, string>, k: number) => void;

interface SharedFile {
  name: string;
  path: string;
  mapping: string;
  rename: Rename;
}

const suffix =
  (...columns: string[]): Rename =>
  (row, k) => {
    if (k === 0) return;
    for (const c of columns) if (row[c]) row[c] = `${row[c]}-${k}`;
  };

/** Tweet ids are integers (some written as floats, `1.0`): shifted by a million a copy, kept numeric. */
const shiftTweetIds: Rename = (row, k) => {
  if (k === 0) return;
  const shift = (v: string) => v.replace(/\d+/g, (d) => String(Number(d) + k * 1_000_000));
  for (const c of ['tweet_id', 'in_response_to_tweet_id', 'response_tweet_id'])
    if (row[c]) row[c] = shift(row[c]);
};

const FILES: SharedFile[] = [
  {
    name: 'servicenow',
    path: 'servicenow-incidents/incident_event_log.first5000events.csv',
    mapping: 'servicenow-incidents.mapping.json',
    rename: suffix('number'),
  },
  {
    name: 'helpdesk',
    path: 'helpdesk-eventlog/finale.first2000events.csv',
    mapping: 'helpdesk-eventlog.mapping.json',
    rename: suffix('Case ID'),
  },
  {
    name: 'bpic2013',
    path: 'bpic2013-incidents/VINST-new.first3000events.csv',
    mapping: 'bpic2013-incidents.mapping.json',
    rename: suffix('SR Number'),
  },
  {
    name: 'support-tickets',
    path: 'support-tickets-csv/customer_support_tickets.first1000.csv',
    mapping: 'support-tickets-csv.mapping.json',
    rename: suffix('Ticket ID'),
  },
  {
    name: 'twitter',
    path: 'twitter-support/sample.csv',
    mapping: 'twitter-support.mapping.json',
    rename: shiftTweetIds,
  },
];

/** One CSV line, quoted where needed (RFC 4180). */
const csvLine = (cells: string[]): string =>
  `${cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')}\n`;

/** Writes `file` replicated to at least ROWS rows (whole copies, so an event log's cases stay contiguous). */
async function scaleUp(file: SharedFile, out: string): Promise<number> {
  const rows: Record<string, string>[] = [];
  let header: string[] = [];
  const parser = createReadStream(join(shared, file.path)).pipe(
    parse({ bom: true, columns: (h: string[]) => (header = h), relax_column_count: true }),
  );
  for await (const r of parser) rows.push(r as Record<string, string>);
  const copies = Math.ceil(ROWS / rows.length);
  const stream = createWriteStream(out);
  stream.write(csvLine(header));
  for (let k = 0; k < copies; k++) {
    let block = '';
    for (const r of rows) {
      const copy = { ...r };
      file.rename(copy, k);
      block += csvLine(header.map((h) => copy[h] ?? ''));
    }
    if (!stream.write(block)) await new Promise<void>((r) => stream.once('drain', () => r()));
  }
  await new Promise<void>((r) => stream.end(() => r()));
  return copies * rows.length;
}

/** CPU ticks of this database's PostgreSQL backends (none when the database is PGlite, in process). */
const serverTicks = async (database: Database) =>
  database.pool ? backendTicks(database.pool) : new Map<number, number>();

/** Where BENCH_PROFILE asks for CPU profiles of the imports alone (the scaling up and the seed left out). */
const PROFILE_DIR = process.env.BENCH_PROFILE;

async function startProfile(): Promise<Session> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return session;
}

async function stopProfile(session: Session, name: string): Promise<void> {
  const { profile } = await session.post('Profiler.stop');
  mkdirSync(PROFILE_DIR!, { recursive: true });
  writeFileSync(join(PROFILE_DIR!, `${name}.cpuprofile`), JSON.stringify(profile));
  session.disconnect();
}

interface Result {
  file: string;
  database: string;
  rows: number;
  tickets: number;
  rejected: number;
  seconds: number;
  cpu: number;
  serverCpu: number | null;
  runStarted: number;
  firstBatch: number;
}

async function bench(
  file: SharedFile,
  path: string,
  database: Database,
  organizationId: string,
  label: string,
): Promise<Result> {
  const mapping = readMappingFile(join(repo, 'examples/import', file.mapping));
  (globalThis as { gc?: () => void }).gc?.();
  const profiler = PROFILE_DIR ? await startProfile() : null;
  const serverBefore = await serverTicks(database);
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  let runStarted = 0;
  let firstBatch = 0;
  const report = await runImport({
    database,
    clock: systemClock,
    organizationId,
    format: 'csv',
    filePath: path,
    mapping,
    batchSize: BATCH,
    onRunStarted: () => {
      runStarted = performance.now() - start;
    },
    afterBatch: () => {
      if (firstBatch === 0) firstBatch = performance.now() - start;
    },
  });
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  if (profiler) await stopProfile(profiler, `${file.name}-${label.split(' ')[0]}`);
  // BENCH_REPORT=1: the run's data-quality report and findings, to compare two versions' output.
  if (process.env.BENCH_REPORT)
    console.log(
      `report ${file.name} ${label}: ${JSON.stringify({ quality: report.quality, findings: report.findings, tickets: report.ticketsUpserted, rejected: report.rowsRejected })}`,
    );
  const serverCpu = database.pool ? ticksSince(serverBefore, await serverTicks(database)) / 100 : null;
  return {
    file: file.name,
    database: label,
    rows: report.recordsRead,
    tickets: report.ticketsUpserted,
    rejected: report.rowsRejected,
    seconds,
    cpu: (cpu.user + cpu.system) / 1e6,
    serverCpu,
    runStarted: runStarted / 1000,
    firstBatch: firstBatch / 1000,
  };
}

/** The demo organization (its providers and teams are the ones the shipped mappings name), migrated. */
const demo = (database: Database) =>
  openShoreline(loadConfig({ SHORELINE_DATA_DIR: 'memory://', PUBLIC_URL: 'http://localhost:3000' }), {
    database,
    clock: systemClock,
  });

async function main() {
  if (!existsSync(shared)) {
    console.log(`import-shared: ../shared/data not found beside the repository (${shared}): skipping`);
    return;
  }
  const chosen = (process.env.BENCH_FILES ?? FILES.map((f) => f.name).join(',')).split(',');
  const files = FILES.filter((f) => chosen.includes(f.name));
  const dir = mkdtempSync(join(tmpdir(), 'shoreline-bench-shared-'));
  const results: Result[] = [];
  console.log(
    `Machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; batch ${BATCH}; load average at the start ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  console.log(
    '\n| file | database | rows | tickets | rejected | wall s | rows/s wall | Node CPU s | rows/s of Node CPU | server CPU s | run started s | first batch s |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  const print = (r: Result) => {
    results.push(r);
    console.log(
      `| ${r.file} | ${r.database} | ${r.rows} | ${r.tickets} | ${r.rejected} | ${r.seconds.toFixed(2)} | ${Math.round(r.rows / r.seconds)} | ${r.cpu.toFixed(2)} | ${Math.round(r.rows / r.cpu)} | ${r.serverCpu === null ? '(in process)' : r.serverCpu.toFixed(2)} | ${r.runStarted.toFixed(2)} | ${r.firstBatch.toFixed(2)} |`,
    );
  };
  try {
    const scaled = new Map<string, string>();
    for (const f of files) {
      const out = join(dir, `${f.name}.csv`);
      await scaleUp(f, out);
      scaled.set(f.name, out);
    }
    const url = process.env.DATABASE_URL;
    const targets = (process.env.BENCH_TARGETS ?? 'postgres,pglite').split(',');
    const importInto = async (database: Database, label: string, dispose: () => Promise<void>) => {
      const instance = await demo(database);
      try {
        const { organizationId } = await seedDemo(instance.ctx);
        for (const f of files) print(await bench(f, scaled.get(f.name)!, database, organizationId, label));
      } finally {
        await instance.close();
        await dispose();
      }
    };
    if (url && targets.includes('postgres')) {
      const dbName = `${process.env.BENCH_DB_PREFIX ?? 'shoreline_bench'}_${process.pid}`;
      const dbUrl = await createPostgresDatabase(url, dbName);
      await importInto(await openDatabase({ url: dbUrl }), 'PostgreSQL', () =>
        dropPostgresDatabase(url, dbName),
      );
    }
    if (targets.includes('pglite'))
      await importInto(
        await openDatabase({ dataDir: join(dir, 'pglite') }),
        'PGlite (on disk)',
        async () => {},
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `\nLoad average (1, 5, 15 min) at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}; ${results.length} runs`,
  );
}

await main();
