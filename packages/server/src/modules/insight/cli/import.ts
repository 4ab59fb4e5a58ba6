import cliProgress from 'cli-progress';
import { type Command, Option } from 'commander';
import type { CliContext } from '../../../platform/module.js';
import type { ImportFindings } from '../import/findings.js';
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
        const started = performance.now();
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
                const seconds = Math.max(0.001, (performance.now() - started) / 1000);
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
              for (const line of describeFindings(report.findings)) console.log(line);
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

/** The findings of an import as lines for the terminal: coverage per mapped field, then warnings. */
export function describeFindings(f: ImportFindings): string[] {
  const lines: string[] = [];
  if (f.coverage.length > 0)
    lines.push(
      `mapping coverage: ${f.coverage
        .map(
          (c) =>
            `${c.field} ${c.share === null ? 'no values' : `${Math.round(c.share * 1000) / 10}% of ${c.rows} rows`}`,
        )
        .join(', ')}`,
    );
  for (const w of f.warnings) {
    const text = {
      rule_matched_nothing: `warning: ${w.field} rule "${w.value}" matched no row`,
      field_mapped_nothing: `warning: no ${w.field} value of ${w.count} rows was mapped`,
      values_not_mapped: `warning: ${w.count} rows have a ${w.field} the mapping does not cover (e.g. "${w.value}")`,
      reply_links_unresolved: `warning: ${w.count} reply links in ${w.field} point at no post of the file (e.g. "${w.value}")`,
    }[w.code];
    lines.push(text);
  }
  if (f.replyLinks && f.replyLinks.unresolved > 0)
    lines.push(
      `unresolved reply links: ${f.replyLinks.examples.map((e) => `${e.id} → ${e.inReplyTo}`).join(', ')}${f.replyLinks.unresolved > f.replyLinks.examples.length ? ', …' : ''}`,
    );
  return lines;
}
