import { type Command, InvalidArgumentError, Option } from 'commander';
import { isPositiveInteger, isPositiveNumber, type StaffCommandOptions } from './staff-args.js';

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!isPositiveNumber(n)) throw new InvalidArgumentError('must be a number > 0');
  return n;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!isPositiveInteger(n)) throw new InvalidArgumentError('must be a whole number > 0');
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
    .action(async (opts: StaffCommandOptions) => {
      const { staffAction } = await import('./staff-action.js');
      await staffAction(opts);
    });
}
