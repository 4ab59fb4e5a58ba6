import type { Command } from 'commander';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../../demo/seed.js';
import type { CliContext } from '../../platform/module.js';

export function registerSeedDemo(program: Command, cli: CliContext): void {
  program
    .command('seed-demo')
    .description('create the demo organization (does nothing when it exists)')
    .action(async () => {
      const demo = await cli.withInstance(seedDemo);
      console.log(demo.seeded ? 'demo organization seeded' : 'demo organization already present');
      console.log(`demo sign-in: ${DEMO_USERS.admin} / ${DEMO_PASSWORD}`);
    });
}
