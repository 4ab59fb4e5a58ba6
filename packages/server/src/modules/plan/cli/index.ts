import type { Command } from 'commander';
import { registerForecast } from './forecast.js';
import { registerSchedule } from './schedule.js';
import { registerSimulate } from './simulate.js';
import { registerStaff } from './staff.js';

/**
 * `staff`, `simulate`, `forecast` and `schedule`: pure computation that must start in milliseconds, so these files load only
 * commander; the planning code is imported when a command runs. src/cli/main.ts registers them alone,
 * without the other modules, when the invocation is one of them.
 */
export function registerPlanCommands(program: Command): void {
  registerStaff(program);
  registerSimulate(program);
  registerForecast(program);
  registerSchedule(program);
}
