import type { Command } from 'commander';
import { openShoreline } from '../../main.js';
import { loadConfig } from '../../platform/config.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (they also run at every start)')
    .action(async () => {
      const instance = await openShoreline(loadConfig());
      await instance.close();
      const report = instance.migrations;
      console.log(
        report.applied.length > 0
          ? `applied: ${report.applied.join(', ')}`
          : `up to date (${report.alreadyApplied} applied)`,
      );
    });
}
