import { type Command, InvalidArgumentError, Option } from 'commander';

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!(Number.isFinite(n) && n > 0)) throw new InvalidArgumentError('must be a number > 0');
  return n;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!(Number.isInteger(n) && n > 0)) throw new InvalidArgumentError('must be a whole number > 0');
  return n;
}

const HELP = `
Input columns (CSV with a header; extra columns such as weekday are ignored):
  required  interval_start (YYYY-MM-DDTHH:mm), volume, aht_sec, interval_min (15|30|60),
            target_answer_sec, sl_target (0.8 = 80 %), shrinkage (0.3), max_occupancy (0.85)
  optional  patience_sec (Erlang A instead of C), asa_target_sec, max_abandon (needs patience_sec),
            min_agents (productive agents kept even at volume 0)
Output columns:
  interval_start, volume, raw_positions (productive agents), positions (after shrinkage),
  service_level, occupancy, waiting_probability, asa_sec
Totals (agent-hours, FTE, peak) go to stderr. Bad rows abort the run (exit code 2) listing the first
--max-errors problems by line and column: a plan with missing intervals would understaff them. With
--output nothing is written on failure; on stdout the rows before the first bad one have been written.`;

export function registerStaff(program: Command): void {
  program
    .command('staff')
    .description('staffing per interval (Erlang C, or Erlang A with patience_sec) from an interval CSV')
    .requiredOption('-i, --input <file>', 'interval CSV (- for stdin)')
    .option('-o, --output <file>', 'staffing CSV (default: stdout)')
    .option('--hours-per-week <h>', 'paid hours of one FTE per week, for the FTE total', positiveNumber, 40)
    .option(
      '--paid-hours-per-fte <h>',
      'paid hours of one FTE over the whole file (overrides --hours-per-week)',
      positiveNumber,
    )
    .option('--max-errors <n>', 'problems listed before giving up', positiveInteger, 20)
    .addOption(new Option('--no-progress', 'no progress bar'))
    .addHelpText('after', HELP)
    .action(
      async (opts: {
        input: string;
        output?: string;
        hoursPerWeek: number;
        paidHoursPerFte?: number;
        maxErrors: number;
        progress: boolean;
      }) => {
        const [{ runStaff }, { StaffInputError, formatRowError }] = await Promise.all([
          import('../staff-run.js'),
          import('../staff-csv.js'),
        ]);
        try {
          const { totals, peakRssBytes } = await runStaff(opts);
          // Not toLocaleString: loading Intl costs more than planning a year of intervals.
          const n = (value: number, digits = 1) =>
            String(Number(value.toFixed(digits))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
          const sl = totals.expectedServiceLevel;
          console.error(
            [
              `intervals ${n(totals.intervals, 0)} (${totals.spanHours >= 48 ? `${n(totals.spanHours / 24)} days` : `${n(totals.spanHours, 2)} h`}), volume ${n(totals.volume, 0)}`,
              `agent-hours: productive ${n(totals.rawAgentHours)}, scheduled ${n(totals.scheduledAgentHours)}`,
              `FTE ${n(totals.fte, 2)} (paid hours per FTE ${n(totals.paidHoursPerFte)}${opts.paidHoursPerFte ? '' : ` = ${opts.hoursPerWeek} h/week over the span`})`,
              `peak positions ${totals.peakScheduledAgents} (productive ${totals.peakRawAgents}); expected service level ${sl === null ? 'n/a' : `${(sl * 100).toFixed(2)} %`}`,
            ].join('\n'),
          );
          if (process.env.SHORELINE_REPORT_PEAK_RSS) console.error(`peak_rss_bytes ${peakRssBytes}`);
        } catch (err) {
          if (err instanceof StaffInputError) {
            console.error(
              `shoreline staff: bad input in ${opts.input}; ${opts.output && opts.output !== '-' ? 'nothing written' : 'output is incomplete'}`,
            );
            for (const e of err.errors) console.error(`  ${formatRowError(e)}`);
            if (err.truncated) console.error(`  (stopped after ${err.errors.length} problems)`);
            process.exitCode = 2;
            return;
          }
          const code = (err as NodeJS.ErrnoException).code;
          if (code === 'EPIPE') return;
          if (code === 'ENOENT')
            throw new Error(`no such file or directory: ${(err as NodeJS.ErrnoException).path}`);
          throw err;
        }
      },
    );
}
