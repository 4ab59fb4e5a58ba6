import cluster from 'node:cluster';
import { createServer } from 'node:net';
import type { Command } from 'commander';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../../demo/seed.js';
import { seedDemoDesk } from '../../demo/seed-desk.js';
import { demoYearPending, seedDemoYear } from '../../demo/seed-year.js';
import { createShoreline, listen } from '../../main.js';
import { loadConfig } from '../../platform/config.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'run the API and web app on one port (PGlite in SHORELINE_DATA_DIR unless DATABASE_URL is set)',
    )
    .option('--demo', 'seed the demo organization when the database has none')
    .option('-p, --port <port>', 'port (default: PORT or 3000)')
    .option(
      '--workers <n>',
      'serve from N processes sharing the port (PostgreSQL only; default 1: docs/decisions/0058-api-tail-latency.md)',
    )
    .action(async (opts: { demo?: boolean; port?: string; workers?: string }) => {
      const config = loadConfig(opts.port ? { ...process.env, PORT: opts.port } : process.env);
      const workers = workerCount(opts.workers);
      if (workers > 1 && !config.databaseUrl)
        throw new Error('--workers needs PostgreSQL (DATABASE_URL): a PGlite database is one process');
      // The first of several workers seeds the demo and says what it does; the others only serve.
      const first = !cluster.isWorker || process.env.SHORELINE_WORKER_INDEX === '0';
      const say = first ? (line: string) => console.log(line) : () => {};
      // The demo takes mail for support@northwind.example on loopback port 2525 unless told otherwise.
      // A second demo (or anything else) on 2525 must not stop the web app from starting.
      // (With workers the primary decides, once, and tells them in SHORELINE_SMTP_PORT.)
      if (opts.demo && config.smtpPort === undefined && !cluster.isWorker) {
        if (await portIsFree(DEMO_SMTP_PORT, config.smtpHost)) config.smtpPort = DEMO_SMTP_PORT;
        else
          console.log(
            `port ${DEMO_SMTP_PORT} is in use: no SMTP server (set SHORELINE_SMTP_PORT to choose one)`,
          );
      }
      if (workers > 1 && cluster.isPrimary) return superviseWorkers(workers, config.smtpPort);
      const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
      // Each step of a start says what it does (a first start creates and fills the database).
      say(`opening the database (${where}) and applying migrations…`);
      const shoreline = await createShoreline(config);
      if (shoreline.migrations.applied.length > 0) {
        say(`migrations applied: ${shoreline.migrations.applied.join(', ')}`);
      }
      let demoOrganization: string | null = null;
      if (opts.demo && first) {
        say('checking the demo organization…');
        const demo = await seedDemo(shoreline.ctx);
        demoOrganization = demo.organizationId;
        if (demo.seeded) say('demo organization seeded');
        if (await seedDemoDesk(shoreline.ctx, demo.organizationId)) say('demo inbox seeded');
        say(
          `demo sign-in: ${DEMO_USERS.admin} / ${DEMO_PASSWORD}  (also ${DEMO_USERS.supervisor}, ${DEMO_USERS.agent}, ${DEMO_USERS.vendorAdmin}, ${DEMO_USERS.vendorAgent})`,
        );
      }
      const server = await listen(shoreline, config);
      await shoreline.jobs.start();
      const url = config.publicUrl;
      if (cluster.isWorker) process.send?.({ shoreline: 'listening', url });
      else console.log(`Shoreline is running at ${url}  (database: ${where}; API docs: ${url}/api/docs)`);
      // The demo's year of tickets is generated after the server listens: the first page does not
      // wait for it, and Insight fills in as the import commits its batches.
      if (demoOrganization && (await demoYearPending(shoreline.ctx.database, demoOrganization))) {
        console.log('generating the demo year of tickets in the background…');
        seedDemoYear(shoreline.ctx.database, shoreline.ctx.clock, demoOrganization).then(
          (year) =>
            console.log(
              `demo year: ${year.tickets.toLocaleString('en')} tickets in ${year.seconds.toFixed(1)} s`,
            ),
          (err: unknown) => console.error('demo year could not be generated:', err),
        );
      }
      // A second signal during the stop (a terminal's Ctrl-C reaches the workers and their primary,
      // which then stops them too) must not kill the process half-way.
      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        await shoreline.jobs.stop();
        await server.close();
        await shoreline.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}

/** `--workers`: a whole number from 1 to 64, 1 when not given. */
function workerCount(given: string | undefined): number {
  if (given === undefined) return 1;
  const n = Number(given);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new Error(`--workers must be a whole number from 1 to 64`);
  return n;
}

/**
 * `serve --workers N`: this process only starts N workers (node:cluster; they share the port, and
 * the primary hands each new connection to one in turn), restarts one that dies, and stops them all
 * on SIGINT/SIGTERM. The first starts alone (migrations, the demo), the others once it listens.
 * Several processes on one PostgreSQL already work: events reach every process's browsers by
 * LISTEN/NOTIFY, jobs are claimed with SKIP LOCKED, caches are dropped by NOTIFY.
 */
async function superviseWorkers(count: number, smtpPort: number | undefined): Promise<void> {
  const env = (index: number) => ({
    SHORELINE_WORKER_INDEX: String(index),
    ...(smtpPort === undefined ? {} : { SHORELINE_SMTP_PORT: String(smtpPort) }),
  });
  let stopping = false;
  const live = new Set<ReturnType<typeof cluster.fork>>();
  const stopAll = () => {
    stopping = true;
    if (live.size === 0) process.exit(process.exitCode ?? 0);
    for (const w of live) w.process.kill('SIGTERM');
  };
  /** Starts worker `index`; resolves with the URL it serves once it listens (never, if it cannot start). */
  const start = (index: number) =>
    new Promise<string>((listening) => {
      const worker = cluster.fork(env(index));
      live.add(worker);
      let up = false;
      worker.on('message', (m: { shoreline?: string; url?: string }) => {
        if (m?.shoreline !== 'listening') return;
        up = true;
        listening(m.url ?? '');
      });
      worker.on('exit', (code, signal) => {
        live.delete(worker);
        if (stopping) {
          if (live.size === 0) process.exit(process.exitCode ?? 0);
          return;
        }
        if (!up) {
          // One that cannot start would not start again: stop the rest and fail as one process would.
          console.error(`worker ${index} exited (${signal ?? code}) before it listened`);
          process.exitCode = 1;
          stopAll();
          return;
        }
        console.error(`worker ${index} exited (${signal ?? code}); starting another`);
        void start(index);
      });
    });
  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);
  const url = await start(0);
  await Promise.all(Array.from({ length: count - 1 }, (_, i) => start(i + 1)));
  console.log(
    `Shoreline is running at ${url}  (database: PostgreSQL, ${count} worker processes; API docs: ${url}/api/docs)`,
  );
}

const DEMO_SMTP_PORT = 2525;

function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}
