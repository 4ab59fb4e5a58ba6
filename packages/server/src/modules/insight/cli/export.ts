import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { type Command, Option } from 'commander';
import type { CliContext } from '../../../platform/module.js';
import { appendAudit } from '../../audit/index.js';
import { exportCanonical } from '../export-service.js';

export function registerExport(program: Command, cli: CliContext): void {
  program
    .command('export')
    .description('export tickets in the canonical format (re-importable with `shoreline import canonical`)')
    .addOption(new Option('--format <format>', 'file format').choices(['ndjson', 'csv']).default('ndjson'))
    .option('--out <file>', 'output file (default: standard output)')
    .option('--organization <name>', 'organization name or id (default: the only one)')
    .action(async (opts: { format: 'ndjson' | 'csv'; out?: string; organization?: string }) => {
      await cli.asOrganization(opts.organization, async (scoped, ctx) => {
        const out: Writable = opts.out ? createWriteStream(opts.out) : process.stdout;
        for await (const chunk of exportCanonical(scoped, opts.format)) {
          if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
        }
        if (opts.out)
          await new Promise<void>((resolve, reject) =>
            out.end((err?: Error | null) => (err ? reject(err) : resolve())),
          );
        // Recorded once the file is written: an export that failed midway left nothing to audit.
        await appendAudit(scoped, ctx.clock, {
          action: 'export',
          subjectType: 'tickets',
          subjectId: 'canonical',
          payload: { format: opts.format, out: opts.out ?? 'stdout' },
        });
      });
    });
}
