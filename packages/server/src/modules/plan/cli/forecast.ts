import { type Command, InvalidArgumentError } from 'commander';
import { exitTwoOnFileError, wholeNumber } from './command-helpers.js';

function method(value: string): string {
  if (!/^(auto|snaive|poisson|pooled|pooled-cv|combo|damped|taylor|mean([1-9]|[1-4]\d|5[0-2]))$/.test(value))
    throw new InvalidArgumentError(
      'must be auto, snaive, mean1 … mean52, poisson, pooled, pooled-cv, combo, damped or taylor',
    );
  return value;
}

function level(value: string): number {
  const n = Number(value);
  if (!(n > 0 && n < 1)) throw new InvalidArgumentError('must be a number between 0 and 1 (0.95 = 95 %)');
  return n;
}

const HELP = `
SERIES.csv: header interval_start,volume (other columns ignored); local timestamps YYYY-MM-DDTHH:MM
at one step of 5, 15, 30 or 60 minutes, in order. A missing interval is an error unless the file has a
line "# missing: zero". At least 7 days of history. FORECAST.csv: interval_start,volume,lower,upper for
the N days after the last input interval, at the input's step. --holidays: header date[,factor] (date
YYYY-MM-DD): those days are left out of the history; in the horizon the forecast is multiplied by the
factor (default 1; "campaign on 14 March: +30 %" is 2027-03-14,1.3). Methods (docs/maths/forecast.md):
snaive (same interval last week), meanN (mean of the same interval over the last N weeks), poisson
(day-of-week × time-of-day shares with a log-linear level), taylor (double-seasonal exponential
smoothing), auto (the least MAE in a rolling-origin backtest from every midnight with a week of
history before it, the latest 28). Unusable input exits with code 2, naming the line and column.`;

export function registerForecast(program: Command): void {
  program
    .command('forecast')
    .description('forecast interval volumes with prediction intervals from a history CSV')
    .requiredOption('--input <file>', 'SERIES.csv: interval_start,volume')
    .requiredOption(
      '--horizon-days <n>',
      'days to forecast after the last input interval',
      wholeNumber(1, 366),
    )
    .requiredOption('--output <file>', 'FORECAST.csv to write')
    .option(
      '--method <name>',
      'auto, snaive, mean1 … mean52, poisson, pooled, pooled-cv, combo, damped or taylor',
      method,
      'auto',
    )
    .option('--holidays <file>', 'special days CSV: date[,factor]')
    .option('--level <p>', 'prediction-interval level', level, 0.95)
    .addHelpText('after', HELP)
    .action(
      async (opts: {
        input: string;
        output: string;
        horizonDays: number;
        method: string;
        holidays?: string;
        level: number;
      }) => {
        const { runForecast, forecastSummary } = await import('./forecast-run.js');
        await exitTwoOnFileError('forecast', async () => {
          const result = await runForecast(opts);
          console.log(forecastSummary(result, opts.output));
        });
      },
    );
}
