import type { Command } from 'commander';
import type { CliContext } from '../../platform/module.js';

export function registerMigrate(program: Command, cli: CliContext): void {
  program
    .command('migrate')
    .description('apply pending database migrations (they also run at every start)')
    .action(async () => {
      const report = await cli.withInstance(async (_ctx, migrations) => migrations);
      console.log(
        report.applied.length > 0
          ? `applied: ${report.applied.join(', ')}`
          : `up to date (${report.alreadyApplied} applied)`,
      );
    });
}
