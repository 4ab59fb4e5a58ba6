import { parseIsoDate } from '@shoreline/core';
import { type Command, Option } from 'commander';
import { runMigrations } from '../../main.js';
import { GROUP_BYS, type GroupBy } from '../../modules/insight/kpi-query.js';
import { kpis } from '../../modules/insight/kpi-service.js';
import { kpiRowsToCsv } from '../../modules/insight/presenters.js';
import { loadConfig } from '../../platform/config.js';
import { openDatabase } from '../../platform/db/connect.js';
import { ScopedDb } from '../../platform/scope.js';
import { resolveOrganization } from './import.js';

const hours = (s: number | null) => (s === null ? '—' : (s / 3600).toFixed(1));
const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);

export function registerKpi(program: Command): void {
  const kpi = program
    .command('kpi')
    .description('KPIs of imported and live tickets, grouped by a dimension')
    .addOption(new Option('--group-by <dimension>', 'grouping').choices(GROUP_BYS).default('provider'))
    .option('--from <date>', 'created on or after (ISO 8601)')
    .option('--to <date>', 'created before (ISO 8601)')
    .option('--source <source>', 'only tickets from this source')
    .option(
      '--include-inferred-resolutions',
      'count resolution times not from the source (flags resolution_inferred, resolved_while_open)',
    )
    .addOption(new Option('--format <format>', 'output').choices(['table', 'json', 'csv']).default('table'))
    .option('--organization <name>', 'organization name or id (default: the only one)')
    .action(
      async (opts: {
        groupBy: GroupBy;
        from?: string;
        to?: string;
        source?: string;
        includeInferredResolutions?: boolean;
        format: string;
        organization?: string;
      }) => {
        // Strict dates, as over HTTP: Date.parse would read 2025-02-30 as 2 March and 1 as 2001.
        for (const [flag, value] of [
          ['--from', opts.from],
          ['--to', opts.to],
        ] as const) {
          if (value === undefined) continue;
          try {
            parseIsoDate(value);
          } catch (err) {
            throw new Error(`${flag}: ${(err as Error).message}`);
          }
        }
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
          const rows = await kpis(scoped, opts.groupBy, {
            from: opts.from,
            to: opts.to,
            source: opts.source,
            includeInferredResolutions: opts.includeInferredResolutions === true,
          });
          if (opts.format === 'json') console.log(JSON.stringify(rows, null, 2));
          else if (opts.format === 'csv') process.stdout.write(kpiRowsToCsv(rows));
          else {
            console.log(
              `| ${opts.groupBy} | tickets | solved | FRT median h | FRT p90 h | resolution median h | resolution p90 h | reopen | SLA met | CSAT ≥4/5 |`,
            );
            console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
            for (const r of rows)
              console.log(
                `| ${r.label ?? r.key ?? '(none)'} | ${r.tickets} | ${r.solved} | ${hours(r.firstResponse.medianSeconds)} | ${hours(r.firstResponse.p90Seconds)} | ${hours(r.resolution.medianSeconds)} | ${hours(r.resolution.p90Seconds)} | ${pct(r.reopenRate)} | ${pct(r.slaAttainment)} | ${pct(r.csatSatisfiedShare)} |`,
              );
          }
        } finally {
          await database.close();
        }
      },
    );
  kpi
    .command('rejects <runId>')
    .description('rows an import rejected: line, field, reason')
    .action(async (runId: string) => {
      const config = loadConfig();
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
      try {
        const rows = await database.db
          .selectFrom('import_rejects')
          .select(['file', 'line', 'field', 'reason'])
          .where('import_run_id', '=', runId)
          .orderBy('line')
          .execute();
        for (const r of rows) console.log(`${r.file}:${r.line}: ${r.field}: ${r.reason}`);
      } finally {
        await database.close();
      }
    });
}
