// What the plan commands (forecast, schedule, simulate) share around their own work: checking a
// number option, and turning an unusable input file into a one-line message and exit code 2.

import { InvalidArgumentError } from 'commander';

/** commander's parser for a whole-number option from `min` to `max`. */
export function wholeNumber(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!(Number.isInteger(n) && n >= min && n <= max))
      throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}`);
    return n;
  };
}

/**
 * Runs a command's work; an input it cannot use (ForecastFileError) is printed as
 * `shoreline <command>: …` with exit code 2 instead of a stack trace. Anything else is a bug and
 * propagates. forecast-csv.js is loaded only when the command runs, as the command's own code is.
 */
export async function exitTwoOnFileError(command: string, work: () => Promise<void>): Promise<void> {
  const { ForecastFileError } = await import('./forecast-csv.js');
  try {
    await work();
  } catch (err) {
    if (err instanceof ForecastFileError) {
      console.error(`shoreline ${command}: ${err.message}`);
      process.exitCode = 2;
      return;
    }
    throw err;
  }
}
