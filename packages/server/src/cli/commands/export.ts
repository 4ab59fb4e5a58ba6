import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { type Command, Option } from 'commander';
import { runMigrations } from '../../main.js';
import { exportCanonical } from '../../modules/insight/export-service.js';
import { loadConfig } from '../../platform/config.js';
import { openDatabase } from '../../platform/db/connect.js';
import { ScopedDb } from '../../platform/scope.js';
import { resolveOrganization } from './import.js';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export tickets in the canonical format (re-importable with `shoreline import canonical`)')
    .addOption(new Option('--format <format>', 'file format').choices(['ndjson', 'csv']).default('ndjson'))
    .option('--out <file>', 'output file (default: standard output)')
    .option('--organization <name>', 'organization name or id (default: the only one)')
    .action(async (opts: { format: 'ndjson' | 'csv'; out?: string; organization?: string }) => {
      const config = loadConfig();
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
      try {
        await runMigrations(database);
        const organizationId = await resolveOrganization(database, opts.organization);
        const scoped = new ScopedDb(database.db, {
          userId: 'cli',
          organizationId,
          providerId: null,
          role: 'admin',
        });
        const out: Writable = opts.out ? createWriteStream(opts.out) : process.stdout;
        for await (const chunk of exportCanonical(scoped, opts.format)) {
          if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
        }
        if (opts.out)
          await new Promise<void>((resolve, reject) =>
            out.end((err?: Error | null) => (err ? reject(err) : resolve())),
          );
      } finally {
        await database.close();
      }
    });
}
