import cliProgress from 'cli-progress';
import { type Command, Option } from 'commander';
import type { CliContext } from '../../../platform/module.js';
import { ImportError } from '../import/import-error.js';
import { readMappingFile } from '../import/mapping-file.js';
import { runImport } from '../import/run-import.js';
import { IMPORT_FORMATS, type ImportFormat } from '../import/units.js';

/** `shoreline import`: a file into the organization's tickets, resumable, as the system actor `system:cli`. */
export function registerImport(program: Command, cli: CliContext): void {
  program
    .command('import')
    .description('import help-desk history: tickets, or an event log, into Insight (resumable, idempotent)')
    .addArgument(program.createArgument('<format>', 'source format').choices(IMPORT_FORMATS))
    .argument('<file>', 'the export file (CSV, TSV, NDJSON or JSON)')
    .option('--mapping <file>', 'column-mapping JSON (required for csv; see examples/import/)')
    .option('--organization <name>', 'organization name or id (default: the only one)')
    .option('--batch-size <n>', 'tickets per committed batch', (v) => Number.parseInt(v, 10), 5000)
    .addOption(new Option('--no-progress', 'no progress bar'))
    .option('--json', 'print the final report as JSON')
    .action(
      async (
        format: ImportFormat,
        file: string,
        opts: {
          mapping?: string;
          organization?: string;
          batchSize: number;
          progress: boolean;
          json?: boolean;
        },
      ) => {
        const bar = new cliProgress.SingleBar(
          {
            format:
              ' {bar} {percentage}% | {records} records | {rate} rows/s | ETA {eta_formatted} | rejected {rejected}',
            etaBuffer: 20,
          },
          cliProgress.Presets.shades_classic,
        );
        const started = Date.now();
        try {
          await cli.asOrganization(opts.organization, async (scoped, ctx) => {
            const mapping = opts.mapping ? readMappingFile(opts.mapping) : null;
            if (opts.progress && process.stderr.isTTY)
              bar.start(100, 0, { records: 0, rate: 0, rejected: 0 });
            const report = await runImport({
              database: ctx.database,
              clock: ctx.clock,
              organizationId: scoped.actor.organizationId,
              format,
              filePath: file,
              mapping,
              batchSize: opts.batchSize,
              onProgress: (p) => {
                const seconds = Math.max(0.001, (Date.now() - started) / 1000);
                bar.update(p.bytesTotal ? Math.floor((100 * p.bytesDone) / p.bytesTotal) : 0, {
                  records: p.recordsRead,
                  rate: Math.round((p.recordsRead - 0) / seconds),
                  rejected: p.rowsRejected,
                });
                if (process.env.SHORELINE_PROGRESS_LOG)
                  console.log(`progress ${p.recordsRead} ${p.ticketsUpserted}`);
              },
            });
            bar.stop();
            if (opts.json) console.log(JSON.stringify(report));
            else {
              console.log(
                `imported ${file}: ${report.ticketsUpserted} tickets from ${report.recordsRead} records, ${report.rowsRejected} rejected (run ${report.runId}${report.resumedFromUnits ? `, resumed after ${report.resumedFromUnits} units` : ''})`,
              );
              const defects = Object.entries(report.quality).filter(([, n]) => n > 0);
              console.log(
                `data quality: ${defects.length ? defects.map(([f, n]) => `${f} ${n}`).join(', ') : 'no defects found'}`,
              );
              if (report.rowsRejected > 0)
                console.log(`rejected rows: shoreline kpi rejects ${report.runId}`);
            }
          });
        } catch (err) {
          bar.stop();
          if (err instanceof ImportError) {
            console.error(`import failed: ${err.message}`);
            process.exitCode = 2;
            return;
          }
          throw err;
        }
      },
    );
}
