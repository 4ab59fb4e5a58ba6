import { type Command, InvalidArgumentError } from 'commander';
import { exitTwoOnFileError } from './command-helpers.js';

const HELP = `
REQ.csv: interval_start,required (whole days from a midnight, one step of 5, 15, 30 or 60 minutes, no
gaps). RULES.json (docs/schemas/rules.schema.json): shiftTypes [{ name, lengthMin, meal?: { lengthMin,
earliestAfterStartMin, latestBeforeEndMin, gridMin } }], startGridMin, openingHours?: { openMin,
closeMin }, mode "cyclic" (the horizon repeats: late shifts wrap to its start) or "horizon", tours?:
[{ shiftType, daysOn }] (a cyclic week: daysOn days at one start time, the days off in a row), labour?:
{ preset: EU|HU|LV|TR, minRestMin, night: { startMin, endMin, minMin }, maxNightShiftsPerWeek,
maxNightShiftLengthMin }. The
schedule minimises paid hours (HiGHS integer program in a worker thread; on failure or timeout a
greedy schedule). SHIFTS.csv: day,start,end,type,meal_start,meal_end, one row per shift (an end at or
before the start is on the next day). AGENTS.csv (--agents): name,days,nights,max_hours,prefers,
nights_before,weekends_before (days e.g. "Mon Tue Wed Thu Fri"; nights yes/no; prefers shift type
names); each shift goes to an agent keeping the labour rules (rest between shifts, nights a week),
their days and hours, a tour whole to one agent, nights and weekends rotated fairly (the summary's
fairness line: the spread of nights plus that of weekend shifts, history counted, and the least any
roster of those shifts can reach; where the assignment misses it, HiGHS solves the roster as an
integer program for a quarter of --time-limit, at least 5 s, and says whether it proved the least
spread); SHIFTS.csv then ends with an agent column (blank: no agent could take it), and --calendars DIR writes one iCalendar
file per agent. Unusable input exits with code 2.`;

function seconds(value: string): number {
  const n = Number(value);
  if (!(Number.isInteger(n) && n >= 1 && n <= 3600))
    throw new InvalidArgumentError('must be a whole number of seconds from 1 to 3600');
  return n;
}

export function registerSchedule(program: Command): void {
  program
    .command('schedule')
    .description('shifts covering required agents per interval at the least paid hours')
    .requiredOption('--requirements <file>', 'REQ.csv: interval_start,required')
    .requiredOption('--rules <file>', 'RULES.json')
    .requiredOption('--output <file>', 'SHIFTS.csv to write')
    .option('--time-limit <s>', 'solver time limit, seconds', seconds, 60)
    .option('--json', 'print the summary as JSON (with every interval)')
    .option('--agents <file>', 'AGENTS.csv: assign the shifts to named agents')
    .option('--calendars <dir>', 'with --agents: write <dir>/<agent>.ics for each agent (RFC 5545)')
    .addHelpText('after', HELP)
    .action(
      async (opts: {
        requirements: string;
        rules: string;
        output: string;
        timeLimit: number;
        json?: boolean;
        agents?: string;
        calendars?: string;
      }) => {
        const { runSchedule, scheduleSummary } = await import('./schedule-run.js');
        await exitTwoOnFileError('schedule', async () => {
          const report = await runSchedule({ ...opts, timeLimitSec: opts.timeLimit });
          console.log(opts.json ? JSON.stringify(report) : scheduleSummary(report, opts.output));
        });
      },
    );
}
