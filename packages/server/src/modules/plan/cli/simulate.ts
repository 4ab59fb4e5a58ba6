import { type Command, Option } from 'commander';
import { wholeNumber } from './command-helpers.js';

interface SimulateOpts {
  output?: string;
  replications?: number;
  seed?: number;
  traceBank?: string;
  traceSkill?: string;
  table: boolean;
  progress: boolean;
}

const HELP = `
The scenario is JSON (see docs/maths/simulation.md and examples/plan/*.json): intervals, skills with
arrivals, service and patience, agent groups with skills and staffing per interval, routing stages
with overflow. Problems are listed by field path (e.g. skills[0].service.meanSec) and exit code 2.
--trace-bank replays the Anonymous Bank call log (Brown et al., JASA 2005) as the arrivals of
--trace-skill (default: the first skill); calls after the last interval are left out.`;

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('simulate a contact-center scenario: SL, ASA, abandonment, occupancy with 95% CIs')
    .argument('<scenario>', 'scenario JSON file')
    .option('-o, --output <file>', 'write the full result as JSON (- for stdout, instead of the table)')
    .option(
      '-r, --replications <n>',
      'independent replications (overrides the scenario)',
      wholeNumber(1, 10_000),
    )
    .option('-s, --seed <s>', 'seed (overrides the scenario)', wholeNumber(0, 0xffffffff))
    .option('--trace-bank <file>', 'replay an Anonymous Bank call-log CSV as the arrivals')
    .option('--trace-skill <id>', 'the skill the replayed calls belong to (default: the first)')
    .addOption(new Option('--no-table', 'do not print the per-interval table'))
    .addOption(new Option('--no-progress', 'no progress bar'))
    .addHelpText('after', HELP)
    .action(async (file: string, opts: SimulateOpts) => {
      const { runSimulate, ScenarioFileError } = await import('./staff-simulate.js');
      try {
        await runSimulate(file, opts);
      } catch (err) {
        if (err instanceof ScenarioFileError) {
          console.error(`shoreline simulate: ${err.message}`);
          for (const line of err.problems) console.error(`  ${line}`);
          process.exitCode = 2;
          return;
        }
        throw err;
      }
    });
}
