import { type Command, Option } from 'commander';
import type { CliContext } from '../../../platform/module.js';
import { GROUP_BYS, type GroupBy } from '../kpi-query.js';
import { kpiServiceOf } from '../kpi-service.js';
import { kpiRowsToCsv } from '../presenters.js';
import { listRejects } from '../service.js';

/** No run rejects this many rows: the CLI lists them all (the API pages). */
const ALL_REJECTS = 1_000_000_000;

const hours = (s: number | null) => (s === null ? '—' : (s / 3600).toFixed(1));
const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);

export function registerKpi(program: Command, cli: CliContext): void {
  const kpi = program
    .command('kpi')
    .description('KPIs of imported and live tickets, grouped by a dimension')
    .addOption(new Option('--group-by <dimension>', 'grouping').choices(GROUP_BYS).default('provider'))
    .option('--from <date>', 'created on or after (ISO 8601)')
    .option('--to <date>', 'created before (ISO 8601)')
    .option('--source <source>', 'only tickets from this source')
    .addOption(new Option('--format <format>', 'output').choices(['table', 'json', 'csv']).default('table'))
    .option('--organization <name>', 'organization name or id (default: the only one)')
    .action(
      async (opts: {
        groupBy: GroupBy;
        from?: string;
        to?: string;
        source?: string;
        format: string;
        organization?: string;
      }) => {
        await cli.asOrganization(opts.organization, async (scoped, ctx) => {
          const rows = await kpiServiceOf(ctx).kpis(scoped, opts.groupBy, {
            from: opts.from,
            to: opts.to,
            source: opts.source,
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
        });
      },
    );
  kpi
    .command('rejects <runId>')
    .description('rows an import rejected: line, field, reason')
    .option('--organization <name>', 'organization name or id (default: the only one)')
    .action(async (runId: string, _opts: unknown, command: Command) => {
      // `--organization` is also an option of `kpi`, which takes it when it is written after `rejects`.
      const { organization } = command.optsWithGlobals<{ organization?: string }>();
      await cli.asOrganization(organization, async (scoped) => {
        for (const r of await listRejects(scoped, runId, ALL_REJECTS))
          console.log(`${r.file}:${r.line}: ${r.field}: ${r.reason}`);
      });
    });
}
