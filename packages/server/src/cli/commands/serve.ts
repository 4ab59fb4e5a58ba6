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
    .action(async (opts: { demo?: boolean; port?: string }) => {
      const config = loadConfig(opts.port ? { ...process.env, PORT: opts.port } : process.env);
      // The demo takes mail for support@northwind.example on loopback port 2525 unless told otherwise.
      // A second demo (or anything else) on 2525 must not stop the web app from starting.
      if (opts.demo && config.smtpPort === undefined) {
        if (await portIsFree(DEMO_SMTP_PORT, config.smtpHost)) config.smtpPort = DEMO_SMTP_PORT;
        else
          console.log(
            `port ${DEMO_SMTP_PORT} is in use: no SMTP server (set SHORELINE_SMTP_PORT to choose one)`,
          );
      }
      const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
      // Each step of a start says what it does (a first start creates and fills the database).
      console.log(`opening the database (${where}) and applying migrations…`);
      const shoreline = await createShoreline(config);
      if (shoreline.migrations.applied.length > 0) {
        console.log(`migrations applied: ${shoreline.migrations.applied.join(', ')}`);
      }
      let demoOrganization: string | null = null;
      if (opts.demo) {
        console.log('checking the demo organization…');
        const demo = await seedDemo(shoreline.ctx);
        demoOrganization = demo.organizationId;
        if (demo.seeded) console.log('demo organization seeded');
        if (await seedDemoDesk(shoreline.ctx, demo.organizationId)) console.log('demo inbox seeded');
        console.log(
          `demo sign-in: ${DEMO_USERS.admin} / ${DEMO_PASSWORD}  (also ${DEMO_USERS.supervisor}, ${DEMO_USERS.agent}, ${DEMO_USERS.vendorAdmin}, ${DEMO_USERS.vendorAgent})`,
        );
      }
      const server = await listen(shoreline, config);
      await shoreline.jobs.start();
      const url = config.publicUrl;
      console.log(`Shoreline is running at ${url}  (database: ${where}; API docs: ${url}/api/docs)`);
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
      const stop = async () => {
        await shoreline.jobs.stop();
        await server.close();
        await shoreline.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

const DEMO_SMTP_PORT = 2525;

function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}
