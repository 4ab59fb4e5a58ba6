import type { Command } from 'commander';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../../demo/seed.js';
import { seedDemoDesk } from '../../demo/seed-desk.js';
import { demoYearPending, seedDemoYear } from '../../demo/seed-year.js';
import { startProgress } from '../../platform/cli/progress.js';
import type { CliContext } from '../../platform/module.js';

export function registerSeedDemo(program: Command, cli: CliContext): void {
  program
    .command('seed-demo')
    .description('create the demo organization (does nothing when it exists)')
    .action(async () => {
      await cli.withInstance(async (ctx) => {
        const demo = await seedDemo(ctx);
        console.log(demo.seeded ? 'demo organization seeded' : 'demo organization already present');
        if (await seedDemoDesk(ctx, demo.organizationId)) console.log('demo inbox seeded');
        if (await demoYearPending(ctx.database, demo.organizationId)) {
          const bar = await startProgress('demo tickets');
          const year = await seedDemoYear(ctx.database, ctx.clock, demo.organizationId, (done, total) =>
            bar.update(done / total),
          );
          bar.stop();
          console.log(
            `demo year: ${year.tickets.toLocaleString('en')} tickets in ${year.seconds.toFixed(1)} s`,
          );
        }
        console.log(`demo sign-in: ${DEMO_USERS.admin} / ${DEMO_PASSWORD}`);
      });
    });
}
