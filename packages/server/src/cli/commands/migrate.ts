import type { Command } from 'commander';
import { runMigrations } from '../../main.js';
import { loadConfig } from '../../platform/config.js';
import { openDatabase } from '../../platform/db/connect.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (they also run at every start)')
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
      try {
        const report = await runMigrations(database);
        console.log(
          report.applied.length > 0
            ? `applied: ${report.applied.join(', ')}`
            : `up to date (${report.alreadyApplied} applied)`,
        );
      } finally {
        await database.close();
      }
    });
}
