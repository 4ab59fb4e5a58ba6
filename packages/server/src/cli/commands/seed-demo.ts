import type { Command } from 'commander';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../../demo/seed.js';
import { demoYearPending, seedDemoYear } from '../../demo/seed-year.js';
import { runMigrations } from '../../main.js';
import { systemClock } from '../../platform/clock.js';
import { loadConfig } from '../../platform/config.js';
import { openDatabase } from '../../platform/db/connect.js';
import { startProgress } from '../progress.js';

export function registerSeedDemo(program: Command): void {
  program
    .command('seed-demo')
    .description('create the demo organization (does nothing when it exists)')
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
      try {
        await runMigrations(database);
        const demo = await seedDemo(database.db, systemClock);
        console.log(demo.seeded ? 'demo organization seeded' : 'demo organization already present');
        if (await demoYearPending(database, demo.organizationId)) {
          const bar = await startProgress('demo tickets');
          const year = await seedDemoYear(database, systemClock, demo.organizationId, (done, total) =>
            bar.update(done / total),
          );
          bar.stop();
          console.log(
            `demo year: ${year.tickets.toLocaleString('en')} tickets in ${year.seconds.toFixed(1)} s`,
          );
        }
        console.log(`demo sign-in: ${DEMO_USERS.admin} / ${DEMO_PASSWORD}`);
      } finally {
        await database.close();
      }
    });
}
